package io.edxstack.config;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One Open edX platform of the catalogue ({@code stacks/platforms/<name>.yaml}): the only place that
 * says which stacks run it, so both regions read the same definition and DR never drifts from primary.
 */
public record PlatformSpec(
        String name,
        String file,
        Set<String> stacks,
        Hosts hosts,
        Images images,
        Quota quota,
        ContainerLimits limits,
        Sizing sizing,
        BackupSchedules backup) {

    public record Hosts(String lms, String cms, Optional<String> mfe) {
        public List<String> all() {
            return mfe.map(m -> List.of(lms, cms, m)).orElse(List.of(lms, cms));
        }
    }

    /** Images pinned by tag (never {@code latest}), by default from Magnum's private registry. */
    public record Images(String openedx, Optional<String> mfe) {
    }

    /** The namespace's ResourceQuota: what all of the platform's pods and volumes may claim together. */
    public record Quota(String requestsCpu, String requestsMemory, String limitsCpu, String limitsMemory,
                        String requestsStorage, int pods, int persistentVolumeClaims) {
    }

    /** The namespace's LimitRange: defaults and bounds for a container that states none. */
    public record ContainerLimits(Resources defaultRequest, Resources defaultLimit, Resources max) {
    }

    public record Resources(String cpu, String memory) {
    }

    /** Replica bounds of the web and worker Deployments on an active stack. */
    public record Sizing(Replicas lms, Replicas cms, Replicas lmsWorker, Replicas cmsWorker, Replicas mfe) {
    }

    public record Replicas(int replicas, int minReplicas, int maxReplicas) {
    }

    /**
     * When the active stack dumps the platform's databases, when the standby stack restores them, and when
     * expired backups are pruned (cron, UTC).
     */
    public record BackupSchedules(String backup, String restore, String prune) {
    }

    public boolean runsOn(String stackName) {
        return stacks.contains(stackName);
    }
}
