package io.edxstack.openstack;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

import javax.annotation.Nullable;
import java.util.Map;
import java.util.Optional;

/** Inputs of an object-storage container ({@code openstack:objectstorage/container:Container}): a bucket on Ceph RGW. */
public final class ContainerArgs extends ResourceArgs {
    @Import(name = "name")
    private @Nullable Output<String> name;

    @Import(name = "region")
    private @Nullable Output<String> region;

    @Import(name = "versioning")
    private @Nullable Output<Boolean> versioning;

    @Import(name = "forceDestroy")
    private @Nullable Output<Boolean> forceDestroy;

    @Import(name = "metadata")
    private @Nullable Output<Map<String, String>> metadata;

    public Optional<Output<String>> name() {
        return Optional.ofNullable(name);
    }

    public Optional<Output<String>> region() {
        return Optional.ofNullable(region);
    }

    public Optional<Output<Boolean>> versioning() {
        return Optional.ofNullable(versioning);
    }

    public Optional<Output<Boolean>> forceDestroy() {
        return Optional.ofNullable(forceDestroy);
    }

    public Optional<Output<Map<String, String>>> metadata() {
        return Optional.ofNullable(metadata);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final ContainerArgs args = new ContainerArgs();

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

        public Builder versioning(@Nullable Output<Boolean> versioning) {
            args.versioning = versioning;
            return this;
        }

        public Builder versioning(@Nullable Boolean versioning) {
            return versioning(versioning == null ? null : Output.of(versioning));
        }

        public Builder forceDestroy(@Nullable Output<Boolean> forceDestroy) {
            args.forceDestroy = forceDestroy;
            return this;
        }

        public Builder forceDestroy(@Nullable Boolean forceDestroy) {
            return forceDestroy(forceDestroy == null ? null : Output.of(forceDestroy));
        }

        public Builder metadata(@Nullable Output<Map<String, String>> metadata) {
            args.metadata = metadata;
            return this;
        }

        public Builder metadata(@Nullable Map<String, String> metadata) {
            return metadata(metadata == null ? null : Output.of(metadata));
        }

        public ContainerArgs build() {
            return args;
        }
    }
}
