package io.edxstack.policies;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the program renders for this repository's two stacks passes the committed policy set, so every rule
 * test breaks exactly one thing of a compliant render.
 */
class CompliantRenderTest {

    private static List<Violation> evaluate(PolicySet policies, RealRender stack, StackRole role, RealRender other) {
        return policies.evaluate(stack.resources(), new PolicyContext(stack.stack(), role,
                new PolicyContext.OtherStack(other.stack(), other.resources())));
    }

    @Test
    void committedPolicySet_renderedPrimaryAndDr_haveNoViolations() {
        PolicySet committed = PolicySetLoader.load(Path.of("policies/policy-set.yaml"));
        RealRender primary = RealRender.primary();
        RealRender dr = RealRender.dr();

        assertEquals(List.of(), evaluate(committed, primary, StackRole.ACTIVE, dr));
        assertEquals(List.of(), evaluate(committed, dr, StackRole.STANDBY, primary));
    }

    @Test
    void defaultPolicySet_renderedStacks_flagOnlyTheCertManagerReleasesTheCommittedSetExempts() {
        RealRender primary = RealRender.primary();
        RealRender dr = RealRender.dr();

        List<String> found = new java.util.ArrayList<>();
        evaluate(PolicySet.defaults(), primary, StackRole.ACTIVE, dr).forEach(v -> found.add(v.ruleId() + " " + v.name()));
        evaluate(PolicySet.defaults(), dr, StackRole.STANDBY, primary).forEach(v -> found.add(v.ruleId() + " " + v.name()));

        assertEquals(List.of("unreviewable-resource prod-primary-cert-manager", "unreviewable-resource prod-dr-cert-manager"),
                found);
    }
}
