package io.edxstack.policies;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.edxstack.review.change.PropertyPath;
import io.edxstack.review.input.RenderReader;
import io.edxstack.review.input.RenderedStack;
import io.edxstack.state.ResourceState;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A realistic, compliant render of one stack (src/test/resources/render/), with edits that break one
 * thing at a time.
 */
public final class RenderFixture {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final RenderedStack rendered;
    private final List<ResourceState> resources;

    private RenderFixture(RenderedStack rendered) {
        this.rendered = rendered;
        this.resources = new ArrayList<>(rendered.resources().stream().map(RenderFixture::deepCopy).toList());
    }

    public static RenderFixture primary() {
        return new RenderFixture(RenderReader.read(path("render/prod-primary.json")));
    }

    public static RenderFixture dr() {
        return new RenderFixture(RenderReader.read(path("render/prod-dr.json")));
    }

    public static Path path(String resource) {
        try {
            return Path.of(RenderFixture.class.getClassLoader().getResource(resource).toURI());
        } catch (URISyntaxException | NullPointerException missing) {
            throw new IllegalStateException("test resource " + resource + " is missing", missing);
        }
    }

    public String stack() {
        return rendered.stack();
    }

    public PolicyContext context() {
        return PolicyContext.of(rendered.stack(), rendered.role());
    }

    public List<ResourceState> resources() {
        return List.copyOf(resources);
    }

    public ResourceState get(String name) {
        return resources.stream().filter(resource -> resource.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no resource " + name + " in " + stack()));
    }

    /** Sets the input at a property path ({@code spec.template.spec.containers[0].image}). */
    public RenderFixture set(String name, String path, Object value) {
        List<Object> steps = PropertyPath.parse(path);
        Object parent = PropertyPath.lookup(get(name).inputs(), parentPath(steps));
        put(parent, steps.get(steps.size() - 1), value);
        return this;
    }

    public RenderFixture remove(String name, String path) {
        return set(name, path, null);
    }

    public RenderFixture without(String name) {
        resources.remove(get(name));
        return this;
    }

    public RenderFixture with(ResourceState resource) {
        resources.add(resource);
        return this;
    }

    public RenderFixture protect(String name, boolean protect) {
        ResourceState old = get(name);
        resources.set(resources.indexOf(old), new ResourceState(old.urn(), old.type(), old.name(), old.parent(),
                old.provider(), protect, old.inputs()));
        return this;
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
        StringBuilder path = new StringBuilder();
        for (Object step : steps.subList(0, steps.size() - 1)) {
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
