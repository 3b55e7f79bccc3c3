package io.edxstack.review.report;

import io.edxstack.review.change.ChangeOp;
import io.edxstack.review.change.ResourceChange;
import java.util.Comparator;
import java.util.List;

/** Reports show what destroys first (deletes, then replaces), stateful resources first within each. */
final class ChangeOrder {

    private static final List<ChangeOp> ORDER = List.of(ChangeOp.DELETE, ChangeOp.REPLACE, ChangeOp.UPDATE,
            ChangeOp.CREATE);

    static final Comparator<ResourceChange> REVIEW = Comparator
            .comparingInt((ResourceChange change) -> ORDER.indexOf(change.op()))
            .thenComparing(change -> !change.stateful())
            .thenComparing(ResourceChange::type)
            .thenComparing(ResourceChange::name);

    private ChangeOrder() {
    }

    static List<ResourceChange> sorted(List<ResourceChange> changes) {
        return changes.stream().sorted(REVIEW).toList();
    }
}
