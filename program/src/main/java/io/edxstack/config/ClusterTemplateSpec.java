package io.edxstack.config;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One version of the Magnum cluster template ({@code stacks/cluster-templates/<version>.yaml}). Magnum
 * templates cannot change once a cluster uses them, so a version is never edited: a new file is added
 * beside it and a cluster moves to it only when its stack's {@code edxstack:cluster.template} says so.
 */
public record ClusterTemplateSpec(
        String version,
        String file,
        String image,
        String flavor,
        String masterFlavor,
        int dockerVolumeSize,
        String networkDriver,
        boolean masterLbEnabled,
        boolean registryEnabled,
        String kubeTag,
        String containerRuntime,
        boolean cinderCsiEnabled,
        boolean cloudProviderEnabled,
        boolean autoHealingEnabled,
        boolean autoScalingEnabled,
        int minNodeCount,
        int maxNodeCount,
        Optional<String> masterLbAllowedCidrs,
        Map<String, String> extraLabels) {

    /** Magnum labels are strings, even for booleans and numbers. */
    public Map<String, String> labels() {
        Map<String, String> labels = new TreeMap<>(extraLabels);
        labels.put("kube_tag", kubeTag);
        labels.put("container_runtime", containerRuntime);
        labels.put("cinder_csi_enabled", Boolean.toString(cinderCsiEnabled));
        labels.put("cloud_provider_enabled", Boolean.toString(cloudProviderEnabled));
        labels.put("auto_healing_enabled", Boolean.toString(autoHealingEnabled));
        labels.put("auto_scaling_enabled", Boolean.toString(autoScalingEnabled));
        labels.put("min_node_count", Integer.toString(minNodeCount));
        labels.put("max_node_count", Integer.toString(maxNodeCount));
        masterLbAllowedCidrs.ifPresent(cidrs -> labels.put("master_lb_allowed_cidrs", cidrs));
        return labels;
    }
}
