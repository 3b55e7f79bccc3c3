package io.edxstack.policies.rules.workload;

import io.edxstack.policies.Level;
import io.edxstack.policies.RuleParameters;
import io.edxstack.policies.kube.Container;
import io.edxstack.policies.kube.Values;
import io.edxstack.policies.kube.Workload;
import java.util.List;
import java.util.Optional;

/** Containers run as a non-root user; the container's securityContext overrides the pod's. */
public final class NonRootRule extends ContainerRule {

    @Override
    public String id() {
        return "workload-non-root";
    }

    @Override
    public Level defaultLevel() {
        return Level.MANDATORY;
    }

    @Override
    public String summary() {
        return "Every container runs with runAsNonRoot: true and no runAsUser 0";
    }

    @Override
    public boolean guardsSecurity() {
        return true;
    }

    @Override
    List<String> containerFields() {
        return List.of("securityContext.runAsNonRoot", "securityContext.runAsUser");
    }

    @Override
    List<String> podFields() {
        return List.of("securityContext.runAsNonRoot", "securityContext.runAsUser");
    }

    @Override
    Optional<String> problem(Workload workload, Container container, RuleParameters parameters) {
        Object runAsNonRoot = effective(workload, container, "runAsNonRoot");
        Double runAsUser = Values.number(container.securityContext(), "runAsUser");
        if (runAsUser == null) {
            runAsUser = Values.number(workload.podSpec(), "securityContext.runAsUser");
        }
        if (runAsUser != null && runAsUser == 0) {
            return Optional.of("runs as UID 0; set securityContext.runAsUser to the image's non-root UID");
        }
        if (!Boolean.TRUE.equals(runAsNonRoot)) {
            return Optional.of("may run as root; set securityContext.runAsNonRoot: true on the container or in "
                    + workload.podSpecPath() + ".securityContext");
        }
        return Optional.empty();
    }
}
