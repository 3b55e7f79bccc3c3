package io.edxstack.diff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Writes a {@link StateDiff} for people (text) or for the review maker (JSON). */
public final class StateDiffWriter {
    private static final ObjectMapper JSON = io.edxstack.reading.Mappers.json()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private StateDiffWriter() {
    }

    public static String text(StateDiff diff) {
        StringBuilder out = new StringBuilder();
        out.append(diff.stack()).append(": ")
                .append(diff.count(ResourceChange.Op.create)).append(" to create, ")
                .append(diff.count(ResourceChange.Op.update)).append(" to update, ")
                .append(diff.count(ResourceChange.Op.delete)).append(" to delete, ")
                .append(diff.unchanged()).append(" unchanged\n");
        if (diff.touchesStatefulResources()) {
            out.append("!! this change touches resources that hold data (marked [stateful]): review them first\n");
        }
        for (ResourceChange change : diff.changes()) {
            String mark = switch (change.op()) {
                case create -> "+";
                case update -> "~";
                case delete -> "-";
            };
            out.append('\n').append(mark).append(' ').append(change.op()).append("  ")
                    .append(change.type()).append("  ").append(change.name())
                    .append(change.stateful() ? "  [stateful]" : "").append('\n');
            for (PropertyChange property : change.properties()) {
                out.append("    ").append(switch (property.kind()) {
                    case add -> "+ " + property.path() + ": " + value(property.newValue());
                    case delete -> "- " + property.path() + ": " + value(property.oldValue());
                    case update -> "~ " + property.path() + ": " + value(property.oldValue()) + " => " + value(property.newValue());
                }).append('\n');
            }
        }
        return out.toString();
    }

    public static String json(StateDiff diff) {
        ObjectNode root = JSON.createObjectNode();
        root.put("stack", diff.stack());
        var changes = root.putArray("changes");
        for (ResourceChange change : diff.changes()) {
            ObjectNode node = changes.addObject();
            node.put("urn", change.urn());
            node.put("type", change.type());
            node.put("name", change.name());
            node.put("op", change.op().name());
            node.put("stateful", change.stateful());
            var properties = node.putArray("properties");
            for (PropertyChange property : change.properties()) {
                ObjectNode p = properties.addObject();
                p.put("path", property.path());
                p.put("kind", property.kind().name());
                p.set("old", JSON.valueToTree(property.oldValue()));
                p.set("new", JSON.valueToTree(property.newValue()));
            }
        }
        ObjectNode summary = root.putObject("summary");
        summary.put("create", diff.count(ResourceChange.Op.create));
        summary.put("update", diff.count(ResourceChange.Op.update));
        summary.put("delete", diff.count(ResourceChange.Op.delete));
        summary.put("same", diff.unchanged());
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the diff as JSON", e);
        }
    }

    private static String value(Object value) {
        try {
            String json = JSON.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value);
            return json.length() > 200 ? json.substring(0, 197) + "..." : json;
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }
}
