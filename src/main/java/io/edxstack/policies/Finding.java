package io.edxstack.policies;

import io.edxstack.state.ResourceState;
import java.util.Objects;

/**
 * What a rule reports before the policy set weighs it: the resource and a message naming the fix.
 * The policy set turns findings into {@link Violation}s with the configured level, minus exemptions.
 */
public record Finding(ResourceState resource, String message) {
    public Finding {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(message, "message");
    }
}
