package io.edxstack.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

/**
 * The Kubernetes objects a stack applied, as the program declared them: the inputs of every Kubernetes resource in a
 * {@code pulumi stack export --show-secrets}, secrets unwrapped, as one {@code kind: List} that
 * {@code kubectl apply -f} takes. The baseline of the engine benchmark applies exactly these.
 */
final class AppliedObjects {
    /** The marker key of a secret value in Pulumi's state (sdk/go/common/resource/sig). */
    static final String SECRET_SIG = "4dabf18193072939515e22adb298388d";
    private static final ObjectMapper JSON = new ObjectMapper();

    private AppliedObjects() {
    }

    static ObjectNode fromExport(JsonNode export) {
        ArrayNode items = JSON.createArrayNode();
        for (JsonNode resource : export.at("/deployment/resources")) {
            String type = resource.path("type").asText();
            if (type.startsWith("kubernetes:") && resource.path("custom").asBoolean() && !resource.path("delete").asBoolean()) {
                items.add(plain(resource.get("inputs"), resource.path("urn").asText()));
            }
        }
        ObjectNode list = JSON.createObjectNode().put("apiVersion", "v1").put("kind", "List");
        list.set("items", items);
        return list;
    }

    /** The value with every secret replaced by its plaintext; a ciphertext means the export was not --show-secrets. */
    private static JsonNode plain(JsonNode value, String urn) {
        if (value.isObject() && value.has(SECRET_SIG)) {
            if (!value.has("plaintext")) {
                throw new IllegalArgumentException(urn + ": a secret without plaintext, perhaps export with --show-secrets");
            }
            try {
                return plain(JSON.readTree(value.get("plaintext").asText()), urn);
            } catch (IOException e) {
                throw new UncheckedIOException(urn + ": a secret's plaintext is not JSON", e);
            }
        }
        if (value.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            for (Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                copy.set(field.getKey(), plain(field.getValue(), urn));
            }
            return copy;
        }
        if (value.isArray()) {
            ArrayNode copy = JSON.createArrayNode();
            value.forEach(item -> copy.add(plain(item, urn)));
            return copy;
        }
        return value;
    }
}
