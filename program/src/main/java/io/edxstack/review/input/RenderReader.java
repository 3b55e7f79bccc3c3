package io.edxstack.review.input;

import com.fasterxml.jackson.databind.JsonNode;
import io.edxstack.policies.StackRole;
import io.edxstack.review.ReviewInputException;
import io.edxstack.state.ResourceState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the output of {@code edxstack render --format json}. */
public final class RenderReader {

    private static final String WHAT = "the output of 'edxstack render --format json'";

    private RenderReader() {
    }

    public static RenderedStack read(Path file) {
        JsonNode root = JsonFiles.read(file, WHAT);
        String stack = JsonFiles.text(root, "stack");
        if (stack == null) {
            throw new ReviewInputException(file, "has no 'stack', perhaps it is not " + WHAT);
        }
        StackRole role = StackRole.parse(JsonFiles.text(root, "role"));
        if (role == null) {
            throw new ReviewInputException(file, "'role' is " + root.get("role") + ", perhaps active or standby");
        }
        JsonNode resources = root.get("resources");
        if (resources == null || !resources.isArray()) {
            throw new ReviewInputException(file, "has no 'resources' list, perhaps it is not " + WHAT);
        }
        List<ResourceState> states = new ArrayList<>();
        for (int index = 0; index < resources.size(); index++) {
            states.add(state(file, "resources[" + index + "]", resources.get(index)));
        }
        return new RenderedStack(stack, role, states);
    }

    private static ResourceState state(Path file, String key, JsonNode resource) {
        String urn = JsonFiles.text(resource, "urn");
        String type = JsonFiles.text(resource, "type");
        if (urn == null || type == null) {
            throw new ReviewInputException(file, key + " has no 'urn' or 'type', perhaps the file was cut short");
        }
        String name = JsonFiles.text(resource, "name");
        return new ResourceState(urn, type, name == null ? JsonFiles.nameOf(urn) : name,
                JsonFiles.text(resource, "parent"), JsonFiles.text(resource, "provider"),
                resource.path("protect").asBoolean(false), JsonFiles.plain(resource.get("inputs")));
    }
}
