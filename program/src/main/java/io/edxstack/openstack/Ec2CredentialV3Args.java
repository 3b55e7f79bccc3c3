package io.edxstack.openstack;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

import javax.annotation.Nullable;
import java.util.Optional;

/** Inputs of a Keystone EC2 credential ({@code openstack:identity/ec2CredentialV3:Ec2CredentialV3}): S3 keys for Ceph RGW. */
public final class Ec2CredentialV3Args extends ResourceArgs {
    @Import(name = "region")
    private @Nullable Output<String> region;

    @Import(name = "projectId")
    private @Nullable Output<String> projectId;

    @Import(name = "userId")
    private @Nullable Output<String> userId;

    public Optional<Output<String>> region() {
        return Optional.ofNullable(region);
    }

    public Optional<Output<String>> projectId() {
        return Optional.ofNullable(projectId);
    }

    public Optional<Output<String>> userId() {
        return Optional.ofNullable(userId);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final Ec2CredentialV3Args args = new Ec2CredentialV3Args();

        public Builder region(@Nullable Output<String> region) {
            args.region = region;
            return this;
        }

        public Builder region(@Nullable String region) {
            return region(region == null ? null : Output.of(region));
        }

        public Builder projectId(@Nullable Output<String> projectId) {
            args.projectId = projectId;
            return this;
        }

        public Builder projectId(@Nullable String projectId) {
            return projectId(projectId == null ? null : Output.of(projectId));
        }

        public Builder userId(@Nullable Output<String> userId) {
            args.userId = userId;
            return this;
        }

        public Builder userId(@Nullable String userId) {
            return userId(userId == null ? null : Output.of(userId));
        }

        public Ec2CredentialV3Args build() {
            return args;
        }
    }
}
