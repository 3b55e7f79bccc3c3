package io.edxstack.review.change;

import java.util.Locale;
import java.util.Objects;

/**
 * One changed property of a resource.
 *
 * @param path     the property path, e.g. {@code spec.template.spec.containers[0].image}
 * @param kind     added, updated or deleted
 * @param oldValue the value before (null when added or unknown)
 * @param newValue the value after (null when deleted or unknown)
 * @param replaces whether this change forces the resource's replacement
 */
public record PropertyChange(String path, Kind kind, Object oldValue, Object newValue, boolean replaces) {

    /** How the property changes. */
    public enum Kind {
        ADD,
        UPDATE,
        DELETE;

        /** Reads {@code add}, {@code update}, {@code delete} and Pulumi's {@code *-replace} variants. */
        public static Kind parse(String text) {
            String base = text.endsWith("-replace") ? text.substring(0, text.length() - "-replace".length()) : text;
            return valueOf(base.toUpperCase(Locale.ROOT));
        }
    }

    public PropertyChange {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
    }

    public PropertyChange asReplacing() {
        return new PropertyChange(path, kind, oldValue, newValue, true);
    }
}
