package io.edxstack.policies.kube;

import io.edxstack.state.ResourceState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Typed reads of the JSON-like input trees (maps, lists, strings, numbers, booleans), and the values a
 * policy cannot see: secrets and values not known until the engine creates something.
 */
public final class Values {

    /** How render writes a value not known before deployment. */
    public static final String UNKNOWN = "[unknown]";
    /** How {@code pulumi preview --json} writes a value not known before deployment (the engine's placeholder). */
    public static final String ENGINE_UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
    /** The key that marks a serialized secret object in Pulumi state and events. */
    private static final String SECRET_SIGNATURE_KEY = "4dabf18193072939515e22adb298388d";

    private Values() {
    }

    /** Whether a value hides what it is: a secret ({@value ResourceState#SECRET}) or unknown before deployment. */
    public static boolean isHidden(Object value) {
        if (value instanceof String text) {
            return text.equals(ResourceState.SECRET) || text.equals(UNKNOWN) || text.equals(ENGINE_UNKNOWN);
        }
        return value instanceof Map<?, ?> map && map.containsKey(SECRET_SIGNATURE_KEY);
    }

    /** Whether a value is a secret, as opposed to merely unknown. */
    public static boolean isSecret(Object value) {
        return ResourceState.SECRET.equals(value)
                || value instanceof Map<?, ?> map && map.containsKey(SECRET_SIGNATURE_KEY);
    }

    /**
     * Where a hidden value stands on a dotted path below {@code root}, or anywhere inside the value the path
     * ends at, written from {@code root} (e.g. {@code securityContext.capabilities.add[0]}); empty when all
     * of it can be seen. An absent step is not hidden: it is simply absent.
     */
    public static Optional<String> hiddenOn(Object root, String dottedPath) {
        Optional<String> along = hiddenAlong(root, dottedPath);
        return along.isPresent() ? along : hiddenInside(at(root, dottedPath), dottedPath);
    }

    /**
     * Where a hidden value stands on a dotted path below {@code root}, the value it ends at included but not
     * what that value holds: {@code spec.template} for a template that is a secret, {@code (root)} when the
     * root itself is hidden.
     */
    public static Optional<String> hiddenAlong(Object root, String dottedPath) {
        if (isHidden(root)) {
            return Optional.of("(root)");
        }
        Object current = root;
        StringBuilder walked = new StringBuilder();
        for (String key : dottedPath.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return Optional.empty();
            }
            walked.append(walked.length() == 0 ? "" : ".").append(key);
            current = map.get(key);
            if (isHidden(current)) {
                return Optional.of(walked.toString());
            }
        }
        return Optional.empty();
    }

    /** The first hidden value anywhere inside {@code value}, as a path below {@code path}. */
    public static Optional<String> hiddenInside(Object value, String path) {
        if (isHidden(value)) {
            return Optional.of(path);
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                Optional<String> found = hiddenInside(entry.getValue(), path + "." + entry.getKey());
                if (found.isPresent()) {
                    return found;
                }
            }
        } else if (value instanceof List<?> list) {
            for (int index = 0; index < list.size(); index++) {
                Optional<String> found = hiddenInside(list.get(index), path + "[" + index + "]");
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /** The map at a dotted path below {@code root}, or an empty map. */
    public static Map<String, Object> map(Object root, String dottedPath) {
        return asMap(at(root, dottedPath));
    }

    public static List<Object> list(Object root, String dottedPath) {
        return asList(at(root, dottedPath));
    }

    public static String string(Object root, String dottedPath) {
        Object value = at(root, dottedPath);
        return value == null ? null : String.valueOf(value);
    }

    public static boolean isTrue(Object root, String dottedPath) {
        Object value = at(root, dottedPath);
        return Boolean.TRUE.equals(value) || "true".equals(value);
    }

    /** The value at a dotted path of map keys; null when any step is absent or not a map. */
    public static Object at(Object root, String dottedPath) {
        Object current = root;
        for (String key : dottedPath.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> asMap(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    @SuppressWarnings("unchecked")
    public static List<Object> asList(Object value) {
        return value instanceof List<?> list ? (List<Object>) list : List.of();
    }

    /** The list's elements that are maps. */
    public static List<Map<String, Object>> maps(Object root, String dottedPath) {
        List<Map<String, Object>> maps = new ArrayList<>();
        for (Object element : list(root, dottedPath)) {
            if (element instanceof Map<?, ?>) {
                maps.add(asMap(element));
            }
        }
        return maps;
    }

    /** A map of string values, e.g. labels or a selector's matchLabels. */
    public static Map<String, String> strings(Object root, String dottedPath) {
        Map<String, String> strings = new LinkedHashMap<>();
        map(root, dottedPath).forEach((key, value) -> strings.put(key, String.valueOf(value)));
        return strings;
    }

    /** A comma-separated label or annotation value as a list of trimmed, non-empty items. */
    public static List<String> commaList(String value) {
        if (value == null) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::trim).filter(item -> !item.isEmpty()).toList();
    }

    /** A number input (JSON numbers arrive as Integer, Long or Double; strings are accepted too). */
    public static Double number(Object root, String dottedPath) {
        Object value = at(root, dottedPath);
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        if (value instanceof String text) {
            try {
                return Double.valueOf(text);
            } catch (NumberFormatException notANumber) {
                return null;
            }
        }
        return null;
    }
}
