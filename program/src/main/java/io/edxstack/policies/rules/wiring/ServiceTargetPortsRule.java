package io.edxstack.policies.rules.wiring;

import io.edxstack.policies.Finding;
import io.edxstack.policies.Level;
import io.edxstack.policies.PolicyContext;
import io.edxstack.policies.PolicyRule;
import io.edxstack.policies.RuleParameters;
import io.edxstack.policies.kube.Container;
import io.edxstack.policies.kube.KubeObject;
import io.edxstack.policies.kube.StateView;
import io.edxstack.policies.kube.Values;
import io.edxstack.policies.kube.Workload;
import io.edxstack.state.ResourceState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Service whose targetPort no container of its pods declares sends every connection nowhere: a named port
 * resolves to nothing, a number reaches a port nobody listens on. Checked against every workload the selector
 * matches, since each of them receives the traffic; Services the selector rule skips are skipped here too.
 */
public final class ServiceTargetPortsRule implements PolicyRule {

    @Override
    public String id() {
        return "service-target-ports";
    }

    @Override
    public Level defaultLevel() {
        return Level.MANDATORY;
    }

    @Override
    public String summary() {
        return "Every Service port's targetPort is declared by a container of each workload the Service selects";
    }

    @Override
    public List<Finding> check(StateView state, PolicyContext context, RuleParameters parameters) {
        List<Finding> findings = new ArrayList<>();
        state.ofKind("Service")
                .filter(service -> !"ExternalName".equals(service.input("spec.type")))
                .filter(service -> !KubeObject.annotations(service).containsKey(ServiceSelectsPodsRule.PODS_MANAGED_BY))
                .forEach(service -> check(state, service).ifPresent(findings::add));
        return findings;
    }

    private static Optional<Finding> check(StateView state, ResourceState service) {
        Optional<String> hidden = Values.hiddenOn(service.inputs(), "spec.selector")
                .or(() -> Values.hiddenOn(service.inputs(), "spec.ports"));
        if (hidden.isPresent()) {
            return Optional.of(Finding.cannotEvaluate(service, KubeObject.describe(service), hidden.get()));
        }
        Map<String, String> selector = Values.strings(service.inputs(), "spec.selector");
        if (selector.isEmpty()) {
            return Optional.empty();
        }
        String namespace = KubeObject.namespace(service);
        List<Workload> selected = state.workloads()
                .filter(workload -> workload.namespace().equals(namespace) && !workload.kind().equals("PodTemplate")
                        && workload.podLabels().entrySet().containsAll(selector.entrySet()))
                .toList();
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> port : Values.maps(service.inputs(), "spec.ports")) {
            Object target = port.get("targetPort") != null ? port.get("targetPort") : port.get("port");
            for (Workload workload : selected) {
                boolean declared = workload.containers().stream().filter(Container::main)
                        .anyMatch(container -> container.declaresPort(target));
                if (!declared) {
                    problems.add("port '" + port.get("name") + "' targets " + (target instanceof String ? "'" + target
                            + "'" : target) + ", which no container of " + workload.describe() + " declares");
                }
            }
        }
        if (problems.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Finding(service, KubeObject.describe(service) + ": " + String.join("; ", problems)
                + "; make spec.ports[].targetPort name or number one of the containers' ports"));
    }
}
