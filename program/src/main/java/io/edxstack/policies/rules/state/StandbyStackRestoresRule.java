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
 * The standby stack keeps its databases warm by restoring the active stack's backups, and never backs
 * up itself: its backups would overwrite the active stack's in the shared bucket.
 */
public final class StandbyStackRestoresRule implements PolicyRule {

    @Override
    public String id() {
        return "standby-stack-restores";
    }

    @Override
    public Level defaultLevel() {
        return Level.MANDATORY;
    }

    @Override
    public String summary() {
        return "On the standby stack every platform database has a restore CronJob and no backup CronJob runs";
    }

    @Override
    public List<Finding> check(StateView state, PolicyContext context, RuleParameters parameters) {
        if (context.role() != StackRole.STANDBY) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        PlatformDatabases.of(state).forEach((platform, engines) -> {
            for (String engine : engines) {
                if (!DatabaseCronJobs.RESTORE.exists(state, platform, engine)) {
                    findings.add(new Finding(PlatformDatabases.anchor(state, platform), "platform '" + platform
                            + "' on standby stack " + context.stack() + " has no restore CronJob for its " + engine
                            + " database; render the platform's restore schedule (CronJob labelled "
                            + DatabaseCronJobs.RESTORE.label() + ": " + engine + ")"));
                }
            }
        });
        DatabaseCronJobs.BACKUP.running(state).forEach(cronJob -> findings.add(new Finding(cronJob,
                KubeObject.describe(cronJob) + " backs up from standby stack " + context.stack()
                        + " and would overwrite the active stack's backups; suspend it or leave it out of the"
                        + " standby role")));
        return findings;
    }
}
