package io.edxstack.policies.rules.workload;

import io.edxstack.policies.Level;
import io.edxstack.policies.RuleParameters;
import io.edxstack.policies.kube.Container;
import io.edxstack.policies.kube.Workload;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Images come from Magnum's private registry ({@code localhost:5000/}) or a registry the policy set
 * lists, so a region keeps running when a public registry is down or rate-limits us.
 */
public final class ImageRegistryRule extends ContainerRule {

    public static final String ALLOWED_REGISTRIES = "allowedRegistries";
    static final List<String> DEFAULT_REGISTRIES = List.of("localhost:5000/");

    @Override
    public String id() {
        return "image-registry";
    }

    @Override
    public Level defaultLevel() {
        return Level.MANDATORY;
    }

    @Override
    public String summary() {
        return "Every image comes from an allowed registry (default localhost:5000/, Magnum's private registry)";
    }

    @Override
    public Set<String> parameterNames() {
        return Set.of(ALLOWED_REGISTRIES);
    }

    @Override
    public boolean guardsSecurity() {
        return true;
    }

    @Override
    List<String> containerFields() {
        return List.of("image");
    }

    @Override
    Optional<String> problem(Workload workload, Container container, RuleParameters parameters) {
        String image = container.image();
        List<String> allowed = parameters.strings(ALLOWED_REGISTRIES, DEFAULT_REGISTRIES);
        if (image == null || allowed.stream().anyMatch(image::startsWith)) {
            return Optional.empty();
        }
        return Optional.of("image '" + image + "' is not from an allowed registry (" + String.join(", ", allowed)
                + "); mirror it into one of them or add its registry to image-registry.parameters."
                + ALLOWED_REGISTRIES + " in the policy set");
    }
}
