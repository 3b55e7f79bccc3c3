package io.edxstack.openstack;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

import javax.annotation.Nullable;
import java.util.Map;
import java.util.Optional;

/** Inputs of a Magnum cluster template ({@code openstack:containerinfra/clusterTemplate:ClusterTemplate}). */
public final class ClusterTemplateArgs extends ResourceArgs {
    @Import(name = "coe", required = true)
    private @Nullable Output<String> coe;

    @Import(name = "name")
    private @Nullable Output<String> name;

    @Import(name = "region")
    private @Nullable Output<String> region;

    @Import(name = "image")
    private @Nullable Output<String> image;

    @Import(name = "flavor")
    private @Nullable Output<String> flavor;

    @Import(name = "masterFlavor")
    private @Nullable Output<String> masterFlavor;

    @Import(name = "dockerVolumeSize")
    private @Nullable Output<Integer> dockerVolumeSize;

    @Import(name = "volumeDriver")
    private @Nullable Output<String> volumeDriver;

    @Import(name = "networkDriver")
    private @Nullable Output<String> networkDriver;

    @Import(name = "serverType")
    private @Nullable Output<String> serverType;

    @Import(name = "externalNetworkId")
    private @Nullable Output<String> externalNetworkId;

    @Import(name = "fixedNetwork")
    private @Nullable Output<String> fixedNetwork;

    @Import(name = "fixedSubnet")
    private @Nullable Output<String> fixedSubnet;

    @Import(name = "dnsNameserver")
    private @Nullable Output<String> dnsNameserver;

    @Import(name = "floatingIpEnabled")
    private @Nullable Output<Boolean> floatingIpEnabled;

    @Import(name = "masterLbEnabled")
    private @Nullable Output<Boolean> masterLbEnabled;

    @Import(name = "registryEnabled")
    private @Nullable Output<Boolean> registryEnabled;

    @Import(name = "tlsDisabled")
    private @Nullable Output<Boolean> tlsDisabled;

    @Import(name = "public")
    private @Nullable Output<Boolean> isPublic;

    @Import(name = "labels")
    private @Nullable Output<Map<String, String>> labels;

    public Output<String> coe() {
        return coe;
    }

    public Optional<Output<String>> name() {
        return Optional.ofNullable(name);
    }

    public Optional<Output<String>> region() {
        return Optional.ofNullable(region);
    }

    public Optional<Output<String>> image() {
        return Optional.ofNullable(image);
    }

    public Optional<Output<String>> flavor() {
        return Optional.ofNullable(flavor);
    }

    public Optional<Output<String>> masterFlavor() {
        return Optional.ofNullable(masterFlavor);
    }

    public Optional<Output<Integer>> dockerVolumeSize() {
        return Optional.ofNullable(dockerVolumeSize);
    }

    public Optional<Output<String>> volumeDriver() {
        return Optional.ofNullable(volumeDriver);
    }

    public Optional<Output<String>> networkDriver() {
        return Optional.ofNullable(networkDriver);
    }

    public Optional<Output<String>> serverType() {
        return Optional.ofNullable(serverType);
    }

    public Optional<Output<String>> externalNetworkId() {
        return Optional.ofNullable(externalNetworkId);
    }

    public Optional<Output<String>> fixedNetwork() {
        return Optional.ofNullable(fixedNetwork);
    }

    public Optional<Output<String>> fixedSubnet() {
        return Optional.ofNullable(fixedSubnet);
    }

    public Optional<Output<String>> dnsNameserver() {
        return Optional.ofNullable(dnsNameserver);
    }

    public Optional<Output<Boolean>> floatingIpEnabled() {
        return Optional.ofNullable(floatingIpEnabled);
    }

    public Optional<Output<Boolean>> masterLbEnabled() {
        return Optional.ofNullable(masterLbEnabled);
    }

    public Optional<Output<Boolean>> registryEnabled() {
        return Optional.ofNullable(registryEnabled);
    }

    public Optional<Output<Boolean>> tlsDisabled() {
        return Optional.ofNullable(tlsDisabled);
    }

    public Optional<Output<Boolean>> isPublic() {
        return Optional.ofNullable(isPublic);
    }

