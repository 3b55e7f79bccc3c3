package io.edxstack.policies.kube;

import java.util.List;
import java.util.Map;

/** A Kubernetes label selector ({@code matchLabels} and {@code matchExpressions}). */
public record LabelSelector(Map<String, String> matchLabels, List<Map<String, Object>> matchExpressions) {

    /** Reads a selector object such as a PDB's {@code spec.selector}. */
    public static LabelSelector of(Map<String, Object> selector) {
        return new LabelSelector(Values.strings(selector, "matchLabels"), Values.maps(selector, "matchExpressions"));
    }

    /** An empty selector selects every pod; Kubernetes treats it so for PDBs and NetworkPolicies. */
    public boolean isEmpty() {
        return matchLabels.isEmpty() && matchExpressions.isEmpty();
    }

    public boolean matches(Map<String, String> labels) {
        if (!labels.entrySet().containsAll(matchLabels.entrySet())) {
            return false;
        }
        return matchExpressions.stream().allMatch(expression -> matches(expression, labels));
    }

    private static boolean matches(Map<String, Object> expression, Map<String, String> labels) {
        String key = Values.string(expression, "key");
        String operator = Values.string(expression, "operator");
        List<String> values = Values.list(expression, "values").stream().map(String::valueOf).toList();
        String value = labels.get(key);
        return switch (operator == null ? "" : operator) {
            case "In" -> value != null && values.contains(value);
            case "NotIn" -> value == null || !values.contains(value);
            case "Exists" -> value != null;
            case "DoesNotExist" -> value == null;
            default -> false;
        };
    }
}
