package io.edxstack.render;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edxstack.state.ResourceState;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The machine-readable render ({@code --format json}) that diff, policies and the review read. */
public final class DesiredStateJson {
    static final ObjectMapper JSON = io.edxstack.reading.Mappers.json()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            // Whole numbers read back as Long, as the render produces them: states compare equal.
            .enable(DeserializationFeature.USE_LONG_FOR_INTS)
            .build();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private DesiredStateJson() {
    }

    public static String write(DesiredState state) {
        ObjectNode root = JSON.createObjectNode();
        root.put("project", state.project());
        root.put("stack", state.stack());
        root.put("role", state.role());
        ArrayNode resources = root.putArray("resources");
        for (RenderedResource resource : state.resources()) {
            ResourceState s = resource.state();
            ObjectNode node = resources.addObject();
            node.put("urn", s.urn());
            node.put("type", s.type());
            node.put("name", s.name());
            node.put("parent", s.parent());
            node.put("provider", s.provider());
            node.put("protect", s.protect());
            node.put("custom", resource.custom());
            node.put("version", resource.version());
            node.set("additionalSecretOutputs", JSON.valueToTree(resource.additionalSecretOutputs()));
            node.set("dependsOn", JSON.valueToTree(resource.dependsOn()));
            node.set("inputs", JSON.valueToTree(s.inputs()));
        }
        root.set("outputs", JSON.valueToTree(state.outputs()));
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the render as JSON", e);
        }
    }

    public static DesiredState read(Path file) {
        try {
            JsonNode root = JSON.readTree(file.toFile());
            if (root == null || !root.has("resources") || !root.get("resources").isArray()) {
                throw new IllegalArgumentException(file + " is not an edxstack render (no 'resources' list), "
                        + "perhaps render it with --format json");
            }
            List<RenderedResource> resources = new ArrayList<>();
            for (JsonNode node : root.get("resources")) {
                var state = new ResourceState(node.path("urn").asText(), node.path("type").asText(),
                        node.path("name").asText(), textOrNull(node.get("parent")), textOrNull(node.get("provider")),
                        node.path("protect").asBoolean(), JSON.convertValue(node.path("inputs"), MAP));
                resources.add(new RenderedResource(state, node.path("custom").asBoolean(true),
                        node.path("version").asText(""), strings(node.get("additionalSecretOutputs")),
                        strings(node.get("dependsOn"))));
            }
            Map<String, Object> outputs = root.has("outputs") ? JSON.convertValue(root.get("outputs"), MAP) : Map.of();
            return new DesiredState(root.path("project").asText(), root.path("stack").asText(),
                    root.path("role").asText(), resources, outputs);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " cannot be read as JSON: " + e.getMessage(), e);
        }
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node != null) {
            node.forEach(n -> values.add(n.asText()));
        }
        return values;
    }
}
