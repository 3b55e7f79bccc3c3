package io.edxstack.policies.rules.workload;

import io.edxstack.policies.Level;
import io.edxstack.policies.RuleParameters;
import io.edxstack.policies.kube.Container;
import io.edxstack.policies.kube.Workload;
import java.util.List;
import java.util.Optional;

/** A privileged container owns the node; nothing of an Open edX platform needs that. */
public final class NotPrivilegedRule extends ContainerRule {

    @Override
    public String id() {
        return "workload-not-privileged";
    }

    @Override
    public Level defaultLevel() {
        return Level.MANDATORY;
    }

    @Override
    public String summary() {
        return "No container runs privileged";
    }

    @Override
    public boolean guardsSecurity() {
        return true;
    }

    @Override
    List<String> containerFields() {
        return List.of("securityContext.privileged");
    }

    @Override
    Optional<String> problem(Workload workload, Container container, RuleParameters parameters) {
        if (Boolean.TRUE.equals(container.securityContext().get("privileged"))) {
            return Optional.of("runs privileged; remove securityContext.privileged or set it to false");
        }
        return Optional.empty();
    }
}
