package io.edxstack.tutorenv;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;

/**
 * What Tutor renders one platform from: its Tutor config (secrets only as {@code @@NAME@@} placeholders), the
 * Tutor plugins enabled on it, edxstack's own patches (Tutor's {@code ENV_PATCHES}, by patch name) and the text of
 * each enabled YAML plugin of the repository (by name; part of the request, so an edited plugin renders again).
 */
public record TutorRequest(String name, ObjectNode config, List<String> plugins, Map<String, List<String>> patches,
                           Map<String, String> yamlPlugins) {
    public TutorRequest {
        config = config.deepCopy();
        plugins = List.copyOf(plugins);
        patches = Map.copyOf(patches);
        yamlPlugins = Map.copyOf(yamlPlugins);
    }

    public TutorRequest(String name, ObjectNode config, List<String> plugins, Map<String, List<String>> patches) {
        this(name, config, plugins, patches, Map.of());
    }
}
