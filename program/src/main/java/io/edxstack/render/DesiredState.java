package io.edxstack.render;

import io.edxstack.state.ResourceState;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * What a stack asks the engine for: every resource with type, name, parent, provider and inputs, secrets
 * masked, ordered by URN so that the same input always renders to the same bytes.
 */
public record DesiredState(String project, String stack, String role, List<RenderedResource> resources,
                           Map<String, Object> outputs) {

    public DesiredState {
        resources = resources.stream()
                .sorted(Comparator.comparing((RenderedResource r) -> r.state().urn()))
                .toList();
        outputs = Map.copyOf(outputs);
    }

    public List<ResourceState> states() {
        return resources.stream().map(RenderedResource::state).toList();
    }

    public List<RenderedResource> ofType(String type) {
        return resources.stream().filter(r -> r.state().type().equals(type)).toList();
    }

    /** The one resource of a type and name; tests and reviews address resources this way. */
    public RenderedResource get(String type, String name) {
        return resources.stream()
                .filter(r -> r.state().type().equals(type) && r.state().name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no " + type + " named " + name + " in the render of " + stack));
    }
}
