package io.edxstack.review.input;

import com.fasterxml.jackson.databind.JsonNode;
import io.edxstack.review.ReviewInputException;
import io.edxstack.review.change.ChangeOp;
import io.edxstack.review.change.PropertyChange;
import io.edxstack.review.change.ResourceChange;
import io.edxstack.review.change.StackChanges;
import io.edxstack.review.guard.ReplacementTriggers;
import io.edxstack.state.Statefulness;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code edxstack diff BASE.json HEAD.json --format json}. Updates that the providers would run
 * as replacements are turned into {@link ChangeOp#REPLACE} here (see {@link ReplacementTriggers}),
 * so the review and the data-loss guard treat them as what they are.
 */
public final class DesiredDiffReader {

    private static final String WHAT = "the output of 'edxstack diff --format json'";
    private static final Map<String, ChangeOp> OPS = Map.of(
            "create", ChangeOp.CREATE, "update", ChangeOp.UPDATE, "delete", ChangeOp.DELETE);

    private final Path file;

    private DesiredDiffReader(Path file) {
        this.file = file;
    }

    public static StackChanges read(Path file) {
        return new DesiredDiffReader(file).read();
    }

    private StackChanges read() {
        JsonNode root = JsonFiles.read(file, WHAT);
        String stack = JsonFiles.text(root, "stack");
        if (stack == null) {
            throw new ReviewInputException(file, "has no 'stack', perhaps it is not " + WHAT);
        }
        JsonNode changes = root.path("changes");
        if (!changes.isArray()) {
            throw new ReviewInputException(file, "has no 'changes' list, perhaps it is not " + WHAT);
        }
        List<ResourceChange> read = new ArrayList<>();
        for (int index = 0; index < changes.size(); index++) {
            read.add(ReplacementTriggers.predict(change(changes.get(index), "changes[" + index + "]")));
        }
        return new StackChanges(stack, StackChanges.Source.DESIRED_DIFF, read,
                root.path("summary").path("same").asInt(0), List.of());
    }

    private ResourceChange change(JsonNode change, String key) {
        String urn = required(change, "urn", key);
        String type = required(change, "type", key);
        String opText = required(change, "op", key);
        ChangeOp op = OPS.get(opText);
        if (op == null) {
            throw new ReviewInputException(file, key + ".op is '" + opText + "', perhaps create, update or delete");
        }
        String name = JsonFiles.text(change, "name");
        List<PropertyChange> properties = new ArrayList<>();
        JsonNode list = change.path("properties");
        for (int index = 0; index < list.size(); index++) {
            properties.add(property(list.get(index), key + ".properties[" + index + "]"));
        }
        boolean stateful = change.path("stateful").asBoolean(false) || Statefulness.isStatefulType(type);
        return new ResourceChange(urn, type, name == null ? JsonFiles.nameOf(urn) : name, op, null, null,
                properties, List.of(), stateful);
    }

    private PropertyChange property(JsonNode property, String key) {
        String path = required(property, "path", key);
        String kind = required(property, "kind", key);
        try {
            return new PropertyChange(path, PropertyChange.Kind.parse(kind), JsonFiles.plainValue(property.get("old")),
                    JsonFiles.plainValue(property.get("new")), false);
        } catch (IllegalArgumentException unknownKind) {
            throw new ReviewInputException(file, key + ".kind is '" + kind + "', perhaps add, update or delete");
        }
    }

    private String required(JsonNode node, String field, String key) {
        String value = JsonFiles.text(node, field);
        if (value == null) {
            throw new ReviewInputException(file, key + " has no '" + field + "', perhaps it is not " + WHAT);
        }
        return value;
    }
}
