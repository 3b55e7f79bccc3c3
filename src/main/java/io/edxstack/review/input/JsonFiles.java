package io.edxstack.review.input;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edxstack.review.ReviewInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/** Reads the JSON inputs of the review, turning every failure into an error that names the file. */
final class JsonFiles {

    static final ObjectMapper JSON = io.edxstack.config.Mappers.json().build();

    private JsonFiles() {
    }

    static JsonNode read(Path file, String whatItShouldBe) {
        try {
            JsonNode root = JSON.readTree(Files.readString(file));
            if (root == null || !root.isObject()) {
                throw new ReviewInputException(file, "is not a JSON object, perhaps it is not " + whatItShouldBe);
            }
            return root;
        } catch (NoSuchFileException missing) {
            throw new ReviewInputException(file, "no such file, perhaps the step that writes " + whatItShouldBe
                    + " failed");
        } catch (JacksonException malformed) {
            throw new ReviewInputException(file, "is not valid JSON (" + malformed.getOriginalMessage()
                    + "), perhaps it is not " + whatItShouldBe, malformed);
        } catch (IOException unreadable) {
            throw new ReviewInputException(file, "cannot be read (" + unreadable.getMessage() + ")", unreadable);
        }
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
