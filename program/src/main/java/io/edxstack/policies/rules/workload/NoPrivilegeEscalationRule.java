package io.edxstack.policies.rules.workload;

import io.edxstack.policies.Level;
import io.edxstack.policies.RuleParameters;
import io.edxstack.policies.kube.Container;
import io.edxstack.policies.kube.Workload;
import java.util.List;
import java.util.Optional;

/** Kubernetes allows privilege escalation unless told otherwise, so the field must be set to false. */
public final class NoPrivilegeEscalationRule extends ContainerRule {

    @Override
    public String id() {
        return "workload-no-privilege-escalation";
    }

    @Override
    public Level defaultLevel() {
        return Level.MANDATORY;
    }

    @Override
    public String summary() {
        return "Every container sets allowPrivilegeEscalation: false";
    }

    @Override
    public boolean guardsSecurity() {
        return true;
    }

    @Override
    List<String> containerFields() {
        return List.of("securityContext.allowPrivilegeEscalation");
    }

    @Override
    Optional<String> problem(Workload workload, Container container, RuleParameters parameters) {
        if (Boolean.FALSE.equals(container.securityContext().get("allowPrivilegeEscalation"))) {
            return Optional.empty();
        }
        return Optional.of("allows privilege escalation; set securityContext.allowPrivilegeEscalation: false");
    }
}
