package io.edxstack.program;

import com.pulumi.Context;
import com.pulumi.core.Output;
import io.edxstack.cluster.KubernetesCluster;
import io.edxstack.config.PlatformSpec;
import io.edxstack.config.StackConfig;
import io.edxstack.platform.Platform;
import io.edxstack.storage.CinderStorage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stack's outputs: what the other region's stack, the failover tooling and operators read. Only
 * plain values and secrets, never a resource: a reader must not need this region to be alive. No
 * credential is exported: whoever can read the state (a preview or drift job with the stack's
 * passphrase) must not get the cluster's admin kubeconfig from it. Operators fetch a kubeconfig from
 * Magnum with their own OpenStack credentials.
 */
final class StackOutputs {
    private StackOutputs() {
    }

    static void export(Context ctx, StackConfig config, KubernetesCluster cluster, CinderStorage storage,
                       List<PlatformSpec> specs, List<Platform> platforms) {
        ctx.export("region", Output.of(config.region()));
        ctx.export("role", Output.of(config.role().configValue()));
        ctx.export("clusterId", cluster.clusterId());
        ctx.export("clusterName", cluster.clusterName());
        ctx.export("storageClasses", Output.all(storage.defaultClassName(), storage.retainClassName()));
        ctx.export("namespaces", Output.all(platforms.stream().map(Platform::namespace).toList()));
        Map<String, Map<String, String>> hosts = new LinkedHashMap<>();
        for (PlatformSpec spec : specs) {
            Map<String, String> platformHosts = new LinkedHashMap<>();
            platformHosts.put("lms", spec.hosts().lms());
            platformHosts.put("cms", spec.hosts().cms());
            spec.hosts().mfe().ifPresent(mfe -> platformHosts.put("mfe", mfe));
            spec.hosts().meilisearch().ifPresent(meilisearch -> platformHosts.put("meilisearch", meilisearch));
            hosts.put(spec.name(), platformHosts);
        }
        ctx.export("hosts", Output.of(hosts));
    }
}
