package io.edxstack.policies.rules.platform;

import io.edxstack.policies.Finding;
import io.edxstack.policies.Level;
import io.edxstack.policies.PolicyContext;
import io.edxstack.policies.PolicyRule;
import io.edxstack.policies.RuleParameters;
import io.edxstack.policies.kube.KubeObject;
import io.edxstack.policies.kube.LabelSelector;
import io.edxstack.policies.kube.StateView;
import io.edxstack.policies.kube.Values;
import io.edxstack.policies.kube.Workload;
import io.edxstack.state.ResourceState;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A PodDisruptionBudget that allows no disruption at all stops every node drain: Magnum's rolling upgrade and
 * auto-healing wait on it forever. Flagged as kube-linter does: maxUnavailable 0 (or 0 %), minAvailable 100 %,
 * or a minAvailable at or above the replicas of a workload it selects (the autoscaler's minimum, when one
 * scales it).
 */
public final class PdbAllowsDisruptionRule implements PolicyRule {

    private static final Set<String> REPLICATED = Set.of("Deployment", "StatefulSet", "ReplicaSet", "ReplicationController");

    @Override
    public String id() {
        return "pdb-allows-disruption";
    }

    @Override
    public Level defaultLevel() {
        return Level.MANDATORY;
    }

    @Override
    public String summary() {
        return "No PodDisruptionBudget forbids every eviction (maxUnavailable 0, minAvailable 100 % or >= replicas)";
    }

    @Override
    public List<Finding> check(StateView state, PolicyContext context, RuleParameters parameters) {
        List<Finding> findings = new ArrayList<>();
        state.ofKind("PodDisruptionBudget").forEach(budget -> {
            Optional<String> hidden = Values.hiddenOn(budget.inputs(), "spec");
            if (hidden.isPresent()) {
                findings.add(Finding.cannotEvaluate(budget, KubeObject.describe(budget), hidden.get()));
            } else {
                problem(state, budget).ifPresent(problem -> findings.add(new Finding(budget,
                        KubeObject.describe(budget) + " " + problem + "; node drains (cluster upgrades, auto-healing)"
                                + " would wait forever. Use maxUnavailable: 1")));
            }
        });
        return findings;
    }

    private static Optional<String> problem(StateView state, ResourceState budget) {
        Object maxUnavailable = budget.input("spec.maxUnavailable");
        if (maxUnavailable != null) {
            return isZero(maxUnavailable) ? Optional.of("sets maxUnavailable " + maxUnavailable) : Optional.empty();
        }
        Object minAvailable = budget.input("spec.minAvailable");
        if (minAvailable == null) {
            return Optional.empty();
        }
        String text = String.valueOf(minAvailable).trim();
        if (text.equals("100%")) {
            return Optional.of("sets minAvailable 100%");
        }
        LabelSelector selector = LabelSelector.of(Values.map(budget.inputs(), "spec.selector"));
        String namespace = KubeObject.namespace(budget);
        return state.workloads()
                .filter(workload -> REPLICATED.contains(workload.kind()) && workload.namespace().equals(namespace)
                        && selector.matches(workload.podLabels()))
                .flatMap(workload -> {
                    long replicas = replicas(state, workload);
                    long required = text.endsWith("%")
                            ? new BigDecimal(text.substring(0, text.length() - 1)).multiply(BigDecimal.valueOf(replicas))
                                    .divide(BigDecimal.valueOf(100), 0, RoundingMode.CEILING).longValueExact()
                            : new BigDecimal(text).longValue();
                    return replicas > 0 && required >= replicas
                            ? Optional.of("sets minAvailable " + text + " while " + workload.describe() + " runs "
                                    + replicas + " replica(s)").stream()
                            : Optional.<String>empty().stream();
                })
                .findFirst();
    }

    /** Replicas a drain meets at the least: the autoscaler's minimum when one scales the workload. */
    private static long replicas(StateView state, Workload workload) {
        Optional<ResourceState> autoscaler = workload.kind().equals("Deployment")
                ? state.autoscalerOf(workload) : Optional.empty();
        Double count = autoscaler.map(hpa -> Values.number(hpa.inputs(), "spec.minReplicas"))
                .orElseGet(() -> Values.number(workload.resource().inputs(), "spec.replicas"));
        return count == null ? 1 : count.longValue();
    }

    private static boolean isZero(Object value) {
        String text = String.valueOf(value).trim();
        return text.equals("0") || text.equals("0%") || value instanceof Number number && number.doubleValue() == 0;
    }
}
