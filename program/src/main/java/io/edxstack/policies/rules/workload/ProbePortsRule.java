package io.edxstack.policies.rules.workload;

import io.edxstack.policies.Level;
import io.edxstack.policies.RuleParameters;
import io.edxstack.policies.kube.Container;
import io.edxstack.policies.kube.Values;
import io.edxstack.policies.kube.Workload;
import java.util.ArrayList;
import java.util.List;

/**
 * A probe aimed at a port name the container does not declare fails every time: the pod never becomes ready,
 * or is restarted in a loop. A number the container does not declare may answer, but nothing documents or
 * checks it, so it is flagged as well (as kube-linter's liveness-port and readiness-port do).
 */
public final class ProbePortsRule extends ContainerRule {

    private static final List<String> PROBES = List.of("readinessProbe", "livenessProbe", "startupProbe");
    private static final List<String> PORT_FIELDS = List.of("httpGet.port", "tcpSocket.port", "grpc.port");

    @Override
    public String id() {
        return "workload-probe-ports";
    }

    @Override
    public Level defaultLevel() {
        return Level.MANDATORY;
    }

    @Override
    public String summary() {
        return "Every httpGet, tcpSocket and grpc probe targets a port its container declares";
    }

    @Override
    List<String> containerFields() {
        return List.of("ports", "readinessProbe", "livenessProbe", "startupProbe");
    }

    @Override
    List<String> problems(Workload workload, Container container, RuleParameters parameters) {
        List<String> problems = new ArrayList<>();
        if (!container.main()) {
            return problems;
        }
        for (String probe : PROBES) {
            for (String field : PORT_FIELDS) {
                Object port = Values.at(container.spec(), probe + "." + field);
                if (port != null && !container.declaresPort(port)) {
                    problems.add(probe + "." + field + " targets port " + (port instanceof String ? "'" + port + "'" : port)
                            + ", which the container does not declare; use one of its ports[].name or"
                            + " ports[].containerPort, or declare the port");
                }
            }
        }
        return problems;
    }
}
