package io.edxstack.policies.rules.workload;

import io.edxstack.policies.Level;
import io.edxstack.policies.RuleParameters;
import io.edxstack.policies.kube.Container;
import io.edxstack.policies.kube.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Long-running containers need a readiness probe (no traffic before they serve, rolling updates wait
 * for them) and a liveness probe (a hung worker is restarted). Jobs and init containers run to
 * completion and ephemeral containers are for debugging: they are not checked.
 */
public final class ProbesRule extends ContainerRule {

    @Override
    public String id() {
        return "workload-probes";
    }

    @Override
    public Level defaultLevel() {
        return Level.ADVISORY;
    }

    @Override
    public String summary() {
        return "Main containers of long-running workloads (Deployment, StatefulSet, DaemonSet, ReplicaSet) have readiness and liveness probes";
    }

    @Override
    List<String> containerFields() {
        return List.of("readinessProbe", "livenessProbe");
    }

    @Override
    Optional<String> problem(Workload workload, Container container, RuleParameters parameters) {
        if (!workload.isLongRunning() || !container.main()) {
            return Optional.empty();
        }
        List<String> missing = new ArrayList<>();
        for (String probe : List.of("readinessProbe", "livenessProbe")) {
            if (!(container.spec().get(probe) instanceof java.util.Map<?, ?>)) {
                missing.add(probe);
            }
        }
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("has no " + String.join(" and no ", missing)
                + "; add an httpGet, tcpSocket or exec probe that fails when the process cannot serve");
    }
}
