package io.edxstack.policies.rules.workload;

import io.edxstack.policies.Level;
import io.edxstack.policies.RuleParameters;
import io.edxstack.policies.kube.Container;
import io.edxstack.policies.kube.Workload;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Without a seccomp profile a container may make every system call the kernel offers, including the ones
 * most container escapes use. As in Pod Security "restricted": RuntimeDefault or a Localhost profile, set on
 * the container or the pod; Unconfined or nothing is refused.
 */
public final class SeccompProfileRule extends ContainerRule {

    private static final Set<String> CONFINED = Set.of("RuntimeDefault", "Localhost");

    @Override
    public String id() {
        return "workload-seccomp";
    }

    @Override
    public Level defaultLevel() {
        return Level.MANDATORY;
    }

    @Override
    public String summary() {
        return "Every container runs under the RuntimeDefault or a Localhost seccomp profile (its own or the pod's)";
    }

    @Override
    public boolean guardsSecurity() {
        return true;
    }

    @Override
    List<String> containerFields() {
        return List.of("securityContext.seccompProfile");
    }

    @Override
    List<String> podFields() {
        return List.of("securityContext.seccompProfile");
    }

    @Override
    Optional<String> problem(Workload workload, Container container, RuleParameters parameters) {
        Object type = effective(workload, container, "seccompProfile.type");
        if (type != null && CONFINED.contains(String.valueOf(type))) {
            return Optional.empty();
        }
        String now = type == null ? "sets no seccomp profile" : "runs under seccomp profile '" + type + "'";
        return Optional.of(now + "; set securityContext.seccompProfile.type: RuntimeDefault in "
                + workload.podSpecPath() + " or on the container");
    }
}
