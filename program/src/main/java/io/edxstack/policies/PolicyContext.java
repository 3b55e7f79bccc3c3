package io.edxstack.policies;

import io.edxstack.state.ResourceState;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a rule may know beyond the resources it checks.
 *
 * @param stack      the stack being checked, e.g. {@code prod-primary}
 * @param role       the stack's role
 * @param otherStack the other stack of the pair, when its desired state is at hand (cross-stack rules
 *                   skip silently without it)
 */
public record PolicyContext(String stack, StackRole role, OtherStack otherStack) {

    /** The other stack's name and desired state. */
    public record OtherStack(String stack, List<ResourceState> resources) {
        public OtherStack {
            Objects.requireNonNull(stack, "stack");
            resources = List.copyOf(resources);
        }
    }

    public PolicyContext {
        Objects.requireNonNull(stack, "stack");
        Objects.requireNonNull(role, "role");
    }

    public static PolicyContext of(String stack, StackRole role) {
        return new PolicyContext(stack, role, null);
    }

    public Optional<OtherStack> other() {
        return Optional.ofNullable(otherStack);
    }
}
