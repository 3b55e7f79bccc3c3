package io.edxstack.review.input;

import com.fasterxml.jackson.databind.JsonNode;
import io.edxstack.review.ReviewInputException;
import io.edxstack.review.change.ChangeOp;
import io.edxstack.review.change.Diagnostic;
import io.edxstack.review.change.PropertyChange;
import io.edxstack.review.change.PropertyPath;
import io.edxstack.review.change.ResourceChange;
import io.edxstack.review.change.StackChanges;
import io.edxstack.state.ResourceState;
import io.edxstack.state.Statefulness;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads {@code pulumi preview --json}. The engine reports one replacement as up to three steps
 * ({@code create-replacement}, {@code replace}, {@code delete-replaced}) on the same URN; they are
 * folded into one {@link ChangeOp#REPLACE} change.
 */
public final class PreviewReader {

    private static final String WHAT = "the output of 'pulumi preview --json'";
    // Pulumi colours diagnostics with <{%reset%}> tags or ANSI escapes even in JSON output.
    private static final Pattern COLOURS = Pattern.compile("<\\{%[^%]*%}>|\u001B\\[[;\\d]*m");

    /** A preview: its changes, and the desired state it implies for the policies. */
    public record Preview(StackChanges changes, List<ResourceState> desired) {
    }

    private final Path file;
    private final String stack;

    private PreviewReader(Path file, String stack) {
        this.file = file;
        this.stack = stack;
    }

    /** Reads the preview of {@code stack}; a file whose URNs belong to another stack is an error. */
    public static Preview read(Path file, String stack) {
        return new PreviewReader(file, stack).read();
    }

    private Preview read() {
        JsonNode root = JsonFiles.read(file, WHAT);
        JsonNode steps = root.path("steps");
        if (!steps.isArray() && !root.has("diagnostics")) {
            throw new ReviewInputException(file, "has no 'steps' list, perhaps it is not " + WHAT);
        }
        Map<String, StepGroup> groups = new LinkedHashMap<>();
        for (int index = 0; index < steps.size(); index++) {
            JsonNode step = steps.get(index);
            String key = "steps[" + index + "]";
            String op = required(step, "op", key);
            String urn = required(step, "urn", key);
            String urnStack = JsonFiles.stackOf(urn);
            if (!stack.equals(urnStack)) {
                throw new ReviewInputException(file, key + ".urn belongs to stack '" + urnStack + "', not '" + stack
                        + "', perhaps the --preview arguments name the wrong file");
            }
            groups.computeIfAbsent(urn, StepGroup::new).add(op, step);
        }
        List<ResourceChange> changes = new ArrayList<>();
        List<ResourceState> desired = new ArrayList<>();
        List<Diagnostic> warnings = new ArrayList<>();
        int unchanged = 0;
        for (StepGroup group : groups.values()) {
            ResourceChange change = group.toChange();
            group.unknownOps.forEach(op -> warnings.add(new Diagnostic(group.urn, "warning", "step op '" + op
                    + "' is not one edxstack knows: the resource is listed as '" + ChangeOp.UNKNOWN.label()
                    + "' and the change needs review")));
            if (change.op() == ChangeOp.SAME) {
                unchanged++;
            } else if (change.op() != ChangeOp.OTHER) {
                changes.add(change);
            }
            if (change.newState() != null && change.op() != ChangeOp.DELETE && change.op() != ChangeOp.OTHER) {
                desired.add(change.newState());
            }
        }
        unchanged = Math.max(unchanged, root.path("changeSummary").path("same").asInt(0));
        checkSummary(root.path("changeSummary"), changes);
        List<Diagnostic> diagnostics = new ArrayList<>(diagnostics(root.path("diagnostics")));
        diagnostics.addAll(warnings);
        return new Preview(new StackChanges(stack, StackChanges.Source.PREVIEW, changes, unchanged, diagnostics),
                desired);
    }

    /** The engine's own count of changes must be found in the steps: a change the review drops is never seen. */
    private void checkSummary(JsonNode summary, List<ResourceChange> changes) {
        for (ChangeOp op : List.of(ChangeOp.CREATE, ChangeOp.UPDATE, ChangeOp.REPLACE, ChangeOp.DELETE)) {
            int reported = summary.path(op.label()).asInt(0);
            long found = changes.stream().filter(change -> change.op() == op).count();
            if (reported > found) {
                throw new ReviewInputException(file, "changeSummary reports " + reported + " to " + op.label() + " but "
                        + "the steps hold " + found + ", perhaps the file was cut short or written by another "
                        + "version of 'pulumi preview --json'");
            }
        }
    }

    private String required(JsonNode node, String field, String key) {
        String value = JsonFiles.text(node, field);
        if (value == null) {
            throw new ReviewInputException(file, key + " has no '" + field + "', perhaps it is not " + WHAT);
        }
        return value;
    }

    private static List<Diagnostic> diagnostics(JsonNode diagnostics) {
        List<Diagnostic> read = new ArrayList<>();
        for (JsonNode diagnostic : diagnostics) {
            String message = COLOURS.matcher(diagnostic.path("message").asText("")).replaceAll("").strip();
            read.add(new Diagnostic(JsonFiles.text(diagnostic, "urn"),
                    diagnostic.path("severity").asText("info"), message));
        }
        return read;
    }

    /** All steps of one URN. */
    private static final class StepGroup {
        private final String urn;
        private final Set<ChangeOp> ops = new LinkedHashSet<>();
        private final Set<String> unknownOps = new LinkedHashSet<>();
        private final Set<String> replaceReasons = new LinkedHashSet<>();
        private final Map<String, JsonNode> detailedDiff = new LinkedHashMap<>();
        private final Set<String> diffReasons = new LinkedHashSet<>();
        private JsonNode oldState;
        private JsonNode newState;

        StepGroup(String urn) {
            this.urn = urn;
        }

        void add(String op, JsonNode step) {
            ChangeOp known = ChangeOp.fromPreviewStep(op);
            ops.add(known);
            if (known == ChangeOp.UNKNOWN) {
                unknownOps.add(op);
            }
            if (oldState == null && step.path("oldState").isObject()) {
                oldState = step.get("oldState");
            }
            if (newState == null && step.path("newState").isObject()) {
                newState = step.get("newState");
            }
            step.path("replaceReasons").forEach(reason -> replaceReasons.add(reason.asText()));
            step.path("diffReasons").forEach(reason -> diffReasons.add(reason.asText()));
            step.path("detailedDiff").fields().forEachRemaining(entry -> detailedDiff.put(entry.getKey(), entry.getValue()));
        }

        ResourceChange toChange() {
            ChangeOp op = ops.contains(ChangeOp.REPLACE) ? ChangeOp.REPLACE
                    : ops.contains(ChangeOp.UNKNOWN) ? ChangeOp.UNKNOWN : ops.iterator().next();
            ResourceState before = state(oldState);
            ResourceState after = op == ChangeOp.DELETE ? null : state(newState);
            ResourceState judged = before != null ? before : after;
            String type = judged != null ? judged.type() : typeFromUrn();
            return new ResourceChange(urn, type, JsonFiles.nameOf(urn), op, before, after, properties(),
                    List.copyOf(replaceReasons), judged != null && Statefulness.isStateful(judged));
        }

        private List<PropertyChange> properties() {
            List<PropertyChange> properties = new ArrayList<>();
            Map<String, Object> oldInputs = oldState == null ? Map.of() : JsonFiles.plain(oldState.get("inputs"));
            Map<String, Object> oldOutputs = oldState == null ? Map.of() : JsonFiles.plain(oldState.get("outputs"));
            Map<String, Object> newInputs = newState == null ? Map.of() : JsonFiles.plain(newState.get("inputs"));
            detailedDiff.forEach((path, diff) -> {
                String kind = diff.path("kind").asText("update");
                boolean inputDiff = diff.path("inputDiff").asBoolean(true);
                properties.add(new PropertyChange(path, PropertyChange.Kind.parse(kind),
                        PropertyPath.lookup(inputDiff ? oldInputs : oldOutputs, path),
                        PropertyPath.lookup(newInputs, path), kind.endsWith("-replace")));
            });
            if (detailedDiff.isEmpty()) {
                // Providers without detailed diffs only name the top-level keys that differ.
                for (String path : diffReasons) {
                    properties.add(new PropertyChange(path, PropertyChange.Kind.UPDATE,
                            PropertyPath.lookup(oldInputs, path), PropertyPath.lookup(newInputs, path),
                            replaceReasons.contains(path)));
                }
            }
            return properties;
        }

        private ResourceState state(JsonNode state) {
            if (state == null) {
                return null;
            }
            String type = JsonFiles.text(state, "type");
            return new ResourceState(urn, type == null ? typeFromUrn() : type, JsonFiles.nameOf(urn),
                    JsonFiles.text(state, "parent"), JsonFiles.text(state, "provider"),
                    state.path("protect").asBoolean(false), JsonFiles.plain(state.get("inputs")));
        }

        /** The resource's own type: the last {@code $}-separated part of the URN's type chain. */
        private String typeFromUrn() {
            String chain = urn.substring(0, urn.lastIndexOf("::"));
            chain = chain.substring(chain.lastIndexOf("::") + 2);
            return chain.substring(chain.lastIndexOf('$') + 1);
        }
    }
}
