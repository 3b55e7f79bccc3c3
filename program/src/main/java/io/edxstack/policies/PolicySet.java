package io.edxstack.policies;

import io.edxstack.policies.kube.StateView;
import io.edxstack.state.ResourceState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** The rules in force, each with its level, parameters and reviewed exemptions. */
public final class PolicySet {

    /** One rule as the policy set configures it. */
    public record ConfiguredRule(PolicyRule rule, Level level, RuleParameters parameters, List<Exemption> exemptions) {
        public ConfiguredRule {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(level, "level");
            Objects.requireNonNull(parameters, "parameters");
            exemptions = List.copyOf(exemptions);
        }
    }

    private final List<ConfiguredRule> rules;

    public PolicySet(List<ConfiguredRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** Every rule of the catalogue at its default level, without parameters or exemptions. */
    public static PolicySet defaults() {
        return new PolicySet(RuleCatalog.all().stream()
                .map(rule -> new ConfiguredRule(rule, rule.defaultLevel(), RuleParameters.NONE, List.of()))
                .toList());
    }

    public List<ConfiguredRule> rules() {
        return rules;
    }

    /**
     * Checks one stack's desired state (a render, or the {@code newState} of every preview step that
     * keeps the resource). Mandatory violations come first.
     */
    public List<Violation> evaluate(List<ResourceState> resources, PolicyContext context) {
        StateView state = new StateView(resources);
        List<Violation> violations = new ArrayList<>();
        for (ConfiguredRule configured : rules) {
            if (configured.level() == Level.DISABLED) {
                continue;
            }
            for (Finding finding : configured.rule().check(state, context, configured.parameters())) {
                boolean exempt = configured.exemptions().stream().anyMatch(e -> e.covers(finding.resource()));
                if (!exempt) {
                    // Not seeing a value a security rule needs is treated as the worst that value could be.
                    Level level = finding.cannotEvaluate() && configured.rule().guardsSecurity()
                            ? Level.MANDATORY : configured.level();
                    violations.add(new Violation(configured.rule().id(), level,
                            finding.resource().urn(), finding.resource().name(), finding.message()));
                }
            }
        }
        violations.sort(Comparator.comparing(Violation::level));
        return violations;
    }
}
