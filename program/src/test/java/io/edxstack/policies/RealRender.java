package io.edxstack.policies;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.edxstack.policies.kube.KubeObject;
import io.edxstack.render.DesiredState;
import io.edxstack.review.change.PropertyPath;
import io.edxstack.state.ResourceState;
import io.edxstack.testing.TestProject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A private copy of what the program renders for one of this repository's stacks, with edits that break one
 * thing at a time. Resources are addressed by Kubernetes kind (or type) and logical name, since one name is
 * shared by a Deployment, its Service and its PodDisruptionBudget.
 */
final class RealRender {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final DesiredState rendered;
    private final List<ResourceState> resources;

    private RealRender(DesiredState rendered) {
        this.rendered = rendered;
        this.resources = new ArrayList<>(rendered.states().stream().map(RealRender::deepCopy).toList());
    }

    static RealRender primary() {
        return new RealRender(TestProject.REPOSITORY_RENDER.primary());
    }

    static RealRender dr() {
        return new RealRender(TestProject.REPOSITORY_RENDER.dr());
    }

    /** Any render of the program, e.g. of a project a test changed. */
    static RealRender of(DesiredState rendered) {
        return new RealRender(rendered);
    }

    String stack() {
        return rendered.stack();
    }

    PolicyContext context() {
        return PolicyContext.of(rendered.stack(), StackRole.parse(rendered.role()));
    }

    List<ResourceState> resources() {
        return List.copyOf(resources);
    }

    /** The resource of this kind ({@code Deployment}) or full type token and logical name. */
    ResourceState get(String kind, String name) {
        return resources.stream().filter(resource -> matches(resource, kind) && resource.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no " + kind + " " + name + " in " + stack()));
    }

    /** The logical name of the one resource of this kind whose name starts so (Job names end in a content hash). */
    String nameStartingWith(String kind, String prefix) {
        List<String> names = resources.stream().filter(resource -> matches(resource, kind))
                .map(ResourceState::name).filter(name -> name.startsWith(prefix)).toList();
        if (names.size() != 1) {
            throw new IllegalArgumentException("expected one " + kind + " named " + prefix + "*, found " + names);
        }
        return names.get(0);
    }

    /** Sets the input at a property path ({@code spec.template.spec.containers[0].image}); null removes it. */
    RealRender set(String kind, String name, String path, Object value) {
        List<Object> steps = PropertyPath.parse(path);
        Object parent = PropertyPath.lookup(get(kind, name).inputs(), parentPath(steps));
        put(parent, steps.get(steps.size() - 1), value == null ? null : JSON.convertValue(value, Object.class));
        return this;
    }

    RealRender remove(String kind, String name, String path) {
        return set(kind, name, path, null);
    }

    /** Adds an element to the list at a property path, creating the list when absent. */
    @SuppressWarnings("unchecked")
    RealRender append(String kind, String name, String path, Object element) {
        Object list = PropertyPath.lookup(get(kind, name).inputs(), bracketed(PropertyPath.parse(path)));
        if (list == null) {
            set(kind, name, path, List.of(element));
        } else {
            ((List<Object>) list).add(JSON.convertValue(element, Object.class));
        }
        return this;
    }

    RealRender without(String kind, String name) {
        resources.remove(get(kind, name));
        return this;
    }

    RealRender with(ResourceState resource) {
        resources.add(deepCopy(resource));
        return this;
    }

    /**
     * Adds a copy of a rendered resource as another type and name, e.g. the LMS Deployment's pod template run as
     * a DaemonSet: the kind in the type token and in the inputs change, the rest is the program's own.
     */
    RealRender withCopy(String kind, String name, String newType, String newName) {
        ResourceState old = get(kind, name);
        ResourceState copy = new ResourceState(old.urn().replace("::" + old.name(), "::" + newName)
                .replace(old.type(), newType), newType, newName, old.parent(), old.provider(), false, old.inputs());
        with(copy);
        set(newType, newName, "kind", newType.substring(newType.lastIndexOf(':') + 1));
        return this;
    }

    RealRender protect(String kind, String name, boolean protect) {
        ResourceState old = get(kind, name);
        resources.set(resources.indexOf(old), new ResourceState(old.urn(), old.type(), old.name(), old.parent(),
                old.provider(), protect, old.inputs()));
        return this;
    }

    private static boolean matches(ResourceState resource, String kind) {
        return resource.type().equals(kind) || (KubeObject.isKubernetes(resource) && KubeObject.kind(resource).equals(kind));
    }

    @SuppressWarnings("unchecked")
    private static void put(Object parent, Object step, Object value) {
        if (parent instanceof Map<?, ?> map) {
            if (value == null) {
                map.remove(step);
            } else {
                ((Map<Object, Object>) map).put(step, value);
            }
        } else if (parent instanceof List<?> list) {
            if (value == null) {
                list.remove((int) (Integer) step);
            } else {
                ((List<Object>) list).set((Integer) step, value);
            }
        } else {
            throw new IllegalArgumentException("no container at " + step);
        }
    }

    private static String parentPath(List<Object> steps) {
        return bracketed(steps.subList(0, steps.size() - 1));
    }

    private static String bracketed(List<Object> steps) {
        StringBuilder path = new StringBuilder();
        for (Object step : steps) {
            if (step instanceof Integer index) {
                path.append('[').append(index).append(']');
            } else {
                path.append("[\"").append(step).append("\"]");
            }
        }
        return path.toString();
    }

    @SuppressWarnings("unchecked")
    private static ResourceState deepCopy(ResourceState resource) {
        Map<String, Object> inputs = JSON.convertValue(JSON.valueToTree(resource.inputs()), Map.class);
        return new ResourceState(resource.urn(), resource.type(), resource.name(), resource.parent(),
                resource.provider(), resource.protect(), inputs);
    }
}
