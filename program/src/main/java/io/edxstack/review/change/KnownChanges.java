package io.edxstack.review.change;

import io.edxstack.policies.kube.Values;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a preview says beyond the desired diff that was reviewed before merge: the deploy job reports only that.
 *
 * <p>A preview change is known when the desired diff of the same change has the same resource with the same op;
 * of a known update, the properties the desired diff named (the same path, or one inside the other) are dropped. What
 * stays is what only the engine, the state or the cluster can tell: a replacement the provider decides where the
 * desired diff saw an update, a change of a resource or property the desired diff did not touch (drift, a value the
 * server set), and every value the engine does not know yet.
 */
public final class KnownChanges {

    private KnownChanges() {
    }

    /** {@code preview}'s changes that {@code known} (the desired diff of the same stack) did not report. */
    public static StackChanges beyond(StackChanges preview, StackChanges known) {
        if (!preview.stack().equals(known.stack())) {
            throw new IllegalArgumentException("the desired diff of " + known.stack() + " cannot explain the preview of "
                    + preview.stack());
        }
        Map<String, ResourceChange> byUrn = new HashMap<>();
        known.changes().forEach(change -> byUrn.put(change.urn(), change));
        List<ResourceChange> remaining = preview.changes().stream()
                .map(change -> beyond(change, byUrn.get(change.urn())))
                .filter(change -> change != null)
                .toList();
        int explained = preview.changes().size() - remaining.size();
        return new StackChanges(preview.stack(), StackChanges.Source.PREVIEW_BEYOND_DESIRED_DIFF, remaining,
                preview.unchanged() + explained, preview.diagnostics());
    }

    /** The part of one preview change the desired diff did not report, or null when it reported all of it. */
    private static ResourceChange beyond(ResourceChange previewed, ResourceChange known) {
        if (known == null || known.op() != previewed.op()) {
            return previewed;
        }
        if (previewed.op() != ChangeOp.UPDATE) {
            return null;
        }
        List<PropertyChange> unexplained = previewed.properties().stream()
                .filter(property -> unknownValue(property.newValue())
                        || known.properties().stream().noneMatch(reported -> related(property.path(), reported.path())))
                .toList();
        if (unexplained.isEmpty()) {
            return null;
        }
        return new ResourceChange(previewed.urn(), previewed.type(), previewed.name(), previewed.op(),
                previewed.oldState(), previewed.newState(), unexplained, previewed.replaceReasons(), previewed.stateful());
    }

    /** Whether one path is the other or lies inside it: the preview and the diff may stop at different depths. */
    static boolean related(String a, String b) {
        List<Object> left = PropertyPath.parse(a);
        List<Object> right = PropertyPath.parse(b);
        int common = Math.min(left.size(), right.size());
        return left.subList(0, common).equals(right.subList(0, common));
    }

    private static boolean unknownValue(Object value) {
        return Values.UNKNOWN.equals(value) || Values.ENGINE_UNKNOWN.equals(value);
    }
}
