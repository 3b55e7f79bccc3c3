package io.edxstack.tutor;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.util.Map;

/** Settings overrides as plain maps, for writing them back as JSON. */
final class DjangoJson {
    static final JsonMapper JSON = io.edxstack.reading.Mappers.json().build();

    private DjangoJson() {
    }

    static Map<String, Object> toMap(JsonNode node) {
        return JSON.convertValue(node, new TypeReference<Map<String, Object>>() {
        });
    }
}
