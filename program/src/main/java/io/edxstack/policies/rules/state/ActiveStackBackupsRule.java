package io.edxstack.policies.rules.state;

import io.edxstack.policies.Finding;
import io.edxstack.policies.Level;
import io.edxstack.policies.PolicyContext;
import io.edxstack.policies.PolicyRule;
import io.edxstack.policies.RuleParameters;
import io.edxstack.policies.StackRole;
import io.edxstack.policies.kube.KubeObject;
import io.edxstack.policies.kube.StateView;
import java.util.ArrayList;
import java.util.List;

/**
 * The active stack backs up every database of every platform, and runs no restore: a restore job on
 * the active stack would overwrite live data with the last backup.
 */
public final class ActiveStackBackupsRule implements PolicyRule {

    @Override
    public String id() {
        return "active-stack-backups";
    }

    @Override
    public Level defaultLevel() {
        return Level.MANDATORY;
    }

    @Override
    public String summary() {
        return "On the active stack every platform database has a running backup CronJob and no restore CronJob";
    }

    @Override
    public List<Finding> check(StateView state, PolicyContext context, RuleParameters parameters) {
        if (context.role() != StackRole.ACTIVE) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        PlatformDatabases.of(state).forEach((platform, engines) -> {
            for (String engine : engines) {
                if (!DatabaseCronJobs.BACKUP.exists(state, platform, engine)) {
                    findings.add(new Finding(PlatformDatabases.anchor(state, platform), "platform '" + platform
                            + "' on active stack " + context.stack() + " has no running backup CronJob for its "
                            + engine + " database; enable the platform's BackupSchedule (CronJob labelled "
                            + DatabaseCronJobs.BACKUP.label() + ": " + engine + ", not suspended)"));
                }
            }
        });
        DatabaseCronJobs.RESTORE.running(state).forEach(cronJob -> findings.add(new Finding(cronJob,
                KubeObject.describe(cronJob) + " restores a database on active stack " + context.stack()
                        + ", overwriting live data; restore CronJobs belong on the standby stack only")));
        return findings;
    }
}
