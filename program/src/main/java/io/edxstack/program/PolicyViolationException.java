package io.edxstack.program;

import io.edxstack.policies.Violation;

import java.util.List;
import java.util.stream.Collectors;

/** The desired state breaks a mandatory policy: nothing is handed to the engine. */
public final class PolicyViolationException extends RuntimeException {
    private final transient List<Violation> violations;

    public PolicyViolationException(String stack, List<Violation> violations) {
        super(violations.size() + " mandatory policy violation" + (violations.size() == 1 ? "" : "s") + " in stack "
                + stack + ", nothing was changed:\n" + violations.stream()
                .map(v -> "  - " + v.ruleId() + ": " + v.name() + ": " + v.message())
                .collect(Collectors.joining("\n")));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
