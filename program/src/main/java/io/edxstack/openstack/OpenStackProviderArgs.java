package io.edxstack.openstack;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

import javax.annotation.Nullable;
import java.util.Optional;

/**
 * Provider settings edxstack sets. Credentials are deliberately absent: they come from the OS_*
 * environment (an application credential in Zuul) or a clouds.yaml entry, never from stack config.
 */
public final class OpenStackProviderArgs extends ResourceArgs {

    @Import(name = "cloud")
    private @Nullable Output<String> cloud;

    @Import(name = "region")
    private @Nullable Output<String> region;

    public Optional<Output<String>> cloud() {
        return Optional.ofNullable(cloud);
    }

    public Optional<Output<String>> region() {
        return Optional.ofNullable(region);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final OpenStackProviderArgs args = new OpenStackProviderArgs();

        public Builder cloud(@Nullable Output<String> cloud) {
            args.cloud = cloud;
            return this;
        }

        public Builder cloud(String cloud) {
            return cloud(Output.of(cloud));
        }

        public Builder region(Output<String> region) {
            args.region = region;
            return this;
        }

        public Builder region(String region) {
            return region(Output.of(region));
        }

        public OpenStackProviderArgs build() {
            return args;
        }
    }
}
