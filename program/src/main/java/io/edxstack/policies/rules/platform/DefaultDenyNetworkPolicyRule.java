package io.edxstack.policies.rules.platform;

import io.edxstack.policies.Finding;
import io.edxstack.policies.Level;
import io.edxstack.policies.PolicyContext;
import io.edxstack.policies.PolicyRule;
import io.edxstack.policies.RuleParameters;
import io.edxstack.policies.kube.KubeObject;
import io.edxstack.policies.kube.LabelSelector;
import io.edxstack.policies.kube.StateView;
import io.edxstack.policies.kube.Values;
import io.edxstack.state.ResourceState;
import java.util.List;

/**
 * Platforms share a cluster; each platform namespace starts from "no ingress" and opens only what
 * its own NetworkPolicies allow, so one tenant's pods cannot reach another's databases.
 */
public final class DefaultDenyNetworkPolicyRule implements PolicyRule {

    @Override
    public String id() {
        return "namespace-default-deny";
    }

    @Override
    public Level defaultLevel() {
        return Level.MANDATORY;
    }

    @Override
    public String summary() {
        return "Every platform namespace has a default-deny ingress NetworkPolicy";
    }

    @Override
    public List<Finding> check(StateView state, PolicyContext context, RuleParameters parameters) {
        return state.platformNamespaces()
                .filter(namespace -> state.ofKind("NetworkPolicy").noneMatch(policy ->
                        KubeObject.namespace(policy).equals(KubeObject.objectName(namespace)) && deniesAll(policy)))
                .map(namespace -> new Finding(namespace, KubeObject.describe(namespace)
                        + " of platform '" + KubeObject.platform(namespace) + "' has no default-deny NetworkPolicy;"
                        + " add one with podSelector: {}, policyTypes: [Ingress] and no ingress rules"))
                .toList();
    }

    private static boolean deniesAll(ResourceState policy) {
        boolean selectsAllPods = LabelSelector.of(Values.map(policy.inputs(), "spec.podSelector")).isEmpty();
        boolean coversIngress = Values.list(policy.inputs(), "spec.policyTypes").contains("Ingress");
        boolean allowsNothing = Values.list(policy.inputs(), "spec.ingress").isEmpty();
        return selectsAllPods && coversIngress && allowsNothing;
    }
}
