package io.edxstack.state;

import java.util.Set;

/**
 * Which resources hold data that a delete or replace would lose. The diff flags them, the data-loss
 * guard stops their replacement, and the protection policy demands {@code protect} on them.
 */
public final class Statefulness {

    private static final Set<String> STATEFUL_TYPES = Set.of(
            "openstack:containerinfra/cluster:Cluster",
            "openstack:objectstorage/container:Container",
            "openstack:blockstorage/volume:Volume",
            "kubernetes:core/v1:PersistentVolumeClaim",
            "kubernetes:core/v1:PersistentVolume",
            "kubernetes:apps/v1:StatefulSet");

    /** Label that marks a namespace as holding a platform's data (its volumes live and die with it). */
    public static final String HOLDS_DATA_LABEL = "edxstack.io/holds-data";

    private Statefulness() {
    }

    public static boolean isStateful(ResourceState resource) {
        if (STATEFUL_TYPES.contains(resource.type())) {
            return true;
        }
        if (resource.type().equals("kubernetes:core/v1:Namespace")) {
            return resource.input("metadata.labels") instanceof java.util.Map<?, ?> labels
                    && "true".equals(labels.get(HOLDS_DATA_LABEL));
        }
        return false;
    }

    public static boolean isStatefulType(String type) {
        return STATEFUL_TYPES.contains(type);
    }
}
