package io.edxstack.cluster;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.ProviderArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.CustomTimeouts;
import io.edxstack.config.ClusterTemplateSpec;
import io.edxstack.openstack.Cluster;
import io.edxstack.openstack.ClusterArgs;
import io.edxstack.openstack.ClusterTemplate;
import io.edxstack.openstack.ClusterTemplateArgs;

import javax.annotation.Nullable;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Magnum Kubernetes cluster with its template versions and its Kubernetes provider.
 *
 * <p>Magnum refuses to change a template a cluster uses, and almost every Cluster input forces a
 * replacement. So every template version of the catalogue is its own resource, the Cluster names the one
 * version its stack config selects, and the Cluster carries no input a template edit could touch (no
 * labels, flavors or network): adding a version never moves a running cluster, and moving it is a
 * reviewed change of {@code edxstack:cluster.template} that the provider performs as a Magnum upgrade.
 */
public final class MagnumCluster extends ComponentResource implements KubernetesCluster {
    public static final String TYPE = "edxstack:cluster:MagnumCluster";
    /** Margin over Magnum's own create timeout, so Magnum reports its failure before the engine gives up. */
    private static final Duration ENGINE_TIMEOUT_MARGIN = Duration.ofMinutes(10);

    private final Map<String, ClusterTemplate> templates = new LinkedHashMap<>();
    private final Cluster cluster;
    private final Provider provider;
    private final Output<String> kubeconfig;

    public MagnumCluster(String name, MagnumClusterArgs args, @Nullable ComponentResourceOptions options) {
        super(TYPE, name, null, options);
        var config = args.cluster();
        var childOptions = CustomResourceOptions.builder().parent(this).build();
        for (ClusterTemplateSpec spec : args.templates()) {
            templates.put(spec.version(), new ClusterTemplate(name + "-" + spec.version(),
                    templateArgs(name + "-" + spec.version(), spec, args), childOptions));
        }
        var template = templates.get(config.templateVersion());
        this.cluster = new Cluster(name, ClusterArgs.builder()
                .name(config.name())
                .region(args.region())
                .clusterTemplateId(template.id())
                .masterCount(config.masterCount())
                .nodeCount(config.nodeCount())
                .keypair(config.keypair())
                .createTimeout(config.createTimeoutMinutes())
                .build(),
                CustomResourceOptions.builder()
                        .parent(this)
                        .protect(true)
                        .customTimeouts(CustomTimeouts.builder()
                                .create(Duration.ofMinutes(config.createTimeoutMinutes()).plus(ENGINE_TIMEOUT_MARGIN))
                                .build())
                        .build());
        // Null until Magnum has made the cluster (a first preview): the provider then waits, as for an unknown.
        this.kubeconfig = cluster.kubeconfig().applyValue(k -> k == null ? null : k.get("rawConfig")).asSecret();
        this.provider = new Provider(name + "-k8s", ProviderArgs.builder().kubeconfig(kubeconfig).build(),
                KubernetesPlugin.providerOptions(this));
        registerOutputs(Map.of(
                "clusterId", cluster.id(),
                "clusterName", cluster.name(),
                "kubeconfig", kubeconfig,
                "templateId", template.id()));
    }

    private static ClusterTemplateArgs templateArgs(String templateName, ClusterTemplateSpec spec, MagnumClusterArgs args) {
        var network = args.cluster().network();
        return ClusterTemplateArgs.builder()
                .name(templateName)
                .region(args.region())
                .coe("kubernetes")
                .serverType("vm")
                .image(spec.image())
                .flavor(spec.flavor())
                .masterFlavor(spec.masterFlavor())
                .dockerVolumeSize(spec.dockerVolumeSize())
                .volumeDriver("cinder")
                .networkDriver(spec.networkDriver())
                .externalNetworkId(network.externalNetworkId())
                .fixedNetwork(network.fixedNetwork().orElse(null))
                .fixedSubnet(network.fixedSubnet().orElse(null))
                .dnsNameserver(network.dnsNameserver().orElse(null))
                .floatingIpEnabled(network.floatingIpEnabled())
                .masterLbEnabled(spec.masterLbEnabled())
                .registryEnabled(spec.registryEnabled())
                .tlsDisabled(false)
                .isPublic(false)
                .labels(spec.labels())
                .build();
    }

    public Cluster cluster() {
        return cluster;
    }

    public Map<String, ClusterTemplate> templates() {
        return Map.copyOf(templates);
    }

    @Override
    public Provider provider() {
        return provider;
    }

    @Override
    public Output<String> clusterId() {
        return cluster.id();
    }

    @Override
    public Output<String> clusterName() {
        return cluster.name();
    }

    /** Magnum's admin kubeconfig, always a secret. */
    public Output<String> kubeconfig() {
        return kubeconfig;
    }
}
