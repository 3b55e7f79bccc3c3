package io.edxstack.review;

import io.edxstack.policies.PolicyContext;
import io.edxstack.policies.PolicySet;
import java.util.ArrayList;
import java.util.List;

/** Checks each stack's desired state, giving the cross-stack rules the other stack of the pair. */
public final class PolicyRun {

    private PolicyRun() {
    }

    public static List<StackViolation> evaluate(PolicySet policySet, List<StackResources> stacks) {
        List<StackViolation> violations = new ArrayList<>();
        for (StackResources stack : stacks) {
            List<StackResources> others = stacks.stream().filter(other -> !other.stack().equals(stack.stack())).toList();
            // The pair rule compares with exactly one other stack; with more, which one is the peer is unclear.
            PolicyContext.OtherStack other = others.size() == 1
                    ? new PolicyContext.OtherStack(others.get(0).stack(), others.get(0).resources()) : null;
            policySet.evaluate(stack.resources(), new PolicyContext(stack.stack(), stack.role(), other))
                    .forEach(violation -> violations.add(new StackViolation(stack.stack(), violation)));
        }
        return violations;
    }
}
