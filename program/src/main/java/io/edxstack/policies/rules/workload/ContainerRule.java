package io.edxstack.policies.rules.workload;

import io.edxstack.policies.Finding;
import io.edxstack.policies.PolicyContext;
import io.edxstack.policies.PolicyRule;
import io.edxstack.policies.RuleParameters;
import io.edxstack.policies.kube.Container;
import io.edxstack.policies.kube.StateView;
import io.edxstack.policies.kube.Values;
import io.edxstack.policies.kube.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A rule checked container by container on every workload's pod template, init and ephemeral containers
 * included. A container whose fields the rule reads are a secret or unknown gets a "cannot evaluate"
 * finding instead of a judgement.
 */
abstract class ContainerRule implements PolicyRule {

    @Override
    public final List<Finding> check(StateView state, PolicyContext context, RuleParameters parameters) {
        List<Finding> findings = new ArrayList<>();
        state.workloads().forEach(workload -> {
            for (Container container : workload.containers()) {
                Optional<String> hidden = hidden(workload, container);
                if (hidden.isPresent()) {
                    findings.add(Finding.cannotEvaluate(workload.resource(), subject(workload, container), hidden.get()));
                } else {
                    for (String problem : problems(workload, container, parameters)) {
                        findings.add(new Finding(workload.resource(), subject(workload, container) + ": " + problem));
                    }
                }
            }
        });
        return findings;
    }

    /** Dotted paths below the container that the rule reads. */
    List<String> containerFields() {
        return List.of();
    }

    /** Dotted paths below the pod spec that the rule reads. */
    List<String> podFields() {
        return List.of();
    }

    /** Everything wrong with this container, each with its fix; empty when it complies. */
    List<String> problems(Workload workload, Container container, RuleParameters parameters) {
        return problem(workload, container, parameters).stream().toList();
    }

    /** What is wrong with this container and how to fix it, or empty when it complies. */
    Optional<String> problem(Workload workload, Container container, RuleParameters parameters) {
        return Optional.empty();
    }

    static String subject(Workload workload, Container container) {
        return workload.describe() + ", container '" + container.name() + "'";
    }

    /** The first field the rule reads that is a secret or unknown, as a path in the inputs; by default those listed. */
    Optional<String> hidden(Workload workload, Container container) {
        for (String field : containerFields()) {
            Optional<String> hidden = Values.hiddenOn(container.spec(), field);
            if (hidden.isPresent()) {
                return Optional.of(container.path() + "." + hidden.get());
            }
        }
        for (String field : podFields()) {
            Optional<String> hidden = Values.hiddenOn(workload.podSpec(), field);
            if (hidden.isPresent()) {
                return Optional.of(workload.podSpecPath() + "." + hidden.get());
            }
        }
        return Optional.empty();
    }

    /** A container's security-context field, else the pod's: the container's wins, as in Kubernetes. */
    static Object effective(Workload workload, Container container, String field) {
        Object own = Values.at(container.securityContext(), field);
        return own != null ? own : Values.at(workload.podSpec(), "securityContext." + field);
    }
}
