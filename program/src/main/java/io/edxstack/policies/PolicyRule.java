package io.edxstack.policies;

import io.edxstack.policies.kube.StateView;
import java.util.List;
import java.util.Set;

/** One rule of the policy set. Rules only read the state; they never build or change resources. */
public interface PolicyRule {

    /** The id an operator writes in the policy-set file, e.g. {@code workload-non-root}. */
    String id();

    /** The level when the policy-set file does not name the rule. */
    Level defaultLevel();

    /** One line for the rules table: what the rule demands. */
    String summary();

    /**
     * Whether the rule guards security: when such a rule cannot see a value it needs (a secret or an
     * unknown), its "cannot evaluate" finding is mandatory whatever level the policy set gives the rule.
     */
    default boolean guardsSecurity() {
        return false;
    }

    /** Parameter names the rule accepts in the policy-set file; others are an error. */
    default Set<String> parameterNames() {
        return Set.of();
    }

    List<Finding> check(StateView state, PolicyContext context, RuleParameters parameters);
}
