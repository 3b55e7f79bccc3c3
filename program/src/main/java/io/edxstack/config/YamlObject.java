package io.edxstack.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A mapping of a catalogue YAML file, read with validation: every read names the file and the dotted key
 * on failure and records a problem instead of throwing, so a file's mistakes are reported together.
 */
public final class YamlObject {
    private final String file;
    private final String path;
    private final JsonNode node;
    private final Problems problems;

    public YamlObject(String file, String path, JsonNode node, Problems problems) {
        this.file = file;
        this.path = path;
        this.node = node == null ? MissingNode.getInstance() : node;
        this.problems = problems;
    }

    public String file() {
        return file;
    }

    /** The mapping itself, for readers whose keys are the user's (patch names): a missing node when absent. */
    JsonNode node() {
        return node;
    }

    public String keyPath(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    public void problem(String key, String message) {
        problems.add(file, keyPath(key), message);
    }

    public boolean has(String key) {
        JsonNode value = node.get(key);
        return value != null && !value.isNull();
    }

    /** Rejects keys nobody reads, suggesting the closest known one: a typo must not be ignored. */
    public void allowOnly(Set<String> known) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                problem(name, ClosestKey.unknownKeyMessage(name, known));
            }
        }
    }

    public Optional<String> string(String key) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isValueNode() || value.isBinary()) {
            problem(key, "must be a single value, not a " + (value.isArray() ? "list" : "mapping"));
            return Optional.empty();
        }
        return Optional.of(value.asText().trim());
    }

    public String requiredString(String key) {
        return string(key).filter(s -> !s.isEmpty()).orElseGet(() -> {
            problem(key, "missing");
            return "";
        });
    }

    public String matching(String key, Pattern pattern, String what, String fallback) {
        Optional<String> value = string(key);
        value.filter(v -> !pattern.matcher(v).matches())
                .ifPresent(v -> problem(key, "must be " + what + " (got '" + v + "')"));
        return value.orElse(fallback);
    }

    public String oneOf(String key, Set<String> allowed, String fallback) {
        String value = string(key).orElse(fallback);
        if (!allowed.contains(value)) {
            problem(key, "must be one of " + String.join(", ", allowed.stream().sorted().toList())
                    + " (got '" + value + "')");
        }
        return value;
    }

    public int integer(String key, int fallback, int min, int max) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isIntegralNumber()) {
            problem(key, "must be a whole number (got '" + value.asText() + "')");
            return fallback;
        }
        int parsed = value.asInt();
        if (parsed < min || parsed > max) {
            problem(key, "must be between " + min + " and " + max + " (got " + parsed + ")");
        }
        return parsed;
    }

    public boolean bool(String key, boolean fallback) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isBoolean()) {
            problem(key, "must be true or false (got '" + value.asText() + "')");
            return fallback;
        }
        return value.asBoolean();
    }

    /** A boolean the operator must state: some defaults differ between Magnum's docs and its API. */
    public boolean requiredBool(String key) {
        if (!has(key)) {
            problem(key, "missing, set it explicitly to true or false");
            return false;
        }
        return bool(key, false);
    }

    /** A Kubernetes resource quantity of the given kind, refused as Kubernetes or evident intent would. */
    public Optional<String> quantity(String key, QuantityKind kind) {
        Optional<String> value = string(key);
        value.flatMap(kind::problem).ifPresent(problem -> problem(key, problem));
        return value;
    }

    public YamlObject object(String key) {
        JsonNode value = node.get(key);
        if (value != null && !value.isNull() && !value.isObject()) {
            problem(key, "must be a mapping of keys to values");
            return new YamlObject(file, keyPath(key), MissingNode.getInstance(), problems);
        }
        return new YamlObject(file, keyPath(key), value, problems);
    }

    public List<String> stringList(String key) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            problem(key, "must be a list");
            return List.of();
        }
        List<String> items = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (!item.isValueNode()) {
                problem(key + "[" + i + "]", "must be a single value");
                continue;
            }
            items.add(item.asText().trim());
        }
        return items;
    }

    /** A flat mapping of strings, e.g. extra Magnum labels. */
    public Map<String, String> stringMap(String key) {
        YamlObject map = object(key);
        Map<String, String> result = new LinkedHashMap<>();
        for (Iterator<String> names = map.node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            map.string(name).ifPresent(v -> result.put(name, v));
        }
        return result;
    }
}
