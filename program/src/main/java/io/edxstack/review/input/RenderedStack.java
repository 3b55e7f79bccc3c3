package io.edxstack.review.input;

import io.edxstack.policies.StackRole;
import io.edxstack.state.ResourceState;
import java.util.List;

/**
 * A stack's desired state as {@code edxstack render --format json} writes it.
 *
 * @param stack     the stack name
 * @param role      the stack's role
 * @param resources every resource the program registers
 */
public record RenderedStack(String stack, StackRole role, List<ResourceState> resources) {
    public RenderedStack {
        resources = List.copyOf(resources);
    }
}
