package io.edxstack.policies.rules.visibility;

import io.edxstack.policies.Finding;
import io.edxstack.policies.Level;
import io.edxstack.policies.PolicyContext;
import io.edxstack.policies.PolicyRule;
import io.edxstack.policies.RuleParameters;
import io.edxstack.policies.kube.KubeObject;
import io.edxstack.policies.kube.StateView;
import io.edxstack.state.ResourceState;
import java.util.List;
import java.util.Optional;

/**
 * Some resources put objects on the cluster that the desired state never shows: a Helm release or chart
 * renders its templates inside the provider, a YAML or kustomize resource reads files, a {@code *Patch}
 * changes part of an object made elsewhere, a {@code *List} carries objects as opaque items. No rule can
 * check what it cannot see, so each is a violation until a reviewer has read what it makes and exempted it
 * in the policy set with the reason.
 */
public final class UnreviewableResourceRule implements PolicyRule {

    private static final List<String> OPAQUE_PREFIXES = List.of(
            "kubernetes:helm.sh/", "kubernetes:yaml", "kubernetes:kustomize");

    @Override
    public String id() {
        return "unreviewable-resource";
    }

    @Override
    public Level defaultLevel() {
        return Level.MANDATORY;
    }

    @Override
    public String summary() {
        return "No Helm release or chart, YAML or kustomize resource, *Patch or *List without a reviewed exemption"
                + " giving the reason";
    }

    @Override
    public boolean guardsSecurity() {
        return true;
    }

    @Override
    public List<Finding> check(StateView state, PolicyContext context, RuleParameters parameters) {
        return state.resources().stream()
                .flatMap(resource -> why(resource).stream().map(why -> new Finding(resource, describe(resource) + " "
                        + why + ", so no policy checks them; read what it makes (pinned version, images, security"
                        + " contexts, RBAC) and exempt it under " + id() + ".exemptions in policies/policy-set.yaml"
                        + " with the reason it is safe")))
                .toList();
    }

    private static Optional<String> why(ResourceState resource) {
        String type = resource.type();
        if (OPAQUE_PREFIXES.stream().anyMatch(type::startsWith)) {
            return Optional.of("makes Kubernetes objects inside the provider, out of the desired state");
        }
        if (!KubeObject.isKubernetes(resource)) {
            return Optional.empty();
        }
        String kind = KubeObject.kind(resource);
        if (kind.endsWith("Patch")) {
            return Optional.of("patches an object made elsewhere with fields the policies cannot judge on their own");
        }
        if (kind.endsWith("List")) {
            return Optional.of("carries its objects as list items the policies do not read");
        }
        return Optional.empty();
    }

    private static String describe(ResourceState resource) {
        Object chart = resource.input("chart");
        Object version = resource.input("version");
        String what = chart == null ? "" : " (chart " + chart + (version == null ? "" : " " + version) + ")";
        return resource.type() + " " + resource.name() + what;
    }
}
