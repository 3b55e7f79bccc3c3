package io.edxstack.program;

import io.edxstack.policies.PolicyContext;
import io.edxstack.policies.PolicySet;
import io.edxstack.policies.PolicySetLoader;
import io.edxstack.policies.StackRole;
import io.edxstack.policies.Violation;
import io.edxstack.render.DesiredState;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The mandatory policies, enforced by the program itself on its own desired state before the engine is
 * handed a single resource: a {@code pulumi preview} or {@code pulumi up} run by hand cannot skip them.
 */
public final class PolicyGate {
    public static final String POLICY_SET = "policies/policy-set.yaml";

    private PolicyGate() {
    }

    /** Every violation of the project's policy set on the desired state, mandatory ones first. */
    public static List<Violation> evaluate(Path projectDir, DesiredState state) {
        Path file = projectDir.resolve(POLICY_SET);
        // Without the reviewed file every rule still runs, at its default level.
        PolicySet policies = Files.isRegularFile(file) ? PolicySetLoader.load(file) : PolicySet.defaults();
        return policies.evaluate(state.states(), PolicyContext.of(state.stack(), StackRole.parse(state.role())));
    }

    /** Throws on any mandatory violation; returns the advisory ones for the operator to see. */
    public static List<Violation> enforce(Path projectDir, DesiredState state) {
        List<Violation> violations = evaluate(projectDir, state);
        List<Violation> mandatory = violations.stream().filter(Violation::isMandatory).toList();
        if (!mandatory.isEmpty()) {
            throw new PolicyViolationException(state.stack(), mandatory);
        }
        return violations;
    }
}
