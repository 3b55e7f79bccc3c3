package io.edxstack.openstack;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

import javax.annotation.Nullable;
import java.util.Optional;

/** Inputs of a Magnum cluster ({@code openstack:containerinfra/cluster:Cluster}). Only what must be per-cluster: everything else comes from the template, so a template change never forces a replacement. */
public final class ClusterArgs extends ResourceArgs {
    @Import(name = "name")
    private @Nullable Output<String> name;

    @Import(name = "region")
    private @Nullable Output<String> region;

    @Import(name = "clusterTemplateId")
    private @Nullable Output<String> clusterTemplateId;

    @Import(name = "masterCount")
    private @Nullable Output<Integer> masterCount;

    @Import(name = "nodeCount")
    private @Nullable Output<Integer> nodeCount;

    @Import(name = "keypair")
    private @Nullable Output<String> keypair;

    @Import(name = "createTimeout")
    private @Nullable Output<Integer> createTimeout;

    public Optional<Output<String>> name() {
        return Optional.ofNullable(name);
    }

    public Optional<Output<String>> region() {
        return Optional.ofNullable(region);
    }

    public Optional<Output<String>> clusterTemplateId() {
        return Optional.ofNullable(clusterTemplateId);
    }

    public Optional<Output<Integer>> masterCount() {
        return Optional.ofNullable(masterCount);
    }

    public Optional<Output<Integer>> nodeCount() {
        return Optional.ofNullable(nodeCount);
    }

    public Optional<Output<String>> keypair() {
        return Optional.ofNullable(keypair);
    }

    public Optional<Output<Integer>> createTimeout() {
        return Optional.ofNullable(createTimeout);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final ClusterArgs args = new ClusterArgs();

        public Builder name(@Nullable Output<String> name) {
            args.name = name;
            return this;
        }

        public Builder name(@Nullable String name) {
            return name(name == null ? null : Output.of(name));
        }

        public Builder region(@Nullable Output<String> region) {
            args.region = region;
            return this;
        }

        public Builder region(@Nullable String region) {
            return region(region == null ? null : Output.of(region));
        }

        public Builder clusterTemplateId(@Nullable Output<String> clusterTemplateId) {
            args.clusterTemplateId = clusterTemplateId;
            return this;
        }

        public Builder clusterTemplateId(@Nullable String clusterTemplateId) {
            return clusterTemplateId(clusterTemplateId == null ? null : Output.of(clusterTemplateId));
        }

        public Builder masterCount(@Nullable Output<Integer> masterCount) {
            args.masterCount = masterCount;
            return this;
        }

        public Builder masterCount(@Nullable Integer masterCount) {
            return masterCount(masterCount == null ? null : Output.of(masterCount));
        }

        public Builder nodeCount(@Nullable Output<Integer> nodeCount) {
            args.nodeCount = nodeCount;
            return this;
        }

        public Builder nodeCount(@Nullable Integer nodeCount) {
            return nodeCount(nodeCount == null ? null : Output.of(nodeCount));
        }

        public Builder keypair(@Nullable Output<String> keypair) {
            args.keypair = keypair;
            return this;
        }

        public Builder keypair(@Nullable String keypair) {
            return keypair(keypair == null ? null : Output.of(keypair));
        }

        public Builder createTimeout(@Nullable Output<Integer> createTimeout) {
            args.createTimeout = createTimeout;
            return this;
        }

        public Builder createTimeout(@Nullable Integer createTimeout) {
            return createTimeout(createTimeout == null ? null : Output.of(createTimeout));
        }

        public ClusterArgs build() {
            return args;
        }
    }
}
