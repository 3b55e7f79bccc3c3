package io.edxstack.policies;

import static io.edxstack.policies.RuleAssertions.assertSingle;
import static io.edxstack.policies.RuleAssertions.violations;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The state rules on what the program renders for both stacks, each broken once by an edit. */
class StateRulesTest {

    private static final String CRON_JOB = "CronJob";
    private static final String NAMESPACE = "Namespace";

    @Test
    void protectRule_unprotectedDataStatefulSet_isMandatoryViolation() {
        RealRender render = RealRender.primary().protect("StatefulSet", "demo-mysql", false);

        assertSingle(violations("protect-stateful", render), "protect-stateful", Level.MANDATORY, "demo-mysql",
                "protect(true)");
    }

    @Test
    void protectRule_unprotectedClusterAndBucket_areBothReported() {
        RealRender render = RealRender.primary()
                .protect("openstack:containerinfra/cluster:Cluster", "edx-primary", false)
                .protect("openstack:objectstorage/container:Container", "prod-primary-backup-copy-bucket", false);

        assertEquals(List.of("edx-primary", "prod-primary-backup-copy-bucket"),
                violations("protect-stateful", render).stream().map(Violation::name).sorted().toList());
    }

    @Test
    void protectRule_namespaceWithoutHoldsDataLabel_needsNoProtection() {
        RealRender render = RealRender.primary().protect(NAMESPACE, "demo", false)
                .remove(NAMESPACE, "demo", "metadata.labels[\"edxstack.io/holds-data\"]");

        assertEquals(List.of(), violations("protect-stateful", render));
    }

    @Test
    void activeBackupsRule_missingMongodbBackup_isMandatoryViolationOnPlatformNamespace() {
        RealRender render = RealRender.primary().without(CRON_JOB, "demo-backup-mongodb");

        Violation violation = assertSingle(violations("active-stack-backups", render), "active-stack-backups",
                Level.MANDATORY, "demo", "enable the platform's BackupSchedule");
        assertTrue(violation.message().contains("mongodb"), violation.message());
    }

    @Test
    void activeBackupsRule_suspendedBackupOfExternalDatabase_isMandatoryViolation() {
        RealRender render = RealRender.primary().set(CRON_JOB, "training-backup-mysql", "spec.suspend", true);

        Violation violation = assertSingle(violations("active-stack-backups", render), "active-stack-backups",
                Level.MANDATORY, "training", "not suspended");
        assertTrue(violation.message().contains("platform 'training'"), violation.message());
    }

    @Test
    void activeBackupsRule_restoreCronJobOnActiveStack_isMandatoryViolation() {
        RealRender render = RealRender.primary().with(RealRender.dr().get(CRON_JOB, "demo-restore-mysql"));

        assertSingle(violations("active-stack-backups", render), "active-stack-backups", Level.MANDATORY,
                "demo-restore-mysql", "standby stack only");
    }

    @Test
    void activeBackupsRule_onStandbyStack_doesNotApply() {
        assertEquals(List.of(), violations("active-stack-backups", RealRender.dr()));
    }

    @Test
    void standbyRestoresRule_missingRestore_isMandatoryViolation() {
        RealRender render = RealRender.dr().without(CRON_JOB, "demo-restore-mongodb");

        assertSingle(violations("standby-stack-restores", render), "standby-stack-restores", Level.MANDATORY,
                "demo", "restore schedule");
    }

    @Test
    void standbyRestoresRule_runningBackupOnStandby_isMandatoryViolation() {
        RealRender render = RealRender.dr().with(RealRender.primary().get(CRON_JOB, "demo-backup-mysql"));

        assertSingle(violations("standby-stack-restores", render), "standby-stack-restores", Level.MANDATORY,
                "demo-backup-mysql", "suspend it");
    }

    @Test
    void standbyRestoresRule_suspendedBackupOnStandby_passes() {
        RealRender render = RealRender.dr().with(RealRender.primary().get(CRON_JOB, "demo-backup-mysql"))
                .set(CRON_JOB, "demo-backup-mysql", "spec.suspend", true);

        assertEquals(List.of(), violations("standby-stack-restores", render));
    }

    @Test
    void samePlatformsRule_platformMissingOnDr_isMandatoryViolation() {
        RealRender primary = RealRender.primary();
        RealRender dr = RealRender.dr().without(NAMESPACE, "demo");

        assertSingle(violations("stacks-same-platforms", primary.resources(), pair(primary, StackRole.ACTIVE, dr)),
                "stacks-same-platforms", Level.MANDATORY, "demo", "edxstack.io/stacks: \"prod-primary\"");
    }

    @Test
    void samePlatformsRule_renderedPlatformDeclaredForPrimaryOnly_passes() {
        // training runs on prod-primary only, as its catalogue entry says.
        RealRender primary = RealRender.primary();
        RealRender dr = RealRender.dr();

        assertEquals(List.of(), violations("stacks-same-platforms", primary.resources(), pair(primary, StackRole.ACTIVE, dr)));
    }

    @Test
    void samePlatformsRule_platformOnStackItsLabelExcludes_isMandatoryViolation() {
        RealRender dr = RealRender.dr().set(NAMESPACE, "demo", "metadata.annotations[\"edxstack.io/stacks\"]",
                "prod-primary");
        RealRender primary = RealRender.primary();

        assertSingle(violations("stacks-same-platforms", dr.resources(), pair(dr, StackRole.STANDBY, primary)),
                "stacks-same-platforms", Level.MANDATORY, "demo", "remove the platform from this stack");
    }

    @Test
    void samePlatformsRule_withoutOtherStack_reportsNothing() {
        assertEquals(List.of(), violations("stacks-same-platforms", RealRender.dr().without(NAMESPACE, "demo")));
    }

    private static PolicyContext pair(RealRender stack, StackRole role, RealRender other) {
        return new PolicyContext(stack.stack(), role, new PolicyContext.OtherStack(other.stack(), other.resources()));
    }
}
