package io.edxstack.openstack;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Two Pulumi schemas compared on what the bindings depend on, in a form whose differences read well in a failure. */
final class SchemaSummary {
    private SchemaSummary() {
    }

    /** Each property: its type, then "replace", "secret" and "deprecated" when they apply. */
    static Map<String, String> properties(JsonNode properties) {
        Map<String, String> summary = new TreeMap<>();
        properties.fields().forEachRemaining(e -> {
            JsonNode p = e.getValue();
            summary.put(e.getKey(), BindingSchemaChecker.describe(p)
                    + (p.path("willReplaceOnChanges").asBoolean() ? " replace" : "")
                    + (p.path("secret").asBoolean() ? " secret" : "")
                    + (p.path("deprecated").asBoolean() || p.has("deprecationMessage") ? " deprecated" : ""));
        });
        return summary;
    }

    /** Each property's type only. */
    static Map<String, String> types(JsonNode properties) {
        Map<String, String> types = new TreeMap<>();
        properties.fields().forEachRemaining(e -> types.put(e.getKey(), BindingSchemaChecker.describe(e.getValue())));
        return types;
    }

    static Set<String> names(JsonNode array) {
        Set<String> names = new TreeSet<>();
        array.forEach(name -> names.add(name.asText()));
        return names;
    }

    static Set<String> keys(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
