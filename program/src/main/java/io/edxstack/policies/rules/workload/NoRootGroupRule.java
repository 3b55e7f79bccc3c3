package io.edxstack.policies.rules.workload;

import io.edxstack.policies.Level;
import io.edxstack.policies.RuleParameters;
import io.edxstack.policies.kube.Container;
import io.edxstack.policies.kube.Values;
import io.edxstack.policies.kube.Workload;
import java.util.ArrayList;
import java.util.List;

/**
 * A non-root user in the root group still reads and writes every file the image leaves group-root (most of
 * them). The group is explicit and not 0: without runAsGroup the process takes the image's primary group for
 * its user, root in most images; fsGroup 0 and supplementalGroups with 0 add root to every process.
 */
public final class NoRootGroupRule extends ContainerRule {

    @Override
    public String id() {
        return "workload-no-root-group";
    }

    @Override
    public Level defaultLevel() {
        return Level.MANDATORY;
    }

    @Override
    public String summary() {
        return "Every container runs with an explicit runAsGroup other than 0; no fsGroup 0 or supplemental group 0";
    }

    @Override
    public boolean guardsSecurity() {
        return true;
    }

    @Override
    List<String> containerFields() {
        return List.of("securityContext.runAsGroup");
    }

    @Override
    List<String> podFields() {
        return List.of("securityContext.runAsGroup", "securityContext.fsGroup", "securityContext.supplementalGroups");
    }

    @Override
    List<String> problems(Workload workload, Container container, RuleParameters parameters) {
        List<String> problems = new ArrayList<>();
        Object runAsGroup = effective(workload, container, "runAsGroup");
        if (runAsGroup == null) {
            problems.add("sets no runAsGroup, so it runs in the image's primary group (root in most images); set"
                    + " securityContext.runAsGroup to the image's non-root GID in " + workload.podSpecPath()
                    + " or on the container");
        } else if (isZero(runAsGroup)) {
            problems.add("runs with runAsGroup 0 (root); set securityContext.runAsGroup to the image's non-root GID");
        }
        Object fsGroup = Values.at(workload.podSpec(), "securityContext.fsGroup");
        if (fsGroup != null && isZero(fsGroup)) {
            problems.add("mounts volumes with fsGroup 0 (root); set " + workload.podSpecPath()
                    + ".securityContext.fsGroup to the runAsGroup");
        }
        boolean rootSupplemental = Values.list(workload.podSpec(), "securityContext.supplementalGroups").stream()
                .anyMatch(NoRootGroupRule::isZero);
        if (rootSupplemental) {
            problems.add("lists group 0 (root) in " + workload.podSpecPath()
                    + ".securityContext.supplementalGroups; remove it");
        }
        return problems;
    }

    private static boolean isZero(Object value) {
        return value instanceof Number number ? number.doubleValue() == 0 : "0".equals(String.valueOf(value).trim());
    }
}
