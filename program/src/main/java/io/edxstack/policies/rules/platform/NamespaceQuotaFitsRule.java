package io.edxstack.policies.rules.platform;

import io.edxstack.policies.Finding;
import io.edxstack.policies.Level;
import io.edxstack.policies.PolicyContext;
import io.edxstack.policies.PolicyRule;
import io.edxstack.policies.RuleParameters;
import io.edxstack.policies.kube.KubeObject;
import io.edxstack.policies.kube.StateView;
import io.edxstack.policies.kube.Values;
import io.edxstack.state.Quantity;
import io.edxstack.state.ResourceState;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A ResourceQuota refuses a pod that would take the namespace over its limits, and nothing says so
 * where anyone looks: an autoscaler stops short under load, a rolling update waits forever for its
 * surge pod. This rule adds up what a platform's pods claim at their peak and compares it with the quota.
 */
public final class NamespaceQuotaFitsRule implements PolicyRule {

    /** Quota keys checked, and the catalogue keys that set them. */
    private static final Map<String, String> CATALOGUE_KEYS = Map.of(
            "requests.cpu", "quota.requestsCpu",
            "requests.memory", "quota.requestsMemory",
            "limits.cpu", "quota.limitsCpu",
            "limits.memory", "quota.limitsMemory",
            "pods", "quota.pods");

    @Override
    public String id() {
        return "namespace-quota-fits";
    }

    @Override
    public Level defaultLevel() {
        return Level.MANDATORY;
    }

    @Override
    public String summary() {
        return "A namespace's ResourceQuota holds its pods at their peak: autoscaler maxima, rolling-update surge, "
                + "one Job and every CronJob at once";
    }

    @Override
    public List<Finding> check(StateView state, PolicyContext context, RuleParameters parameters) {
        List<Finding> findings = new ArrayList<>();
        state.ofKind("ResourceQuota").forEach(quota -> {
            String namespace = KubeObject.namespace(quota);
            Map<String, BigDecimal> peak = PeakUsage.of(state, namespace).totals();
            Map<String, Object> hard = Values.map(quota.inputs(), "spec.hard");
            CATALOGUE_KEYS.forEach((key, catalogueKey) -> {
                BigDecimal limit = Quantity.of(hard.get(aliasOf(hard, key)));
                BigDecimal need = peak.getOrDefault(key, BigDecimal.ZERO);
                if (limit != null && need.compareTo(limit) > 0) {
                    findings.add(new Finding(quota, message(quota, namespace, key, catalogueKey, need, limit)));
                }
            });
        });
        return findings;
    }

    /** {@code cpu} and {@code memory} in a quota mean their requests. */
    private static String aliasOf(Map<String, Object> hard, String key) {
        String shortKey = key.replace("requests.", "");
        return hard.containsKey(key) || !key.startsWith("requests.") ? key : shortKey;
    }

    private static String message(ResourceState quota, String namespace, String key, String catalogueKey,
                                  BigDecimal need, BigDecimal limit) {
        String platform = KubeObject.platform(quota);
        String where = platform == null ? "the quota" : catalogueKey + " in stacks/platforms/" + platform + ".yaml";
        return "namespace '" + namespace + "' needs " + PeakUsage.format(key, need) + " of " + key
                + " at its peak (autoscaler maxima, rolling-update surge, one Job and every CronJob running) but its"
                + " quota allows " + PeakUsage.format(key, limit) + "; pods beyond it are refused. Raise " + where
                + ", or lower the sizing maxima or container resources";
    }
}
