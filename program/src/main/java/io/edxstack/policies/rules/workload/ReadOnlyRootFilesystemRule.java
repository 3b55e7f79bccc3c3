package io.edxstack.policies.rules.workload;

import io.edxstack.policies.Level;
import io.edxstack.policies.RuleParameters;
import io.edxstack.policies.kube.Container;
import io.edxstack.policies.kube.Workload;
import java.util.List;
import java.util.Optional;

/**
 * A writable root filesystem lets an intruder drop tools and change the code a worker runs, and the writes
 * vanish with the pod. Scratch space belongs in an emptyDir mounted where the process writes.
 */
public final class ReadOnlyRootFilesystemRule extends ContainerRule {

    @Override
    public String id() {
        return "workload-read-only-root-filesystem";
    }

    @Override
    public Level defaultLevel() {
        return Level.MANDATORY;
    }

    @Override
    public String summary() {
        return "Every container sets readOnlyRootFilesystem: true";
    }

    @Override
    public boolean guardsSecurity() {
        return true;
    }

    @Override
    List<String> containerFields() {
        return List.of("securityContext.readOnlyRootFilesystem");
    }

    @Override
    Optional<String> problem(Workload workload, Container container, RuleParameters parameters) {
        if (Boolean.TRUE.equals(container.securityContext().get("readOnlyRootFilesystem"))) {
            return Optional.empty();
        }
        return Optional.of("has a writable root filesystem; set securityContext.readOnlyRootFilesystem: true and mount"
                + " an emptyDir where the process writes");
    }
}
