package io.edxstack.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.edxstack.state.ResourceState;

import java.util.HashMap;
import java.util.Map;

/** The render for people: one block per resource, inputs as YAML, parents and providers by name. */
public final class DesiredStateText {
    private static final YAMLMapper YAML = io.edxstack.reading.Mappers.yaml()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private DesiredStateText() {
    }

    public static String write(DesiredState state) {
        Map<String, ResourceState> byUrn = new HashMap<>();
        state.resources().forEach(r -> byUrn.put(r.state().urn(), r.state()));
        StringBuilder out = new StringBuilder();
        out.append("# edxstack desired state of stack ").append(state.stack())
                .append(" (role ").append(state.role()).append("): ")
                .append(state.resources().size()).append(" resources\n")
                .append("# Secrets show as ").append(ResourceState.SECRET).append("; values known only after deployment as ")
                .append(StructValues.UNKNOWN).append(".\n");
        for (RenderedResource resource : state.resources()) {
            ResourceState s = resource.state();
            out.append('\n').append(s.type()).append("  ").append(s.name()).append('\n');
            if (s.parent() != null) {
                out.append("  parent:   ").append(describe(byUrn.get(s.parent()), s.parent())).append('\n');
            }
            if (s.provider() != null) {
                String providerUrn = s.provider().substring(0, s.provider().lastIndexOf("::"));
                out.append("  provider: ").append(describe(byUrn.get(providerUrn), providerUrn)).append('\n');
            }
            if (s.protect()) {
                out.append("  protect:  true\n");
            }
            if (!resource.version().isEmpty()) {
                out.append("  plugin:   ").append(resource.version()).append('\n');
            }
            if (!s.inputs().isEmpty()) {
                out.append("  inputs:\n").append(indent(yaml(s.inputs()), "    "));
            }
        }
        out.append("\noutputs:\n").append(indent(yaml(state.outputs()), "  "));
        return out.toString();
    }

    private static String describe(ResourceState resource, String urn) {
        return resource == null ? urn : resource.name() + " (" + resource.type() + ")";
    }

    private static String yaml(Object value) {
        try {
            return YAML.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the render as text", e);
        }
    }

    private static String indent(String text, String prefix) {
        StringBuilder out = new StringBuilder();
        text.lines().forEach(line -> out.append(prefix).append(line).append('\n'));
        return out.toString();
    }
}
