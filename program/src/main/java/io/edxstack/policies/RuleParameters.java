package io.edxstack.policies;

import java.util.List;
import java.util.Map;

/** A rule's parameters from the policy-set file, already checked against the rule's parameter names. */
public record RuleParameters(Map<String, Object> values) {

    public static final RuleParameters NONE = new RuleParameters(Map.of());

    public RuleParameters {
        values = Map.copyOf(values);
    }

    /** A list of strings, or the default when the file does not set it. */
    public List<String> strings(String name, List<String> defaultValue) {
        Object value = values.get(name);
        if (value == null) {
            return defaultValue;
        }
        return ((List<?>) value).stream().map(String::valueOf).toList();
    }
}
