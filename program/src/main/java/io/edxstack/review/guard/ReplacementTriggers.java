package io.edxstack.review.guard;

import io.edxstack.review.change.ChangeOp;
import io.edxstack.review.change.PropertyChange;
import io.edxstack.review.change.ResourceChange;
import io.edxstack.state.Quantity;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which property changes force the provider to replace a stateful resource. The desired diff knows
 * only what changed, not what the provider will do; this small, deliberate list predicts the
 * replacements that lose data. It follows the providers' replace-on-change properties for the types
 * we keep data in; see docs/review-and-deploy.md.
 */
public final class ReplacementTriggers {

    private static final String CLUSTER = "openstack:containerinfra/cluster:Cluster";
    private static final String BUCKET = "openstack:objectstorage/container:Container";
    private static final String CLAIM = "kubernetes:core/v1:PersistentVolumeClaim";
    private static final String STATEFUL_SET = "kubernetes:apps/v1:StatefulSet";
    private static final String CLAIM_STORAGE = "spec.resources.requests.storage";

    /** Magnum resizes (nodeCount) and upgrades (clusterTemplateId) in place; anything else rebuilds. */
    private static final Set<String> CLUSTER_IN_PLACE = Set.of("nodeCount", "clusterTemplateId");
    private static final Map<String, List<String>> BY_TYPE = Map.of(
            CLAIM, List.of("spec.storageClassName", "spec.accessModes", "spec.volumeName", "spec.volumeMode",
                    "spec.selector", "spec.dataSource"),
            STATEFUL_SET, List.of("spec.volumeClaimTemplates", "spec.selector", "spec.serviceName",
                    "spec.podManagementPolicy"),
            BUCKET, List.of("name", "region", "storagePolicy"));
    /** Renaming or moving any Kubernetes object recreates it. */
    private static final List<String> KUBERNETES_IDENTITY = List.of("metadata.name", "metadata.namespace");

    private ReplacementTriggers() {
    }

    /** The change as the provider would run it: an update with a trigger becomes a replace. */
    public static ResourceChange predict(ResourceChange change) {
        if (change.op() != ChangeOp.UPDATE) {
            return change;
        }
        List<PropertyChange> properties = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (PropertyChange property : change.properties()) {
            if (forcesReplacement(change.type(), property)) {
                properties.add(property.asReplacing());
                reasons.add(property.path());
            } else {
                properties.add(property);
            }
        }
        if (reasons.isEmpty()) {
            return change;
        }
        return new ResourceChange(change.urn(), change.type(), change.name(), ChangeOp.REPLACE, change.oldState(),
                change.newState(), properties, reasons, change.stateful());
    }

    static boolean forcesReplacement(String type, PropertyChange property) {
        String path = property.path();
        if (type.equals(CLUSTER)) {
            return CLUSTER_IN_PLACE.stream().noneMatch(key -> under(path, key));
        }
        if (type.equals(CLAIM) && under(path, CLAIM_STORAGE)) {
            BigDecimal before = Quantity.of(property.oldValue());
            BigDecimal after = Quantity.of(property.newValue());
            // Volumes only grow in place; a smaller request is refused and needs a new volume.
            return before != null && after != null && after.compareTo(before) < 0;
        }
        if (type.startsWith("kubernetes:") && KUBERNETES_IDENTITY.stream().anyMatch(key -> under(path, key))) {
            return true;
        }
        return BY_TYPE.getOrDefault(type, List.of()).stream().anyMatch(key -> under(path, key));
    }

    private static boolean under(String path, String key) {
        return path.equals(key) || path.startsWith(key + ".") || path.startsWith(key + "[");
    }
}
