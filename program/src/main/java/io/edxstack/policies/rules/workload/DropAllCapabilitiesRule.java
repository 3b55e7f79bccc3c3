package io.edxstack.policies.rules.workload;

import io.edxstack.policies.Level;
import io.edxstack.policies.RuleParameters;
import io.edxstack.policies.kube.Container;
import io.edxstack.policies.kube.Values;
import io.edxstack.policies.kube.Workload;
import java.util.List;
import java.util.Optional;

/** Containers start from no Linux capabilities; any one they need is added back explicitly. */
public final class DropAllCapabilitiesRule extends ContainerRule {

    @Override
    public String id() {
        return "workload-drop-capabilities";
    }

    @Override
    public Level defaultLevel() {
        return Level.MANDATORY;
    }

    @Override
    public String summary() {
        return "Every container drops ALL capabilities";
    }

    @Override
    public boolean guardsSecurity() {
        return true;
    }

    @Override
    List<String> containerFields() {
        return List.of("securityContext.capabilities.drop");
    }

    @Override
    Optional<String> problem(Workload workload, Container container, RuleParameters parameters) {
        boolean dropsAll = Values.list(container.securityContext(), "capabilities.drop").stream()
                .anyMatch(capability -> "ALL".equals(capability));
        if (dropsAll) {
            return Optional.empty();
        }
        return Optional.of("keeps the default Linux capabilities; set securityContext.capabilities.drop: [ALL]"
                + " and add back only what the process needs");
    }
}
