package io.edxstack.policies.rules.wiring;

import io.edxstack.policies.Finding;
import io.edxstack.policies.Level;
import io.edxstack.policies.PolicyContext;
import io.edxstack.policies.PolicyRule;
import io.edxstack.policies.RuleParameters;
import io.edxstack.policies.kube.StateView;
import io.edxstack.policies.kube.Values;
import java.util.ArrayList;
import java.util.List;

/**
 * A pod naming a ServiceAccount that does not exist is never created: the controller retries forever and
 * the rollout hangs. Every namespace has {@code default}; any other must be declared in the stack.
 */
public final class ServiceAccountExistsRule implements PolicyRule {

    @Override
    public String id() {
        return "workload-service-account-exists";
    }

    @Override
    public Level defaultLevel() {
        return Level.MANDATORY;
    }

    @Override
    public String summary() {
        return "Every ServiceAccount a pod names (other than default) is declared in the stack in its namespace";
    }

    @Override
    public List<Finding> check(StateView state, PolicyContext context, RuleParameters parameters) {
        List<Finding> findings = new ArrayList<>();
        state.workloads().forEach(workload -> {
            String field = workload.podSpec().get("serviceAccountName") != null ? "serviceAccountName" : "serviceAccount";
            Object name = workload.podSpec().get(field);
            if (Values.isHidden(name)) {
                findings.add(Finding.cannotEvaluate(workload.resource(), workload.describe(),
                        workload.podSpecPath() + "." + field));
            } else if (name != null && !"".equals(name) && !"default".equals(name)
                    && state.find("ServiceAccount", workload.namespace(), String.valueOf(name)).isEmpty()) {
                findings.add(new Finding(workload.resource(), workload.describe() + " runs as ServiceAccount '" + name
                        + "', which the stack does not declare in namespace '" + workload.namespace()
                        + "'; add the ServiceAccount or fix " + workload.podSpecPath() + "." + field));
            }
        });
        return findings;
    }
}