    public Optional<Output<Map<String, String>>> labels() {
        return Optional.ofNullable(labels);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final ClusterTemplateArgs args = new ClusterTemplateArgs();

        public Builder coe(@Nullable Output<String> coe) {
            args.coe = coe;
            return this;
        }

        public Builder coe(@Nullable String coe) {
            return coe(coe == null ? null : Output.of(coe));
        }

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

        public Builder image(@Nullable Output<String> image) {
            args.image = image;
            return this;
        }

        public Builder image(@Nullable String image) {
            return image(image == null ? null : Output.of(image));
        }

        public Builder flavor(@Nullable Output<String> flavor) {
            args.flavor = flavor;
            return this;
        }

        public Builder flavor(@Nullable String flavor) {
            return flavor(flavor == null ? null : Output.of(flavor));
        }

        public Builder masterFlavor(@Nullable Output<String> masterFlavor) {
            args.masterFlavor = masterFlavor;
            return this;
        }

        public Builder masterFlavor(@Nullable String masterFlavor) {
            return masterFlavor(masterFlavor == null ? null : Output.of(masterFlavor));
        }

        public Builder dockerVolumeSize(@Nullable Output<Integer> dockerVolumeSize) {
            args.dockerVolumeSize = dockerVolumeSize;
            return this;
        }

        public Builder dockerVolumeSize(@Nullable Integer dockerVolumeSize) {
            return dockerVolumeSize(dockerVolumeSize == null ? null : Output.of(dockerVolumeSize));
        }

        public Builder volumeDriver(@Nullable Output<String> volumeDriver) {
            args.volumeDriver = volumeDriver;
            return this;
        }

        public Builder volumeDriver(@Nullable String volumeDriver) {
            return volumeDriver(volumeDriver == null ? null : Output.of(volumeDriver));
        }

        public Builder networkDriver(@Nullable Output<String> networkDriver) {
            args.networkDriver = networkDriver;
            return this;
        }

        public Builder networkDriver(@Nullable String networkDriver) {
            return networkDriver(networkDriver == null ? null : Output.of(networkDriver));
        }

        public Builder serverType(@Nullable Output<String> serverType) {
            args.serverType = serverType;
            return this;
        }

        public Builder serverType(@Nullable String serverType) {
            return serverType(serverType == null ? null : Output.of(serverType));
        }

        public Builder externalNetworkId(@Nullable Output<String> externalNetworkId) {
            args.externalNetworkId = externalNetworkId;
            return this;
        }

        public Builder externalNetworkId(@Nullable String externalNetworkId) {
            return externalNetworkId(externalNetworkId == null ? null : Output.of(externalNetworkId));
        }

        public Builder fixedNetwork(@Nullable Output<String> fixedNetwork) {
            args.fixedNetwork = fixedNetwork;
            return this;
        }

        public Builder fixedNetwork(@Nullable String fixedNetwork) {
            return fixedNetwork(fixedNetwork == null ? null : Output.of(fixedNetwork));
        }

        public Builder fixedSubnet(@Nullable Output<String> fixedSubnet) {
            args.fixedSubnet = fixedSubnet;
            return this;
        }

        public Builder fixedSubnet(@Nullable String fixedSubnet) {
            return fixedSubnet(fixedSubnet == null ? null : Output.of(fixedSubnet));
        }

        public Builder dnsNameserver(@Nullable Output<String> dnsNameserver) {
            args.dnsNameserver = dnsNameserver;
            return this;
        }

        public Builder dnsNameserver(@Nullable String dnsNameserver) {
            return dnsNameserver(dnsNameserver == null ? null : Output.of(dnsNameserver));
        }

        public Builder floatingIpEnabled(@Nullable Output<Boolean> floatingIpEnabled) {
            args.floatingIpEnabled = floatingIpEnabled;
            return this;
        }

        public Builder floatingIpEnabled(@Nullable Boolean floatingIpEnabled) {
            return floatingIpEnabled(floatingIpEnabled == null ? null : Output.of(floatingIpEnabled));
        }

        public Builder masterLbEnabled(@Nullable Output<Boolean> masterLbEnabled) {
            args.masterLbEnabled = masterLbEnabled;
            return this;
        }

        public Builder masterLbEnabled(@Nullable Boolean masterLbEnabled) {
            return masterLbEnabled(masterLbEnabled == null ? null : Output.of(masterLbEnabled));
        }

        public Builder registryEnabled(@Nullable Output<Boolean> registryEnabled) {
            args.registryEnabled = registryEnabled;
            return this;
        }

        public Builder registryEnabled(@Nullable Boolean registryEnabled) {
            return registryEnabled(registryEnabled == null ? null : Output.of(registryEnabled));
        }

        public Builder tlsDisabled(@Nullable Output<Boolean> tlsDisabled) {
            args.tlsDisabled = tlsDisabled;
            return this;
        }

        public Builder tlsDisabled(@Nullable Boolean tlsDisabled) {
            return tlsDisabled(tlsDisabled == null ? null : Output.of(tlsDisabled));
        }

        public Builder isPublic(@Nullable Output<Boolean> isPublic) {
            args.isPublic = isPublic;
            return this;
        }

        public Builder isPublic(@Nullable Boolean isPublic) {
            return isPublic(isPublic == null ? null : Output.of(isPublic));
        }

        public Builder labels(@Nullable Output<Map<String, String>> labels) {
            args.labels = labels;
            return this;
        }

        public Builder labels(@Nullable Map<String, String> labels) {
            return labels(labels == null ? null : Output.of(labels));
        }

        public ClusterTemplateArgs build() {
            if (args.coe == null) {
                throw new IllegalStateException("ClusterTemplateArgs.coe is required");
            }
            return args;
        }
    }
}
