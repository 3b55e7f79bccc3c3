package io.edxstack.policies.kube;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Typed reads of the JSON-like input trees (maps, lists, strings, numbers, booleans). */
public final class Values {

    private Values() {
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
