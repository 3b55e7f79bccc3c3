package io.edxstack.review;

import io.edxstack.policies.Violation;
import java.util.Objects;

/** A violation and the stack it was found on. */
public record StackViolation(String stack, Violation violation) {
    public StackViolation {
        Objects.requireNonNull(stack, "stack");
        Objects.requireNonNull(violation, "violation");
    }
}
