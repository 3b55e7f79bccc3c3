package io.edxstack.backup.contract;

/** Labels on the agent's CronJobs, Jobs and pods, by which operators and the failover tooling find them. */
public final class AgentLabels {
    /** The {@code app.kubernetes.io/name} of every agent workload. */
    public static final String APP_NAME = "backup-agent";
    /** Set to the database kind on the backup CronJobs of the active stack. */
    public static final String BACKUP = "edxstack.io/backup";
    /** Set to the database kind on the restore CronJobs of the standby stack. */
    public static final String RESTORE = "edxstack.io/restore";

    private AgentLabels() {
    }
}
