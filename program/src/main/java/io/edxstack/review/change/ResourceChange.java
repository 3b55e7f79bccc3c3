package io.edxstack.review.change;

import io.edxstack.state.ResourceState;
import java.util.List;
import java.util.Objects;

/**
 * One resource's change in a stack.
 *
 * @param urn            the resource's URN
 * @param type           its type token
 * @param name           its logical name
 * @param op             what happens to it
 * @param oldState       the state before (preview {@code oldState}); null for creates and in a desired diff
 *                       that carries none
 * @param newState       the state after (preview {@code newState} or the change's render); null for deletes
 * @param properties     the changed properties
 * @param replaceReasons the properties that force a replacement
 * @param stateful       whether the resource holds data a replace or delete would lose
 */
public record ResourceChange(String urn, String type, String name, ChangeOp op, ResourceState oldState,
                             ResourceState newState, List<PropertyChange> properties, List<String> replaceReasons,
                             boolean stateful) {

    public ResourceChange {
        Objects.requireNonNull(urn, "urn");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(op, "op");
        properties = List.copyOf(properties);
        replaceReasons = List.copyOf(replaceReasons);
    }

    /** The best state to read labels and parent from: the new one, else the old one. */
    public ResourceState latestState() {
        return newState != null ? newState : oldState;
    }

    public ResourceChange withNewState(ResourceState state) {
        return new ResourceChange(urn, type, name, op, oldState, state, properties, replaceReasons, stateful);
    }
}
