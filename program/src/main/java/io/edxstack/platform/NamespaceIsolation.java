package io.edxstack.platform;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.core.v1.LimitRange;
import com.pulumi.kubernetes.core.v1.LimitRangeArgs;
import com.pulumi.kubernetes.core.v1.ResourceQuota;
import com.pulumi.kubernetes.core.v1.ResourceQuotaArgs;
import com.pulumi.kubernetes.core.v1.inputs.LimitRangeItemArgs;
import com.pulumi.kubernetes.core.v1.inputs.LimitRangeSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.ResourceQuotaSpecArgs;
import com.pulumi.kubernetes.meta.v1.inputs.LabelSelectorArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.kubernetes.networking.v1.NetworkPolicy;
import com.pulumi.kubernetes.networking.v1.NetworkPolicyArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicyIngressRuleArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicyPeerArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicySpecArgs;
import com.pulumi.resources.CustomResourceOptions;
import io.edxstack.config.PlatformSpec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What keeps a platform to itself inside its namespace: a quota and default limits so one platform
 * cannot starve the others, and network policies that admit only the namespace itself and the ingress
 * controller: another platform's pods cannot reach this one's databases.
 */
final class NamespaceIsolation {
    private NamespaceIsolation() {
    }

    static void create(PlatformSpec spec, Output<String> namespace, String ingressNamespace, CustomResourceOptions options) {
        String name = spec.name();
        quota(spec, namespace, options);
        limits(spec, namespace, options);
        networkPolicy(name + "-default-deny-ingress", "default-deny-ingress", namespace, name, NetworkPolicySpecArgs.builder()
                .podSelector(LabelSelectorArgs.builder().build())
                .policyTypes("Ingress")
                .build(), options);
        networkPolicy(name + "-allow-same-namespace", "allow-same-namespace", namespace, name, NetworkPolicySpecArgs.builder()
                .podSelector(LabelSelectorArgs.builder().build())
                .policyTypes("Ingress")
                .ingress(NetworkPolicyIngressRuleArgs.builder()
                        .from(NetworkPolicyPeerArgs.builder().podSelector(LabelSelectorArgs.builder().build()).build())
                        .build())
                .build(), options);
        networkPolicy(name + "-allow-ingress-controller", "allow-ingress-controller", namespace, name, NetworkPolicySpecArgs.builder()
                .podSelector(LabelSelectorArgs.builder().matchLabels(Map.of(PlatformLabels.EXPOSED, "true")).build())
                .policyTypes("Ingress")
                .ingress(NetworkPolicyIngressRuleArgs.builder()
                        .from(NetworkPolicyPeerArgs.builder()
                                .namespaceSelector(LabelSelectorArgs.builder()
                                        .matchLabels(Map.of("kubernetes.io/metadata.name", ingressNamespace))
                                        .build())
                                .build())
                        .build())
                .build(), options);
    }

    private static void quota(PlatformSpec spec, Output<String> namespace, CustomResourceOptions options) {
        var quota = spec.quota();
        Map<String, String> hard = new LinkedHashMap<>();
        hard.put("requests.cpu", quota.requestsCpu());
        hard.put("requests.memory", quota.requestsMemory());
        hard.put("limits.cpu", quota.limitsCpu());
        hard.put("limits.memory", quota.limitsMemory());
        hard.put("requests.storage", quota.requestsStorage());
        hard.put("pods", Integer.toString(quota.pods()));
        hard.put("persistentvolumeclaims", Integer.toString(quota.persistentVolumeClaims()));
        new ResourceQuota(spec.name() + "-quota", ResourceQuotaArgs.builder()
                .metadata(metadata("platform-quota", namespace, spec.name()))
                .spec(ResourceQuotaSpecArgs.builder().hard(hard).build())
                .build(), options);
    }

    private static void limits(PlatformSpec spec, Output<String> namespace, CustomResourceOptions options) {
        var limits = spec.limits();
        new LimitRange(spec.name() + "-limits", LimitRangeArgs.builder()
                .metadata(metadata("container-defaults", namespace, spec.name()))
                .spec(LimitRangeSpecArgs.builder()
                        .limits(List.of(LimitRangeItemArgs.builder()
                                .type("Container")
                                .defaultRequest(Map.of("cpu", limits.defaultRequest().cpu(),
                                        "memory", limits.defaultRequest().memory()))
                                .default_(Map.of("cpu", limits.defaultLimit().cpu(), "memory", limits.defaultLimit().memory()))
                                .max(Map.of("cpu", limits.max().cpu(), "memory", limits.max().memory()))
                                .build()))
                        .build())
                .build(), options);
    }

    static void networkPolicy(String resourceName, String policyName, Output<String> namespace, String platform,
                                      NetworkPolicySpecArgs spec, CustomResourceOptions options) {
        new NetworkPolicy(resourceName, NetworkPolicyArgs.builder()
                .metadata(metadata(policyName, namespace, platform))
                .spec(spec)
                .build(), options);
    }

    /** Naming the namespace through its resource's output makes every object wait for the namespace. */
    static ObjectMetaArgs metadata(String name, Output<String> namespace, String platform) {
        return ObjectMetaArgs.builder().name(name).namespace(namespace).labels(PlatformLabels.of(platform)).build();
    }
}
