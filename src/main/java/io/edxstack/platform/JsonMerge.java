package io.edxstack.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.Map;

/**
 * Merges settings the way {@code <platform>.settings.json} is documented to: objects merge key by key,
 * recursively; anything else in the overlay (a list, a scalar, null) replaces the base value whole.
 */
public final class JsonMerge {
    private JsonMerge() {
    }

    /** A new object: {@code base} with {@code overlay} merged on top; neither argument is modified. */
    public static ObjectNode merge(ObjectNode base, ObjectNode overlay) {
        ObjectNode result = base.deepCopy();
        for (Iterator<Map.Entry<String, JsonNode>> fields = overlay.fields(); fields.hasNext(); ) {
            var field = fields.next();
            JsonNode current = result.get(field.getKey());
            JsonNode value = field.getValue();
            if (current instanceof ObjectNode currentObject && value instanceof ObjectNode valueObject) {
                result.set(field.getKey(), merge(currentObject, valueObject));
            } else {
                result.set(field.getKey(), value.deepCopy());
            }
        }
        return result;
    }
}
