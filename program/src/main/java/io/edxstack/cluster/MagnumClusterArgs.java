package io.edxstack.cluster;

import io.edxstack.config.ClusterTemplateSpec;
import io.edxstack.config.StackConfig.MagnumClusterConfig;

import java.util.List;

/**
 * @param cluster   the stack's cluster settings
 * @param templates every template version of the catalogue, created side by side in this region
 * @param region    the OpenStack region
 */
public record MagnumClusterArgs(MagnumClusterConfig cluster, List<ClusterTemplateSpec> templates, String region) {
    public MagnumClusterArgs {
        templates = List.copyOf(templates);
    }
}
