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
import java.util.List;

/**
 * Magnum rolls node upgrades by draining nodes; without a PodDisruptionBudget every replica of a
 * Deployment may be evicted at once, and LMS goes down during a routine cluster upgrade.
 */
public final class PodDisruptionBudgetRule implements PolicyRule {

    @Override
    public String id() {
        return "pdb-for-replicated-deployment";
    }

    @Override
    public Level defaultLevel() {
        return Level.MANDATORY;
    }

    @Override
    public String summary() {
        return "Every Deployment with replicas > 1 or an HPA has a PodDisruptionBudget selecting its pods";
    }

    @Override
    public List<Finding> check(StateView state, PolicyContext context, RuleParameters parameters) {
        return state.workloads()
                .filter(workload -> KubeObject.isKind(workload.resource(), "Deployment"))
                .filter(deployment -> isReplicated(state, deployment))
                .filter(deployment -> state.ofKind("PodDisruptionBudget").noneMatch(budget ->
                        KubeObject.namespace(budget).equals(deployment.namespace())
                                && LabelSelector.of(Values.map(budget.inputs(), "spec.selector"))
                                .matches(deployment.podLabels())))
                .map(deployment -> new Finding(deployment.resource(), deployment.describe()
                        + " runs several replicas but no PodDisruptionBudget selects its pods; add one in namespace '"
                        + deployment.namespace() + "' with spec.selector.matchLabels from its pod labels and"
                        + " maxUnavailable: 1"))
                .toList();
    }

    private static boolean isReplicated(StateView state, Workload deployment) {
        Double replicas = Values.number(deployment.resource().inputs(), "spec.replicas");
        if (replicas != null && replicas > 1) {
            return true;
        }
        return state.autoscalerOf(deployment).isPresent();
    }
}
