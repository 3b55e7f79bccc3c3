package io.edxstack.tutorenv;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;

/**
 * What Tutor renders one platform from: its Tutor config (secrets only as {@code @@NAME@@} placeholders), the
 * Tutor plugins enabled on it and edxstack's own patches (Tutor's {@code ENV_PATCHES}, by patch name).
 */
public record TutorRequest(String name, ObjectNode config, List<String> plugins, Map<String, List<String>> patches) {
    public TutorRequest {
        config = config.deepCopy();
        plugins = List.copyOf(plugins);
        patches = Map.copyOf(patches);
    }
}
