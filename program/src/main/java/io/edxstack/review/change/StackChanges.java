package io.edxstack.review.change;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything one source says would change in one stack.
 *
 * @param stack       the stack name
 * @param source      where the changes come from
 * @param changes     the changed resources (unchanged ones left out)
 * @param unchanged   how many resources stay the same
 * @param diagnostics engine messages (previews only)
 */
public record StackChanges(String stack, Source source, List<ResourceChange> changes, int unchanged,
                           List<Diagnostic> diagnostics) {

    /** The two ways we learn about changes. */
    public enum Source {
        /** {@code pulumi preview --json}: what the engine would do against the real state. */
        PREVIEW("pulumi preview"),
        /** {@code edxstack diff}: desired state of the target branch against the change's. */
        DESIRED_DIFF("desired-state diff"),
        /** A preview less what the desired diff of the same change reported before merge ({@link KnownChanges}). */
        PREVIEW_BEYOND_DESIRED_DIFF("pulumi preview, beyond the desired diff");

        private final String label;

        Source(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public StackChanges {
        Objects.requireNonNull(stack, "stack");
        Objects.requireNonNull(source, "source");
        changes = List.copyOf(changes);
        diagnostics = List.copyOf(diagnostics);
    }

    /** How many resources each op touches; SAME is the unchanged count. */
    public Map<ChangeOp, Integer> counts() {
        Map<ChangeOp, Integer> counts = new EnumMap<>(ChangeOp.class);
        for (ChangeOp op : ChangeOp.values()) {
            counts.put(op, 0);
        }
        changes.forEach(change -> counts.merge(change.op(), 1, Integer::sum));
        counts.put(ChangeOp.SAME, unchanged);
        return counts;
    }

    /** A title such as {@code prod-primary (pulumi preview)}. */
    public String title() {
        return stack + " (" + source.label() + ")";
    }
}
