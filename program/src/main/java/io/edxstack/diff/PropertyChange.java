package io.edxstack.diff;

/**
 * One changed input of a resource.
 *
 * @param path dotted path into the inputs, list items as {@code [i]}: {@code spec.template.spec.containers[0].image}
 * @param kind add, update or delete
 */
public record PropertyChange(String path, Kind kind, Object oldValue, Object newValue) {
    public enum Kind { add, update, delete }
}
