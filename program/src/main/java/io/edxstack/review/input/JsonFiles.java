package io.edxstack.review.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edxstack.config.Documents;
import io.edxstack.review.ReviewInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Reads the JSON inputs of the review, turning every failure into an error that names the file. */
final class JsonFiles {

    static final ObjectMapper JSON = io.edxstack.reading.Mappers.json().build();

    private JsonFiles() {
    }

    /**
     * The file's one JSON object, read under the project's reading policy: strictly UTF-8, nothing after the
     * object, no duplicate keys. Every refusal names the file and, where there is one, the position.
     */
    static JsonNode read(Path file, String whatItShouldBe) {
        if (!Files.exists(file)) {
            throw new ReviewInputException(file, "no such file, perhaps the step that writes " + whatItShouldBe
                    + " failed");
        }
        String text;
        try {
            text = Documents.readText(file);
        } catch (Documents.UnreadableException e) {
            throw new ReviewInputException(file, e.getMessage() + ", perhaps it is not " + whatItShouldBe);
        }
        if (EngineEvents.looksLikeEventLog(text)) {
            throw new ReviewInputException(file, "is a JSON Lines engine event log ('pulumi preview --event-log'), "
                    + "but the review reads " + whatItShouldBe + ": one JSON object with a 'steps' list; perhaps "
                    + "'pulumi preview --json > " + file.getFileName() + "'");
        }
        JsonNode root;
        try {
            root = Documents.parseJson(text);
        } catch (Documents.UnreadableException e) {
            throw new ReviewInputException(file, e.getMessage() + ", perhaps it is not " + whatItShouldBe
                    + " or it was cut short");
        }
        if (root == null || !root.isObject()) {
            throw new ReviewInputException(file, "is not a JSON object, perhaps it is not " + whatItShouldBe);
        }
        return root;
    }

    /** A JSON object as plain maps and lists, the shape {@code ResourceState.inputs} holds. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> plain(JsonNode object) {
        return object == null || !object.isObject() ? Map.of() : JSON.convertValue(object, Map.class);
    }

    /** A plain value (map, list, string, number, boolean or null). */
    static Object plainValue(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() ? null : JSON.convertValue(node, Object.class);
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** The stack a URN belongs to ({@code urn:pulumi:<stack>::...}), or null for a malformed URN. */
    static String stackOf(String urn) {
        if (urn == null || !urn.startsWith("urn:pulumi:")) {
            return null;
        }
        int end = urn.indexOf("::");
        return end < 0 ? null : urn.substring("urn:pulumi:".length(), end);
    }

    /** The logical name: the part of the URN after its last {@code ::}. */
    static String nameOf(String urn) {
        return urn.substring(urn.lastIndexOf("::") + 2);
    }
}
