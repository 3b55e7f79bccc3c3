package io.edxstack.policies.rules.wiring;

import io.edxstack.policies.Finding;
import io.edxstack.policies.Level;
import io.edxstack.policies.PolicyContext;
import io.edxstack.policies.PolicyRule;
import io.edxstack.policies.RuleParameters;
import io.edxstack.policies.kube.KubeObject;
import io.edxstack.policies.kube.StateView;
import io.edxstack.policies.kube.Values;
import io.edxstack.policies.kube.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A rolling update starts the new pod before the old one stops; when both need the same
 * ReadWriteOnce volume and land on different nodes, the new pod waits forever on a Multi-Attach error
 * and the deploy hangs. Even a single-replica Deployment hits it.
 */
public final class RwoVolumeRollingDeploymentRule implements PolicyRule {

    private static final Set<String> SINGLE_NODE_MODES = Set.of("ReadWriteOnce", "ReadWriteOncePod");

    @Override
    public String id() {
        return "rwo-volume-rolling-deployment";
    }

    @Override
    public Level defaultLevel() {
        return Level.MANDATORY;
    }

    @Override
    public String summary() {
        return "No RollingUpdate Deployment mounts a ReadWriteOnce PVC";
    }

    @Override
    public List<Finding> check(StateView state, PolicyContext context, RuleParameters parameters) {
        List<Finding> findings = new ArrayList<>();
        state.workloads()
                .filter(workload -> KubeObject.isKind(workload.resource(), "Deployment"))
                .filter(RwoVolumeRollingDeploymentRule::rollsUpdates)
                .forEach(deployment -> {
                    for (Map<String, Object> volume : Values.maps(deployment.podSpec(), "volumes")) {
                        String claimName = Values.string(volume, "persistentVolumeClaim.claimName");
                        if (claimName == null) {
                            continue;
                        }
                        state.find("PersistentVolumeClaim", deployment.namespace(), claimName)
                                .filter(claim -> Values.list(claim.inputs(), "spec.accessModes").stream()
                                        .anyMatch(SINGLE_NODE_MODES::contains))
                                .ifPresent(claim -> findings.add(new Finding(deployment.resource(),
                                        deployment.describe() + " rolls updates but mounts ReadWriteOnce PVC '"
                                                + claimName + "'; set spec.strategy.type: Recreate or use a"
                                                + " ReadWriteMany storage class for the volume")));
                    }
                });
        return findings;
    }

    private static boolean rollsUpdates(Workload deployment) {
        String strategy = Values.string(deployment.resource().inputs(), "spec.strategy.type");
        return strategy == null || strategy.equals("RollingUpdate");
    }
}
