package io.edxstack.policies.rules.wiring;

import io.edxstack.platform.PlatformLabels;
import io.edxstack.policies.Finding;
import io.edxstack.policies.Level;
import io.edxstack.policies.PolicyContext;
import io.edxstack.policies.PolicyRule;
import io.edxstack.policies.RuleParameters;
import io.edxstack.policies.kube.KubeObject;
import io.edxstack.policies.kube.StateView;
import io.edxstack.policies.kube.Values;
import java.util.List;
import java.util.Map;

/**
 * A Service whose selector matches no pod template serves nothing, and the mistake only shows as
 * 503s after the deploy. ExternalName and selector-less Services (manual endpoints, the external
 * database mode) select no pods on purpose and are skipped, as are Services annotated
 * {@value #PODS_MANAGED_BY} whose pods a controller makes on demand (cert-manager's ACME solvers).
 */
public final class ServiceSelectsPodsRule implements PolicyRule {

    @Override
    public String id() {
        return "service-selects-pods";
    }

    @Override
    public Level defaultLevel() {
        return Level.MANDATORY;
    }

    @Override
    public String summary() {
        return "Every Service's selector matches the pod labels of a workload in its namespace";
    }

    /** Annotation naming the controller that makes a Service's pods; its value is for people. */
    public static final String PODS_MANAGED_BY = PlatformLabels.PODS_MANAGED_BY;

    @Override
    public List<Finding> check(StateView state, PolicyContext context, RuleParameters parameters) {
        return state.ofKind("Service")
                .filter(service -> !"ExternalName".equals(service.input("spec.type")))
                .filter(service -> !Values.strings(service.inputs(), "spec.selector").isEmpty())
                // Pods a controller makes on demand (cert-manager's ACME solvers) are never in the state.
                .filter(service -> !KubeObject.annotations(service).containsKey(PODS_MANAGED_BY))
                // A pod template the policies cannot read may be the one selected: workload-inputs-visible stops that.
                .filter(service -> state.hiddenWorkloads()
                        .noneMatch(hidden -> hidden.namespace().equals(KubeObject.namespace(service))))
                .filter(service -> {
                    Map<String, String> selector = Values.strings(service.inputs(), "spec.selector");
                    String namespace = KubeObject.namespace(service);
                    return state.workloads().noneMatch(workload -> workload.namespace().equals(namespace)
                            && workload.podLabels().entrySet().containsAll(selector.entrySet()));
                })
                .map(service -> new Finding(service, KubeObject.describe(service) + " selects "
                        + Values.strings(service.inputs(), "spec.selector")
                        + " but no workload in its namespace has those pod labels; make spec.selector match the"
                        + " labels of spec.template.metadata.labels of the workload it fronts"))
                .toList();
    }
}
