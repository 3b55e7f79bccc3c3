package io.edxstack.state;

import java.util.Map;
import java.util.Objects;

/**
 * One resource as the desired state knows it: what {@code render} writes and what a step of
 * {@code pulumi preview --json} carries in {@code newState}/{@code oldState}. Policies, the diff and
 * the review all read this one shape, whichever source it came from.
 *
 * @param urn      the Pulumi URN
 * @param type     the resource type token, e.g. {@code kubernetes:apps/v1:Deployment}
 * @param name     the logical (Pulumi) name
 * @param parent   the parent's URN, or null for the stack's direct children
 * @param provider the provider reference ({@code <provider urn>::<id>}), or null for a default provider
 * @param protect  whether the resource is protected from deletion
 * @param inputs   the resource's inputs as JSON-like values (maps, lists, strings, numbers, booleans),
 *                 secrets already masked as {@value #SECRET}
 */
public record ResourceState(String urn, String type, String name, String parent, String provider,
                            boolean protect, Map<String, Object> inputs) {

    /** How a secret value appears in render output, as in {@code pulumi preview --json}. */
    public static final String SECRET = "[secret]";

    public ResourceState {
        Objects.requireNonNull(urn, "urn");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        inputs = inputs == null ? Map.of() : inputs;
    }

    /** True for component resources (ours are {@code edxstack:<module>:<Type>}) and the stack itself. */
    public boolean isComponent() {
        return type.startsWith("edxstack:") || type.equals("pulumi:pulumi:Stack");
    }

    /** The value at a dotted path of the inputs ({@code metadata.name}), or null when absent. */
    public Object input(String dottedPath) {
        Object current = inputs;
        for (String part : dottedPath.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(part);
        }
        return current;
    }
}
