package io.edxstack.openstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.Map;

/**
 * The Pulumi view of a Terraform provider schema, derived the way pulumi-terraform-bridge's schema generator (tfgen)
 * derives it for pulumi-openstack, in the shape of a Pulumi package schema ({@code config}, {@code providerResource},
 * {@code resources} with {@code inputProperties}, {@code requiredInputs}, {@code properties}, {@code required}). The
 * rules, learnt from the bridge and pulumi-openstack's provider mapping:
 * <ul>
 *   <li>names: snake_case becomes camelCase; a list or set not limited to one item gets a plural name unless that
 *       name is taken by another attribute (edxstack binds no name this rule changes);</li>
 *   <li>inputs are the attributes a user may set (required or optional); outputs are every attribute but {@code id};</li>
 *   <li>an input is required when Terraform requires it and it has no default (a value or a default function, even
 *       one that reads an unset environment variable), and it is not a resource's {@code name}, which
 *       pulumi-openstack auto-names; an output is always present unless it is optional and not computed;</li>
 *   <li>ForceNew inputs are {@code willReplaceOnChanges}; sensitive attributes are {@code secret}; types map as
 *       int → integer, float → number, bool → boolean, list/set → array, map → object of strings unless typed;
 *       a list or set of at most one item is flattened to its element, a nested block is an object type.</li>
 * </ul>
 */
final class BridgedSchema {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String AUTO_NAMED = "name";
    /** The token nested config types are named under (the bridge puts them in the config module). */
    private static final String PROVIDER = "openstack:config/provider:Provider";

    private BridgedSchema() {
    }

    /** The Pulumi schema of the given resources ({@code token -> Terraform resource name}) and of the provider. */
    static ProviderSchema derive(TerraformSchema terraform, Map<String, String> resources) {
        ObjectNode root = JSON.objectNode();
        ObjectNode source = root.putObject("source");
        source.put("terraformProviderVersion", terraform.version());
        source.put("file", terraform.file().toString());

        ObjectNode config = root.putObject("config");
        ArrayNode providerRequired = root.putObject("providerResource").putArray("requiredInputs");
        terraform.provider().fields().forEachRemaining(e -> {
            config.set(pulumiName(e.getKey(), terraform.provider()), property(PROVIDER, e.getKey(), e.getValue(), false));
            if (requiredInput(e.getValue(), false)) {
                providerRequired.add(pulumiName(e.getKey(), terraform.provider()));
            }
        });

        ObjectNode out = root.putObject("resources");
        resources.forEach((token, terraformName) -> {
            JsonNode attributes = terraform.resource(terraformName).path("attributes");
            if (attributes.isMissingNode()) {
                return; // the checker reports the token as unknown
            }
            out.set(token, resource(token, terraformName, attributes));
        });
        return new ProviderSchema(root);
    }

    private static ObjectNode resource(String token, String terraformName, JsonNode attributes) {
        ObjectNode resource = JSON.objectNode();
        resource.put("tfResource", terraformName);
        ObjectNode inputs = resource.putObject("inputProperties");
        ArrayNode requiredInputs = resource.putArray("requiredInputs");
        ObjectNode outputs = resource.putObject("properties");
        ArrayNode required = resource.putArray("required");
        Iterator<Map.Entry<String, JsonNode>> fields = attributes.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            String tfName = e.getKey();
            JsonNode attribute = e.getValue();
            if (tfName.equals("id")) {
                continue;
            }
            String name = pulumiName(tfName, attributes);
            outputs.set(name, property(token, name, attribute, false));
            boolean autoNamed = tfName.equals(AUTO_NAMED) && attribute.path("type").asText().equals("string");
            if (!(attribute.path("optional").asBoolean() && !attribute.path("computed").asBoolean() && !autoNamed)) {
                required.add(name);
            }
            if (attribute.path("optional").asBoolean() || attribute.path("required").asBoolean()) {
                inputs.set(name, property(token, name, attribute, true));
                if (requiredInput(attribute, autoNamed)) {
                    requiredInputs.add(name);
                }
            }
        }
        return resource;
    }

    private static boolean requiredInput(JsonNode attribute, boolean autoNamed) {
        boolean optional = attribute.path("optional").asBoolean() || attribute.path("computed").asBoolean() || autoNamed;
        boolean hasDefault = attribute.has("default") || attribute.path("defaultFunc").asBoolean();
        return !optional && !hasDefault;
    }

    private static ObjectNode property(String token, String name, JsonNode attribute, boolean input) {
        ObjectNode property = type(token, name, attribute);
        if (attribute.path("sensitive").asBoolean()) {
            property.put("secret", true);
        }
        if (input && attribute.path("forceNew").asBoolean()) {
            property.put("willReplaceOnChanges", true);
        }
        if (!attribute.path("deprecated").asText().isEmpty()) {
            property.put("deprecated", true);
        }
        return property;
    }

    private static ObjectNode type(String token, String name, JsonNode attribute) {
        String type = attribute.path("type").asText();
        return switch (type) {
            case "string" -> scalar("string");
            case "int" -> scalar("integer");
            case "float" -> scalar("number");
            case "bool" -> scalar("boolean");
            case "map" -> {
                ObjectNode map = scalar("object");
                map.set("additionalProperties", attribute.has("elem") ? type(token, name, attribute.get("elem")) : scalar("string"));
                yield map;
            }
            case "list", "set" -> {
                ObjectNode element = attribute.has("block") ? objectType(token, name)
                        : attribute.has("elem") ? type(token, name, attribute.get("elem")) : scalar("string");
                if (attribute.path("maxItems").asInt() == 1) {
                    yield element;
                }
                ObjectNode array = scalar("array");
                array.set("items", element);
                yield array;
            }
            default -> throw new IllegalArgumentException("unknown Terraform type '" + type + "' of " + name + " in " + token);
        };
    }

    /** A nested block's object type: {@code pkg:module/ResourceProperty:ResourceProperty}. */
    private static ObjectNode objectType(String token, String name) {
        String[] parts = token.split(":");
        String module = parts[1].substring(0, parts[1].indexOf('/'));
        String type = parts[2] + Character.toUpperCase(name.charAt(0)) + name.substring(1);
        ObjectNode ref = JSON.objectNode();
        ref.put("$ref", "#/types/" + parts[0] + ":" + module + "/" + type + ":" + type);
        return ref;
    }

    private static ObjectNode scalar(String type) {
        ObjectNode node = JSON.objectNode();
        node.put("type", type);
        return node;
    }

    static String pulumiName(String tfName, JsonNode siblings) {
        String name = tfName;
        JsonNode attribute = siblings.path(tfName);
        String type = attribute.path("type").asText();
        if ((type.equals("list") || type.equals("set")) && attribute.path("maxItems").asInt() != 1) {
            String plural = plural(tfName);
            if (!siblings.has(plural)) {
                name = plural;
            }
        }
        StringBuilder camel = new StringBuilder();
        boolean upper = false;
        for (char c : name.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                camel.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return camel.toString();
    }

    /**
     * English plurals, a subset of the bridge's inflector: a word ending in s is taken as plural already (the
     * inflector would make "status" "statuses"; no attribute edxstack binds is such a word).
     */
    static String plural(String word) {
        if (word.endsWith("s")) {
            return word;
        }
        if (word.matches(".*[^aeiou]y")) {
            return word.substring(0, word.length() - 1) + "ies";
        }
        if (word.matches(".*(x|ch|sh)")) {
            return word + "es";
        }
        return word + "s";
    }
}
