package io.edxstack.policies.rules.wiring;

import io.edxstack.policies.Finding;
import io.edxstack.policies.Level;
import io.edxstack.policies.PolicyContext;
import io.edxstack.policies.PolicyRule;
import io.edxstack.policies.RuleParameters;
import io.edxstack.policies.kube.KubeObject;
import io.edxstack.policies.kube.StateView;
import io.edxstack.policies.kube.Values;
import io.edxstack.state.ResourceState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every Ingress backend names a Service of its namespace and one of that Service's ports. */
public final class IngressBackendRule implements PolicyRule {

    @Override
    public String id() {
        return "ingress-backend-exists";
    }

    @Override
    public Level defaultLevel() {
        return Level.MANDATORY;
    }

    @Override
    public String summary() {
        return "Every Ingress backend routes to an existing Service and one of its ports";
    }

    @Override
    public List<Finding> check(StateView state, PolicyContext context, RuleParameters parameters) {
        List<Finding> findings = new ArrayList<>();
        state.ofKind("Ingress").forEach(ingress -> {
            List<Map<String, Object>> backends = new ArrayList<>();
            Map<String, Object> defaultBackend = Values.map(ingress.inputs(), "spec.defaultBackend");
            if (!defaultBackend.isEmpty()) {
                backends.add(defaultBackend);
            }
            for (Map<String, Object> rule : Values.maps(ingress.inputs(), "spec.rules")) {
                for (Map<String, Object> path : Values.maps(rule, "http.paths")) {
                    backends.add(Values.map(path, "backend"));
                }
            }
            for (Map<String, Object> backend : backends) {
                problem(state, ingress, backend).ifPresent(problem ->
                        findings.add(new Finding(ingress, KubeObject.describe(ingress) + " " + problem)));
            }
        });
        return findings;
    }

    private static Optional<String> problem(StateView state, ResourceState ingress, Map<String, Object> backend) {
        String serviceName = Values.string(backend, "service.name");
        if (serviceName == null) {
            // Resource backends (spec.backend.resource) point at custom objects: nothing here to check.
            return Optional.empty();
        }
        String namespace = KubeObject.namespace(ingress);
        Optional<ResourceState> service = state.find("Service", namespace, serviceName);
        if (service.isEmpty()) {
            return Optional.of("routes to Service '" + serviceName + "', which does not exist in namespace '"
                    + namespace + "'; fix the backend's service.name or add the Service");
        }
        String portName = Values.string(backend, "service.port.name");
        Double portNumber = Values.number(backend, "service.port.number");
        boolean portExists = Values.maps(service.get().inputs(), "spec.ports").stream().anyMatch(port ->
                (portName != null && portName.equals(Values.string(port, "name")))
                        || (portNumber != null && portNumber.equals(Values.number(port, "port"))));
        if (!portExists) {
            String wanted = portName != null ? "'" + portName + "'" : String.valueOf(portNumber);
            return Optional.of("routes to port " + wanted + " of Service '" + serviceName
                    + "', which has no such port; use one of the Service's spec.ports (name or port)");
        }
        return Optional.empty();
    }
}
