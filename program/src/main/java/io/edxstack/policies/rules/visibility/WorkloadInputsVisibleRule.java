package io.edxstack.policies.rules.visibility;

import io.edxstack.policies.Finding;
import io.edxstack.policies.Level;
import io.edxstack.policies.PolicyContext;
import io.edxstack.policies.PolicyRule;
import io.edxstack.policies.RuleParameters;
import io.edxstack.policies.kube.StateView;
import java.util.List;

/**
 * A pod template that is a secret or unknown in the desired state (a preview of inputs computed from other
 * resources, or a spec wrapped in a secret) shows the workload rules no container at all, and a rule that
 * sees nothing finds nothing wrong. This rule makes that blindness itself the violation.
 */
public final class WorkloadInputsVisibleRule implements PolicyRule {

    @Override
    public String id() {
        return "workload-inputs-visible";
    }

    @Override
    public Level defaultLevel() {
        return Level.MANDATORY;
    }

    @Override
    public String summary() {
        return "Every pod template, pod spec, container list and container is plain data the policies can read,"
                + " neither a secret nor unknown";
    }

    @Override
    public boolean guardsSecurity() {
        return true;
    }

    @Override
    public List<Finding> check(StateView state, PolicyContext context, RuleParameters parameters) {
        return state.hiddenWorkloads()
                .flatMap(workload -> workload.hiddenStructure().stream()
                        .map(path -> Finding.cannotEvaluate(workload.resource(), workload.describe(), path)))
                .toList();
    }
}
