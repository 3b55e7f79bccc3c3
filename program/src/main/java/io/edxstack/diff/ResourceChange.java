package io.edxstack.diff;

import java.util.List;

/**
 * One resource that differs between two renders.
 *
 * @param stateful   the resource holds data (or its cluster depends on it): a reviewer must look twice
 * @param properties the changed inputs; empty for create and delete
 */
public record ResourceChange(String urn, String type, String name, Op op, boolean stateful,
                             List<PropertyChange> properties) {
    public enum Op { create, update, delete }

    public ResourceChange {
        properties = List.copyOf(properties);
    }
}
