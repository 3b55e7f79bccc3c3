package io.edxstack.openstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.Import;
import com.pulumi.core.annotations.ResourceType;

import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares a hand-written binding (resource class, its args class and the outputs it keeps secret) with the provider
 * schema: the token, every {@code @Import} and {@code @Export} name and type, the required inputs, the secret outputs,
 * and no deprecated property. Returns one line per mismatch, so a renamed, mistyped or dropped property is named in
 * the failure.
 */
final class BindingSchemaChecker {
    private final ProviderSchema schema;

    BindingSchemaChecker(ProviderSchema schema) {
        this.schema = schema;
    }

    List<String> checkResource(Class<?> resourceClass, Class<?> argsClass, List<String> secretOutputs) {
        List<String> problems = new ArrayList<>();
        ResourceType annotation = resourceClass.getAnnotation(ResourceType.class);
        if (annotation == null) {
            return List.of(resourceClass.getSimpleName() + ": no @ResourceType");
        }
        JsonNode resource = schema.resource(annotation.type());
        if (resource.isMissingNode()) {
            return List.of(resourceClass.getSimpleName() + ": token " + annotation.type() + " is not in the schema");
        }
        checkInputs(argsClass, resource.path("inputProperties"), resource.path("requiredInputs"), problems);
        JsonNode outputs = resource.path("properties");
        for (Field field : resourceClass.getDeclaredFields()) {
            Export export = field.getAnnotation(Export.class);
            if (export != null) {
                String where = resourceClass.getSimpleName() + "." + export.name();
                checkProperty(where, field, outputs.path(export.name()), problems);
                if (outputs.path(export.name()).path("secret").asBoolean() && !secretOutputs.contains(export.name())) {
                    problems.add(where + ": secret in the schema, not among the binding's secret outputs");
                }
            }
        }
        for (String secret : secretOutputs) {
            if (!outputs.has(secret)) {
                problems.add(resourceClass.getSimpleName() + ": secret output '" + secret + "' is not in the schema");
            }
        }
        return problems;
    }

    List<String> checkProvider(Class<?> argsClass) {
        List<String> problems = new ArrayList<>();
        checkInputs(argsClass, schema.providerConfig(), schema.root().path("providerResource").path("requiredInputs"), problems);
        return problems;
    }

    private void checkInputs(Class<?> argsClass, JsonNode properties, JsonNode required, List<String> problems) {
        Map<String, Import> imports = new HashMap<>();
        for (Field field : argsClass.getDeclaredFields()) {
            Import in = field.getAnnotation(Import.class);
            if (in == null) {
                continue;
            }
            imports.put(in.name(), in);
            String where = argsClass.getSimpleName() + "." + in.name();
            checkProperty(where, field, properties.path(in.name()), problems);
            if (in.required() && !contains(required, in.name())) {
                problems.add(where + ": marked required, the schema does not require it");
            }
        }
        required.forEach(name -> {
            Import in = imports.get(name.asText());
            if (in == null) {
                problems.add(argsClass.getSimpleName() + ": required input '" + name.asText() + "' is missing");
            } else if (!in.required()) {
                problems.add(argsClass.getSimpleName() + "." + name.asText() + ": required by the schema, not marked required");
            }
        });
    }

    private static void checkProperty(String where, Field field, JsonNode property, List<String> problems) {
        if (property.isMissingNode()) {
            problems.add(where + ": no such property in the schema");
            return;
        }
        if (!(field.getGenericType() instanceof ParameterizedType output) || output.getRawType() != Output.class) {
            problems.add(where + ": field is not an Output<T>");
            return;
        }
        if (property.path("deprecated").asBoolean()) {
            problems.add(where + ": deprecated in the schema");
        }
        String expected = describe(property);
        String actual = describe(output.getActualTypeArguments()[0]);
        if (!expected.equals(actual)) {
            problems.add(where + ": schema type " + expected + ", binding type " + actual);
        }
    }

    /** Schema type in a normal form: string, integer, boolean, number, array<T>, map<T>. */
    static String describe(JsonNode property) {
        if (property.has("$ref")) {
            return "ref " + property.get("$ref").asText();
        }
        String type = property.path("type").asText();
        return switch (type) {
            case "array" -> "array<" + describe(property.path("items")) + ">";
            case "object" -> "map<" + describe(property.path("additionalProperties")) + ">";
            default -> type;
        };
    }

    static String describe(Type type) {
        if (type == String.class) {
            return "string";
        }
        if (type == Integer.class) {
            return "integer";
        }
        if (type == Boolean.class) {
            return "boolean";
        }
        if (type == Double.class) {
            return "number";
        }
        if (type instanceof ParameterizedType generic) {
            Type[] args = generic.getActualTypeArguments();
            if (generic.getRawType() == List.class) {
                return "array<" + describe(args[0]) + ">";
            }
            if (generic.getRawType() == Map.class && args[0] == String.class) {
                return "map<" + describe(args[1]) + ">";
            }
        }
        return type.getTypeName();
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode item : array) {
            if (item.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }
}
