package io.edxstack.config;

import io.edxstack.config.StackConfig.ClusterConfig;
import io.edxstack.config.StackConfig.ExistingClusterConfig;
import io.edxstack.config.StackConfig.MagnumClusterConfig;
import io.edxstack.config.StackConfig.NetworkConfig;
import io.edxstack.config.StackConfig.StorageConfig;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import static io.edxstack.config.ConfigKeys.*;

/** Turns a stack's raw config into a {@link StackConfig}, reporting every problem at once. */
public final class StackConfigParser {
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    private static final List<Integer> QUORUM_SIZES = List.of(1, 3, 5);

    private StackConfigParser() {
    }

    /** Parses and validates; problems go to {@code problems}, the caller throws once all input is read. */
    public static StackConfig parse(String stackName, RawConfig raw, Problems problems) {
        ConfigReader config = new ConfigReader(raw, problems);
        config.rejectUnknownKeys();
        String region = config.requiredString(REGION, "every stack deploys to exactly one OpenStack region");
        Role role = config.oneOf(ROLE, Set.of("active", "standby")).equals("standby") ? Role.STANDBY : Role.ACTIVE;
        Optional<String> peer = config.optionalString(PEER_STACK);
        peer.filter(p -> p.equals(stackName) || p.endsWith("/" + stackName))
                .ifPresent(p -> config.problem(PEER_STACK, "names this stack itself, perhaps the other region's stack"));
        ClusterConfig cluster = switch (config.oneOf(CLUSTER_MODE, Set.of("magnum", "existing"))) {
            case "existing" -> existingCluster(config);
            default -> magnumCluster(config);
        };
        StorageConfig storage = new StorageConfig(
                config.optionalString(STORAGE_VOLUME_TYPE),
                config.optionalString(STORAGE_AZ),
                config.oneOf(STORAGE_FS_TYPE, Set.of("ext4", "xfs")),
                config.bool(STORAGE_DEFAULT_CLASS));
        String ingressNamespace = config.optionalString(INGRESS_NAMESPACE).orElse("kube-system");
        if (!DNS_LABEL.matcher(ingressNamespace).matches()) {
            config.problem(INGRESS_NAMESPACE, "must be a Kubernetes namespace name (got '" + ingressNamespace + "')");
        }
        boolean magnum = cluster instanceof MagnumClusterConfig;
        return new StackConfig(stackName, region, role, peer, config.optionalString(OPENSTACK_CLOUD),
                cluster, storage, ingressNamespace, WorkloadConfigParser.parse(config),
                BackupConfigParser.backup(config, magnum), BackupConfigParser.failover(config, role, magnum));
    }

    private static ClusterConfig existingCluster(ConfigReader config) {
        for (var key : List.of(CLUSTER_NAME, CLUSTER_TEMPLATE, CLUSTER_KEYPAIR, NETWORK_EXTERNAL, NETWORK_FIXED,
                NETWORK_FIXED_SUBNET, NETWORK_DNS)) {
            config.rejectIfSet(key, "with edxstack:cluster.mode existing");
        }
        // Unset: every run brings its own identity through KUBECONFIG (deploy: the deployer, drift: the reader).
        return new ExistingClusterConfig(config.secret(CLUSTER_KUBECONFIG));
    }

    private static ClusterConfig magnumCluster(ConfigReader config) {
        config.rejectIfSet(CLUSTER_KUBECONFIG, "with edxstack:cluster.mode magnum (the kubeconfig comes from Magnum)");
        String name = config.requiredString(CLUSTER_NAME, "Magnum needs a cluster name");
        if (!name.isEmpty() && !DNS_LABEL.matcher(name).matches()) {
            config.problem(CLUSTER_NAME, "must be a DNS-1123 label: lower-case letters, digits and '-', "
                    + "at most 63 characters (got '" + name + "')");
        }
        String template = config.requiredString(CLUSTER_TEMPLATE,
                "the cluster runs one version of stacks/cluster-templates/");
        int masters = config.integer(CLUSTER_MASTER_COUNT, 1, 5);
        if (!QUORUM_SIZES.contains(masters)) {
            config.problem(CLUSTER_MASTER_COUNT, "must be 1, 3 or 5 (got " + masters + ")");
        }
        int nodes = config.integer(CLUSTER_NODE_COUNT, 1, 100);
        String keypair = config.requiredString(CLUSTER_KEYPAIR, "the nodes need a Nova keypair");
        int timeout = config.integer(CLUSTER_CREATE_TIMEOUT, 10, 1440);
        return new MagnumClusterConfig(name, template, masters, nodes, keypair, timeout, network(config));
    }

    private static NetworkConfig network(ConfigReader config) {
        String external = config.requiredString(NETWORK_EXTERNAL, "the load balancers need an external network");
        Optional<String> fixed = config.optionalString(NETWORK_FIXED);
        Optional<String> subnet = config.optionalString(NETWORK_FIXED_SUBNET);
        if (fixed.isPresent() != subnet.isPresent()) {
            config.problem(fixed.isPresent() ? NETWORK_FIXED_SUBNET : NETWORK_FIXED,
                    "network.fixedNetwork and network.fixedSubnet go together, perhaps set both or neither");
        }
        Optional<String> dns = config.optionalString(NETWORK_DNS);
        dns.filter(d -> !ConfigPatterns.IPV4.matcher(d).matches())
                .ifPresent(d -> config.problem(NETWORK_DNS, "must be an IPv4 address (got '" + d + "')"));
        return new NetworkConfig(external, fixed, subnet, dns, config.bool(NETWORK_FLOATING_IPS));
    }
}
