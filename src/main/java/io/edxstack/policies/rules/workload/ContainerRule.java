package io.edxstack.policies.rules.workload;

import io.edxstack.policies.Finding;
import io.edxstack.policies.PolicyContext;
import io.edxstack.policies.PolicyRule;
import io.edxstack.policies.RuleParameters;
import io.edxstack.policies.kube.Container;
import io.edxstack.policies.kube.StateView;
import io.edxstack.policies.kube.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A rule checked container by container on every workload's pod template, init containers included. */
abstract class ContainerRule implements PolicyRule {

    @Override
    public final List<Finding> check(StateView state, PolicyContext context, RuleParameters parameters) {
        List<Finding> findings = new ArrayList<>();
        state.workloads().forEach(workload -> {
            for (Container container : workload.containers()) {
                problem(workload, container, parameters).ifPresent(problem -> findings.add(new Finding(
                        workload.resource(),
                        workload.describe() + ", container '" + container.name() + "': " + problem)));
            }
        });
        return findings;
    }

    /** What is wrong with this container and how to fix it, or empty when it complies. */
    abstract Optional<String> problem(Workload workload, Container container, RuleParameters parameters);
}
