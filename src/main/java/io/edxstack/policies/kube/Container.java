package io.edxstack.policies.kube;

import java.util.Map;

/**
 * One container of a pod template.
 *
 * @param name   the container's name
 * @param init   whether it is an init container (these run to completion: no probes expected)
 * @param spec   the container's inputs
 * @param path   where it sits in the resource's inputs, for messages
 */
public record Container(String name, boolean init, Map<String, Object> spec, String path) {

    public Map<String, Object> securityContext() {
        return Values.map(spec, "securityContext");
    }

    public String image() {
        return Values.string(spec, "image");
    }
}
