package io.edxstack.policies.rules.workload;

import io.edxstack.policies.Level;
import io.edxstack.policies.RuleParameters;
import io.edxstack.policies.kube.Container;
import io.edxstack.policies.kube.Values;
import io.edxstack.policies.kube.Workload;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Dropping ALL is undone by what is added back: SYS_ADMIN or NET_ADMIN on a shared node reach other tenants.
 * As in Pod Security "restricted", only NET_BIND_SERVICE may be added unless the policy set allows more.
 */
public final class NoAddedCapabilitiesRule extends ContainerRule {

    public static final String ALLOWED_CAPABILITIES = "allowedCapabilities";
    static final List<String> DEFAULT_ALLOWED = List.of("NET_BIND_SERVICE");

    @Override
    public String id() {
        return "workload-no-added-capabilities";
    }

    @Override
    public Level defaultLevel() {
        return Level.MANDATORY;
    }

    @Override
    public String summary() {
        return "No container adds a Linux capability other than the allowed ones (default NET_BIND_SERVICE)";
    }

    @Override
    public boolean guardsSecurity() {
        return true;
    }

    @Override
    public Set<String> parameterNames() {
        return Set.of(ALLOWED_CAPABILITIES);
    }

    @Override
    List<String> containerFields() {
        return List.of("securityContext.capabilities.add");
    }

    @Override
    Optional<String> problem(Workload workload, Container container, RuleParameters parameters) {
        Set<String> allowed = Set.copyOf(parameters.strings(ALLOWED_CAPABILITIES, DEFAULT_ALLOWED).stream()
                .map(NoAddedCapabilitiesRule::canonical).toList());
        List<String> added = Values.list(container.securityContext(), "capabilities.add").stream()
                .map(String::valueOf)
                .filter(capability -> !allowed.contains(canonical(capability)))
                .toList();
        if (added.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("adds capabilities " + added + "; remove them from securityContext.capabilities.add"
                + " (allowed: " + allowed.stream().sorted().toList() + ", see " + id() + ".parameters."
                + ALLOWED_CAPABILITIES + " in the policy set)");
    }

    /** Kubernetes accepts {@code net_bind_service} and {@code CAP_NET_BIND_SERVICE} alike. */
    private static String canonical(String capability) {
        String upper = capability.toUpperCase(Locale.ROOT);
        return upper.startsWith("CAP_") ? upper.substring(4) : upper;
    }
}
