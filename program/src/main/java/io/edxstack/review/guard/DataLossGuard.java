package io.edxstack.review.guard;

import io.edxstack.policies.Level;
import io.edxstack.policies.Violation;
import io.edxstack.policies.kube.KubeObject;
import io.edxstack.review.change.ChangeOp;
import io.edxstack.review.change.ResourceChange;
import io.edxstack.review.change.StackChanges;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Stops changes that would destroy data: a delete or replace of a stateful resource (judged on its
 * state before the change) is mandatory unless the commit message names it in an
 * {@code Allow-Replace:} footer; then it stays in the review as an advisory note. Also stops in-place
 * updates of Magnum cluster templates, which Magnum refuses once a cluster uses them.
 */
public final class DataLossGuard {

    public static final String DATA_LOSS_RULE = "data-loss-guard";
    public static final String TEMPLATE_RULE = "cluster-template-immutable";
    public static final String UNKNOWN_OP_RULE = "unknown-step-op";
    private static final String CLUSTER_TEMPLATE = "openstack:containerinfra/clusterTemplate:ClusterTemplate";

    private final AllowReplaceFooters footers;

    public DataLossGuard(AllowReplaceFooters footers) {
        this.footers = footers;
    }

    public List<Violation> check(StackChanges stackChanges) {
        List<Violation> violations = new ArrayList<>();
        for (ResourceChange change : stackChanges.changes()) {
            if (change.stateful() && change.op().destroys()) {
                violations.add(dataLoss(stackChanges.stack(), change));
            }
            if (change.op() == ChangeOp.UNKNOWN) {
                violations.add(new Violation(UNKNOWN_OP_RULE, Level.MANDATORY, change.urn(), change.name(),
                        stackChanges.stack() + ": pulumi preview reports a step on " + describe(change) + " whose op "
                                + "edxstack does not know (see the preview's warnings); it may destroy data: read the "
                                + "preview by hand, then update edxstack to a version that knows the op"));
            }
            if (change.type().equals(CLUSTER_TEMPLATE) && change.op() == ChangeOp.UPDATE) {
                violations.add(new Violation(TEMPLATE_RULE, Level.MANDATORY, change.urn(), change.name(),
                        stackChanges.stack() + ": ClusterTemplate " + change.name() + " would be updated in place ("
                                + paths(change) + "), which Magnum refuses for a template in use; add a new template"
                                + " version as a new resource and point the cluster's clusterTemplateId at it"));
            }
        }
        return violations;
    }

    private Violation dataLoss(String stack, ResourceChange change) {
        String what = stack + ": " + change.op().label() + " of " + describe(change) + " destroys the data it holds"
                + (change.replaceReasons().isEmpty() ? "" : " (replacement forced by "
                + String.join(", ", change.replaceReasons()) + ")");
        Optional<String> footer = footers.allowing(change.name(), change.urn());
        if (footer.isPresent()) {
            return new Violation(DATA_LOSS_RULE, Level.ADVISORY, change.urn(), change.name(), what
                    + "; allowed by the footer '" + AllowReplaceFooters.KEY + ": " + footer.get()
                    + "', take a fresh backup before it deploys");
        }
        return new Violation(DATA_LOSS_RULE, Level.MANDATORY, change.urn(), change.name(), what
                + "; if that is intended, back it up and add the footer '" + AllowReplaceFooters.KEY + ": "
                + change.name() + "' to the commit message, else keep the resource (or add an alias if it moved)");
    }

    private static String describe(ResourceChange change) {
        if (change.latestState() != null && change.type().startsWith("kubernetes:")) {
            return KubeObject.describe(change.latestState()) + " (" + change.name() + ")";
        }
        return change.type() + " " + change.name();
    }

    private static String paths(ResourceChange change) {
        return String.join(", ", change.properties().stream().map(property -> property.path()).toList());
    }
}
