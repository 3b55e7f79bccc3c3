package io.edxstack.policies.rules.workload;

import io.edxstack.policies.Finding;
import io.edxstack.policies.Level;
import io.edxstack.policies.PolicyContext;
import io.edxstack.policies.PolicyRule;
import io.edxstack.policies.RuleParameters;
import io.edxstack.policies.kube.StateView;
import io.edxstack.policies.kube.Values;
import io.edxstack.policies.kube.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Pods share no namespace or filesystem with the node: tenants of one cluster stay apart. */
public final class NoHostAccessRule implements PolicyRule {

    private static final List<String> HOST_NAMESPACES = List.of("hostNetwork", "hostPID", "hostIPC");

    @Override
    public String id() {
        return "workload-no-host-access";
    }

    @Override
    public Level defaultLevel() {
        return Level.MANDATORY;
    }

    @Override
    public String summary() {
        return "No pod uses hostNetwork, hostPID, hostIPC or hostPath volumes";
    }

    @Override
    public boolean guardsSecurity() {
        return true;
    }

    @Override
    public List<Finding> check(StateView state, PolicyContext context, RuleParameters parameters) {
        List<Finding> findings = new ArrayList<>();
        state.workloads().forEach(workload -> {
            Optional<String> hidden = hidden(workload);
            if (hidden.isPresent()) {
                findings.add(Finding.cannotEvaluate(workload.resource(), workload.describe(), hidden.get()));
                return;
            }
            List<String> problems = new ArrayList<>();
            for (String field : HOST_NAMESPACES) {
                if (Values.isTrue(workload.podSpec(), field)) {
                    problems.add(field + ": true");
                }
            }
            for (Map<String, Object> volume : Values.maps(workload.podSpec(), "volumes")) {
                if (volume.get("hostPath") != null) {
                    problems.add("hostPath volume '" + volume.get("name") + "'");
                }
            }
            if (!problems.isEmpty()) {
                findings.add(new Finding(workload.resource(), workload.describe() + " uses "
                        + String.join(", ", problems) + " in " + workload.podSpecPath()
                        + "; remove them and use a Service, a PVC or an emptyDir instead"));
            }
        });
        return findings;
    }

    /** A host namespace flag, the volume list, a volume or its hostPath that the policy cannot see. */
    private static Optional<String> hidden(Workload workload) {
        String at = workload.podSpecPath() + ".";
        for (String field : HOST_NAMESPACES) {
            if (Values.isHidden(workload.podSpec().get(field))) {
                return Optional.of(at + field);
            }
        }
        Object volumes = workload.podSpec().get("volumes");
        if (Values.isHidden(volumes)) {
            return Optional.of(at + "volumes");
        }
        List<Object> items = Values.asList(volumes);
        for (int index = 0; index < items.size(); index++) {
            Object volume = items.get(index);
            if (Values.isHidden(volume) || Values.isHidden(Values.at(volume, "hostPath"))) {
                return Optional.of(at + "volumes[" + index + "]");
            }
        }
        return Optional.empty();
    }
}
