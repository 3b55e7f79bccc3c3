package io.edxstack.policies.rules.workload;

import io.edxstack.policies.Level;
import io.edxstack.policies.RuleParameters;
import io.edxstack.policies.kube.Container;
import io.edxstack.policies.kube.Values;
import io.edxstack.policies.kube.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Requests let the scheduler place pods; limits keep one platform from starving the others. */
public final class ResourceLimitsRule extends ContainerRule {

    private static final List<String> REQUIRED = List.of(
            "requests.cpu", "requests.memory", "limits.cpu", "limits.memory");

    @Override
    public String id() {
        return "workload-resources";
    }

    @Override
    public Level defaultLevel() {
        return Level.MANDATORY;
    }

    @Override
    public String summary() {
        return "Every container sets CPU and memory requests and limits";
    }

    @Override
    List<String> containerFields() {
        return List.of("resources");
    }

    @Override
    Optional<String> problem(Workload workload, Container container, RuleParameters parameters) {
        List<String> missing = new ArrayList<>();
        for (String field : REQUIRED) {
            if (Values.at(container.spec(), "resources." + field) == null) {
                missing.add("resources." + field);
            }
        }
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("sets no " + String.join(", ", missing) + "; set them from the platform's sizing");
    }
}
