package io.edxstack.config;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads and validates one cluster-template version. */
final class ClusterTemplateSpecParser {
    static final Pattern VERSION = Pattern.compile("[a-z0-9]([-a-z0-9]{0,38}[a-z0-9])?");
    private static final Pattern KUBE_TAG = Pattern.compile("v\\d+\\.\\d+\\.\\d+(-[a-z0-9]+)?");
    /** Labels with a typed key above: set through extraLabels they would silently fight the typed value. */
    private static final Map<String, String> TYPED_LABELS = Map.of(
            "kube_tag", "kubeTag", "container_runtime", "containerRuntime", "cinder_csi_enabled", "cinderCsiEnabled",
            "cloud_provider_enabled", "cloudProviderEnabled", "auto_healing_enabled", "autoHealingEnabled",
            "auto_scaling_enabled", "autoScalingEnabled", "min_node_count", "minNodeCount",
            "max_node_count", "maxNodeCount", "master_lb_allowed_cidrs", "masterLbAllowedCidrs");
    /** Template attributes that people often try to set as labels; Magnum ignores them there. */
    private static final Map<String, String> ATTRIBUTES_NOT_LABELS = Map.of(
            "master_lb_enabled", "masterLbEnabled", "registry_enabled", "registryEnabled",
            "floating_ip_enabled", "edxstack:network.floatingIpEnabled");

    private ClusterTemplateSpecParser() {
    }

    static ClusterTemplateSpec parse(String fileName, YamlObject yaml) {
        yaml.allowOnly(Set.of("image", "flavor", "masterFlavor", "dockerVolumeSize", "networkDriver",
                "masterLbEnabled", "registryEnabled", "kubeTag", "containerRuntime", "cinderCsiEnabled",
                "cloudProviderEnabled", "autoHealingEnabled", "autoScalingEnabled", "minNodeCount", "maxNodeCount",
                "masterLbAllowedCidrs", "extraLabels"));
        String version = fileName.replaceFirst(".*/", "").replaceFirst("\\.yaml$", "");
        if (!VERSION.matcher(version).matches()) {
            yaml.problem("(file name)", "the version '" + version + "' must be a DNS-1123 label of at most 40 "
                    + "characters, perhaps rename the file");
        }
        boolean cinderCsi = yaml.bool("cinderCsiEnabled", true);
        boolean cloudProvider = yaml.bool("cloudProviderEnabled", true);
        if (cinderCsi && !cloudProvider) {
            yaml.problem("cloudProviderEnabled", "must be true when cinderCsiEnabled is true "
                    + "(Magnum's Cinder CSI needs the OpenStack cloud provider)");
        }
        int min = yaml.integer("minNodeCount", 1, 1, 100);
        int max = yaml.integer("maxNodeCount", 10, 1, 100);
        if (min > max) {
            yaml.problem("minNodeCount", "must not exceed maxNodeCount (" + min + " > " + max + ")");
        }
        return new ClusterTemplateSpec(version, yaml.file(),
                yaml.requiredString("image"),
                yaml.requiredString("flavor"),
                yaml.requiredString("masterFlavor"),
                yaml.integer("dockerVolumeSize", 50, 10, 2000),
                yaml.oneOf("networkDriver", Set.of("calico", "flannel"), "calico"),
                yaml.requiredBool("masterLbEnabled"),
                yaml.requiredBool("registryEnabled"),
                yaml.has("kubeTag") ? yaml.matching("kubeTag", KUBE_TAG, "a Kubernetes release tag such as v1.28.9-rancher1", "")
                        : missing(yaml, "kubeTag", "without it Magnum picks its own release's old default"),
                yaml.oneOf("containerRuntime", Set.of("containerd", "docker"), "containerd"),
                cinderCsi,
                cloudProvider,
                yaml.bool("autoHealingEnabled", true),
                yaml.bool("autoScalingEnabled", false),
                min,
                max,
                allowedCidrs(yaml),
                extraLabels(yaml));
    }

    /** Octavia refuses what is not a network; a CIDR with host bits set is a typo of another network. */
    private static java.util.Optional<String> allowedCidrs(YamlObject yaml) {
        java.util.Optional<String> value = yaml.string("masterLbAllowedCidrs");
        value.ifPresent(cidrs -> {
            for (String cidr : cidrs.split(",", -1)) {
                ConfigPatterns.cidrProblem(cidr.trim()).ifPresent(problem -> yaml.problem("masterLbAllowedCidrs",
                        "must be comma-separated IPv4 CIDRs: " + problem));
            }
        });
        return value;
    }

    private static String missing(YamlObject yaml, String key, String why) {
        yaml.problem(key, "missing, " + why);
        return "";
    }

    private static Map<String, String> extraLabels(YamlObject yaml) {
        Map<String, String> labels = yaml.stringMap("extraLabels");
        YamlObject extra = yaml.object("extraLabels");
        labels.keySet().forEach(label -> {
            if (TYPED_LABELS.containsKey(label)) {
                extra.problem(label, "is set through '" + TYPED_LABELS.get(label) + "', perhaps move it there");
            } else if (ATTRIBUTES_NOT_LABELS.containsKey(label)) {
                extra.problem(label, "is a template attribute, not a label; set '"
                        + ATTRIBUTES_NOT_LABELS.get(label) + "' instead");
            }
        });
        return labels;
    }
}
