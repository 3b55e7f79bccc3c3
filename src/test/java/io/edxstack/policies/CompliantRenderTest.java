package io.edxstack.policies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The fixtures the rule tests break one thing at a time must pass every rule as they are. */
class CompliantRenderTest {

    @Test
    void policySet_compliantPrimaryAndDr_haveNoViolations() {
        RenderFixture primary = RenderFixture.primary();
        RenderFixture dr = RenderFixture.dr();
        PolicySet policies = PolicySet.defaults();

        List<Violation> onPrimary = policies.evaluate(primary.resources(), new PolicyContext(primary.stack(),
                StackRole.ACTIVE, new PolicyContext.OtherStack(dr.stack(), dr.resources())));
        List<Violation> onDr = policies.evaluate(dr.resources(), new PolicyContext(dr.stack(),
                StackRole.STANDBY, new PolicyContext.OtherStack(primary.stack(), primary.resources())));

        assertEquals(List.of(), onPrimary);
        assertEquals(List.of(), onDr);
        assertFalse(primary.resources().isEmpty());
    }
}
