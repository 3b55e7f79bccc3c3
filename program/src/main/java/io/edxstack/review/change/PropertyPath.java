package io.edxstack.review.change;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Pulumi property paths as {@code detailedDiff} and the desired diff write them:
 * {@code spec.containers[0].image}, {@code metadata.labels["app.kubernetes.io/name"]}.
 */
public final class PropertyPath {

    private PropertyPath() {
    }

    /** The path's steps: map keys as strings, list indexes as integers. */
    public static List<Object> parse(String path) {
        List<Object> steps = new ArrayList<>();
        StringBuilder key = new StringBuilder();
        int index = 0;
        while (index < path.length()) {
            char current = path.charAt(index);
            if (current == '.') {
                flush(key, steps);
                index++;
            } else if (current == '[') {
                flush(key, steps);
                int close = path.indexOf(']', index);
                if (close < 0) {
                    throw new IllegalArgumentException("unclosed '[' in property path " + path);
                }
                String inside = path.substring(index + 1, close);
                steps.add(inside.startsWith("\"") ? unquote(inside) : (Object) Integer.valueOf(inside));
                index = close + 1;
            } else {
                key.append(current);
                index++;
            }
        }
        flush(key, steps);
        return steps;
    }

    /** The value at a path below {@code root}, or null when any step is absent. */
    public static Object lookup(Object root, String path) {
        Object current = root;
        for (Object step : parse(path)) {
            if (step instanceof Integer position && current instanceof List<?> list) {
                current = position < list.size() ? list.get(position) : null;
            } else if (step instanceof String key && current instanceof Map<?, ?> map) {
                current = map.get(key);
            } else {
                return null;
            }
        }
        return current;
    }

    /** The last map key of a path ({@code image} for {@code containers[0].image}), or empty. */
    public static String lastKey(String path) {
        List<Object> steps = parse(path);
        for (int position = steps.size() - 1; position >= 0; position--) {
            if (steps.get(position) instanceof String key) {
                return key;
            }
        }
        return "";
    }

    private static String unquote(String quoted) {
        return quoted.substring(1, quoted.length() - 1).replace("\\\"", "\"");
    }

    private static void flush(StringBuilder key, List<Object> steps) {
        if (!key.isEmpty()) {
            steps.add(key.toString());
            key.setLength(0);
        }
    }
}
