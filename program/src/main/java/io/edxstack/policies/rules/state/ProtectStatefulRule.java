package io.edxstack.policies.rules.state;

import io.edxstack.policies.Finding;
import io.edxstack.policies.Level;
import io.edxstack.policies.PolicyContext;
import io.edxstack.policies.PolicyRule;
import io.edxstack.policies.RuleParameters;
import io.edxstack.policies.kube.KubeObject;
import io.edxstack.policies.kube.StateView;
import io.edxstack.state.Statefulness;
import java.util.List;

/**
 * Resources that hold data (clusters, data namespaces, PVCs, StatefulSets, buckets: see
 * {@link Statefulness}) are protected, so even a mistaken {@code pulumi destroy} or a removed line of
 * code cannot delete them without a reviewed change that first lifts the protection.
 */
public final class ProtectStatefulRule implements PolicyRule {

    @Override
    public String id() {
        return "protect-stateful";
    }

    @Override
    public Level defaultLevel() {
        return Level.MANDATORY;
    }

    @Override
    public String summary() {
        return "Clusters, data namespaces, PVCs, StatefulSets and buckets have protect: true";
    }

    @Override
    public List<Finding> check(StateView state, PolicyContext context, RuleParameters parameters) {
        return state.resources().stream()
                .filter(Statefulness::isStateful)
                .filter(resource -> !resource.protect())
                .map(resource -> new Finding(resource, KubeObject.describe(resource)
                        + " holds data but is not protected; register it with"
                        + " CustomResourceOptions.builder().protect(true)"))
                .toList();
    }
}
