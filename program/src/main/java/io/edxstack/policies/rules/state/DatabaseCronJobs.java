package io.edxstack.policies.rules.state;

import io.edxstack.policies.kube.KubeObject;
import io.edxstack.policies.kube.StateView;
import io.edxstack.state.ResourceState;
import java.util.stream.Stream;

/**
 * Backup and restore CronJobs, found by their labels {@code edxstack.io/backup: <engine>} and
 * {@code edxstack.io/restore: <engine>}. A suspended CronJob never runs, so it counts as absent.
 */
enum DatabaseCronJobs {
    BACKUP("edxstack.io/backup"),
    RESTORE("edxstack.io/restore");

    private final String label;

    DatabaseCronJobs(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    /** Running (not suspended) CronJobs of this purpose. */
    Stream<ResourceState> running(StateView state) {
        return state.ofKind("CronJob")
                .filter(cronJob -> KubeObject.labels(cronJob).containsKey(label))
                .filter(cronJob -> !Boolean.TRUE.equals(cronJob.input("spec.suspend")));
    }

    boolean exists(StateView state, String platform, String engine) {
        return running(state).anyMatch(cronJob -> platform.equals(KubeObject.platform(cronJob))
                && engine.equals(KubeObject.labels(cronJob).get(label)));
    }
}
