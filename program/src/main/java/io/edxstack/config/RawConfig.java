package io.edxstack.config;

import io.edxstack.reading.Mappers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A stack's config as the engine hands it over: full key to string value, and which keys are secret.
 *
 * @param source     where the values came from, for error messages ({@code Pulumi.prod-dr.yaml})
 * @param values     {@code edxstack:cluster.masterCount -> "3"}
 * @param secretKeys keys whose values were set with {@code --secret}
 */
public record RawConfig(String source, Map<String, String> values, Set<String> secretKeys) {

    public RawConfig {
        values = Map.copyOf(values);
        secretKeys = Set.copyOf(secretKeys);
    }

    /**
     * The config the Pulumi language host passes to the program: {@code PULUMI_CONFIG} holds a JSON object
     * of values (keys sometimes as {@code project:config:key}), {@code PULUMI_CONFIG_SECRET_KEYS} a JSON
     * array of the secret ones. Read here rather than through {@code ctx.config()} because validation must
     * see every key, including the ones nobody asked for (typos).
     */
    public static RawConfig fromEngineEnvironment(String stackName, Map<String, String> env) {
        ObjectMapper json = Mappers.json().build();
        Map<String, String> values = new TreeMap<>();
        java.util.Set<String> secrets = new java.util.TreeSet<>();
        try {
            String config = env.get("PULUMI_CONFIG");
            if (config != null && !config.isBlank()) {
                json.readTree(config).fields().forEachRemaining(e -> {
                    String key = cleanKey(e.getKey());
                    if (!isDeclaredDefaults(key, e.getValue())) {
                        values.put(key, text(e.getValue()));
                    }
                });
            }
            String secretKeys = env.get("PULUMI_CONFIG_SECRET_KEYS");
            if (secretKeys != null && !secretKeys.isBlank()) {
                json.readTree(secretKeys).forEach(k -> secrets.add(cleanKey(k.asText())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the Pulumi engine passed unreadable config", e);
        }
        return new RawConfig("Pulumi." + stackName + ".yaml", values, secrets);
    }

    /**
     * The Pulumi CLI (3.276.0 at least) reads the dotted keys Pulumi.yaml declares ({@code edxstack:backup.bucket})
     * as paths, and passes their declared defaults once more as one object per prefix ({@code edxstack:backup ->
     * {"bucket": "...", ...}}) next to the stack's own flat keys. Such an object is not a setting: every member is
     * a declared key, whose default the program applies itself. Anything else stays, for validation to judge.
     */
    static boolean isDeclaredDefaults(String key, JsonNode value) {
        if (ConfigKeys.byFullName(key) != null || !value.isTextual() || !value.asText().startsWith("{")) {
            return false;
        }
        JsonNode object;
        try {
            object = new ObjectMapper().readTree(value.asText());
        } catch (IOException e) {
            return false;
        }
        if (!object.isObject() || object.isEmpty()) {
            return false;
        }
        var members = object.fieldNames();
        while (members.hasNext()) {
            if (ConfigKeys.byFullName(key + "." + members.next()) == null) {
                return false;
            }
        }
        return true;
    }

    /** {@code edxstack:config:role} (the engine's older form) becomes {@code edxstack:role}. */
    static String cleanKey(String key) {
        int first = key.indexOf(':');
        if (first > 0 && key.startsWith("config:", first + 1)) {
            return key.substring(0, first) + ":" + key.substring(first + 1 + "config:".length());
        }
        return key;
    }

    static String text(JsonNode value) {
        return value.isTextual() ? value.asText() : value.toString();
    }

    public boolean isSecret(String key) {
        return secretKeys.contains(key);
    }
}
