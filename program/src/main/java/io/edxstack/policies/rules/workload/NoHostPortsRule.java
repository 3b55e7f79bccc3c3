package io.edxstack.policies.rules.workload;

import io.edxstack.policies.Level;
import io.edxstack.policies.RuleParameters;
import io.edxstack.policies.kube.Container;
import io.edxstack.policies.kube.Values;
import io.edxstack.policies.kube.Workload;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A hostPort opens the port on the node's own address, past every NetworkPolicy and the front door, and pins
 * the pod to nodes where the port is free. Traffic comes in through Services.
 */
public final class NoHostPortsRule extends ContainerRule {

    @Override
    public String id() {
        return "workload-no-host-ports";
    }

    @Override
    public Level defaultLevel() {
        return Level.MANDATORY;
    }

    @Override
    public String summary() {
        return "No container port sets a hostPort";
    }

    @Override
    public boolean guardsSecurity() {
        return true;
    }

    @Override
    List<String> containerFields() {
        return List.of("ports");
    }

    @Override
    Optional<String> problem(Workload workload, Container container, RuleParameters parameters) {
        List<String> opened = Values.maps(container.spec(), "ports").stream()
                .filter(port -> {
                    Double hostPort = Values.number(port, "hostPort");
                    return hostPort != null && hostPort != 0;
                })
                .map(NoHostPortsRule::describe)
                .toList();
        if (opened.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("opens " + String.join(", ", opened) + " on the node; remove hostPort and reach the"
                + " container through a Service");
    }

    private static String describe(Map<String, Object> port) {
        return "hostPort " + Values.string(port, "hostPort").replaceAll("\\.0$", "")
                + " (containerPort " + Values.string(port, "containerPort") + ")";
    }
}
