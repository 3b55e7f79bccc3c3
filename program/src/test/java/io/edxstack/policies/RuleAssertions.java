package io.edxstack.policies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edxstack.state.ResourceState;
import java.util.List;

/** Runs the default policy set and picks one rule's violations. */
final class RuleAssertions {

    private RuleAssertions() {
    }

    static List<Violation> violations(String ruleId, List<ResourceState> resources, PolicyContext context) {
        return PolicySet.defaults().evaluate(resources, context).stream()
                .filter(violation -> violation.ruleId().equals(ruleId))
                .toList();
    }

    static List<Violation> violations(String ruleId, RealRender render) {
        return violations(ruleId, render.resources(), render.context());
    }

    /** Exactly one violation, of this rule and level, on this resource, whose message holds the fix. */
    static Violation assertSingle(List<Violation> violations, String ruleId, Level level, String resourceName,
                                  String fixWording) {
        assertEquals(1, violations.size(), () -> "expected one violation, got " + violations);
        Violation violation = violations.get(0);
        assertEquals(ruleId, violation.ruleId());
        assertEquals(level, violation.level());
        assertEquals(resourceName, violation.name());
        assertTrue(violation.message().contains(fixWording),
                () -> "message should name the fix '" + fixWording + "': " + violation.message());
        return violation;
    }
}
