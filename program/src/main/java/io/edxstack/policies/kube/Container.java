package io.edxstack.policies.kube;

import java.util.Map;

/**
 * One container of a pod template.
 *
 * @param name   the container's name
 * @param kind   init, main or ephemeral (a debugging container added to a running pod)
 * @param spec   the container's inputs
 * @param path   where it sits in the resource's inputs, for messages
 */
public record Container(String name, Kind kind, Map<String, Object> spec, String path) {

    /** The pod-spec lists containers come from, in the order rules visit them. */
    public enum Kind {
        INIT("initContainers"),
        MAIN("containers"),
        EPHEMERAL("ephemeralContainers");

        private final String field;

        Kind(String field) {
            this.field = field;
        }

        /** The pod-spec field that lists containers of this kind. */
        public String field() {
            return field;
        }
    }

    /** Init containers run to completion before the others: no probes, no Service traffic. */
    public boolean init() {
        return kind == Kind.INIT;
    }

    /** Main containers serve; only they take probes and Service traffic. */
    public boolean main() {
        return kind == Kind.MAIN;
    }

    /**
     * Whether a port a probe or Service targets is declared here: a name matches a port's {@code name}, a number
     * its {@code containerPort}, TCP ports only (probes and these Services speak TCP).
     */
    public boolean declaresPort(Object target) {
        return Values.maps(spec, "ports").stream()
                .filter(port -> port.get("protocol") == null || "TCP".equals(port.get("protocol")))
                .anyMatch(port -> target instanceof Number number
                        ? Double.valueOf(number.doubleValue()).equals(Values.number(port, "containerPort"))
                        : String.valueOf(target).equals(Values.string(port, "name")));
    }

    public Map<String, Object> securityContext() {
        return Values.map(spec, "securityContext");
    }

    public String image() {
        return Values.string(spec, "image");
    }
}
