package io.edxstack.policies;

import static io.edxstack.policies.RuleAssertions.assertSingle;
import static io.edxstack.policies.RuleAssertions.violations;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class StateRulesTest {

    @Test
    void protectRule_unprotectedDataStatefulSet_isMandatoryViolation() {
        RenderFixture fixture = RenderFixture.primary().protect("demo-mysql", false);

        assertSingle(violations("protect-stateful", fixture), "protect-stateful", Level.MANDATORY, "demo-mysql",
                "protect(true)");
    }

    @Test
    void protectRule_unprotectedClusterAndBucket_areBothReported() {
        RenderFixture fixture = RenderFixture.primary()
                .protect("prod-primary-cluster", false)
                .protect("edxstack-backups", false);

        assertEquals(List.of("edxstack-backups", "prod-primary-cluster"),
                violations("protect-stateful", fixture).stream().map(Violation::name).sorted().toList());
    }

    @Test
    void protectRule_namespaceWithoutHoldsDataLabel_needsNoProtection() {
        RenderFixture fixture = RenderFixture.primary().protect("demo-namespace", false)
                .remove("demo-namespace", "metadata.labels[\"edxstack.io/holds-data\"]");

        assertEquals(List.of(), violations("protect-stateful", fixture));
    }

    @Test
    void activeBackupsRule_missingMongodbBackup_isMandatoryViolationOnPlatformNamespace() {
        RenderFixture fixture = RenderFixture.primary().without("demo-backup-mongodb");

        Violation violation = assertSingle(violations("active-stack-backups", fixture), "active-stack-backups",
                Level.MANDATORY, "demo-namespace", "enable the platform's BackupSchedule");
        assertTrue(violation.message().contains("mongodb"), violation.message());
    }

    @Test
    void activeBackupsRule_suspendedBackupOfExternalDatabase_isMandatoryViolation() {
        RenderFixture fixture = RenderFixture.primary().set("acme-backup-mysql", "spec.suspend", true);

        Violation violation = assertSingle(violations("active-stack-backups", fixture), "active-stack-backups",
                Level.MANDATORY, "acme-namespace", "not suspended");
        assertTrue(violation.message().contains("platform 'acme'"), violation.message());
    }

    @Test
    void activeBackupsRule_restoreCronJobOnActiveStack_isMandatoryViolation() {
        RenderFixture dr = RenderFixture.dr();
        RenderFixture fixture = RenderFixture.primary().with(dr.get("demo-restore-mysql"));

        assertSingle(violations("active-stack-backups", fixture), "active-stack-backups", Level.MANDATORY,
                "demo-restore-mysql", "standby stack only");
    }

    @Test
    void activeBackupsRule_onStandbyStack_doesNotApply() {
        RenderFixture fixture = RenderFixture.dr();

        assertEquals(List.of(), violations("active-stack-backups", fixture));
    }

    @Test
    void standbyRestoresRule_missingRestore_isMandatoryViolation() {
        RenderFixture fixture = RenderFixture.dr().without("acme-restore-mongodb");

        assertSingle(violations("standby-stack-restores", fixture), "standby-stack-restores", Level.MANDATORY,
                "acme-namespace", "restore schedule");
    }

    @Test
    void standbyRestoresRule_runningBackupOnStandby_isMandatoryViolation() {
        RenderFixture fixture = RenderFixture.dr().with(RenderFixture.primary().get("demo-backup-mysql"));

        assertSingle(violations("standby-stack-restores", fixture), "standby-stack-restores", Level.MANDATORY,
                "demo-backup-mysql", "suspend it");
    }

    @Test
    void standbyRestoresRule_suspendedBackupOnStandby_passes() {
        RenderFixture fixture = RenderFixture.dr().with(RenderFixture.primary().get("demo-backup-mysql"))
                .set("demo-backup-mysql", "spec.suspend", true);

        assertEquals(List.of(), violations("standby-stack-restores", fixture));
    }

    @Test
    void samePlatformsRule_platformMissingOnDr_isMandatoryViolation() {
        RenderFixture primary = RenderFixture.primary();
        RenderFixture dr = RenderFixture.dr().without("acme-namespace");
        PolicyContext context = new PolicyContext(primary.stack(), StackRole.ACTIVE,
                new PolicyContext.OtherStack(dr.stack(), dr.resources()));

        assertSingle(violations("stacks-same-platforms", primary.resources(), context), "stacks-same-platforms",
                Level.MANDATORY, "acme-namespace", "edxstack.io/stacks: \"prod-primary\"");
    }

    @Test
    void samePlatformsRule_platformDeclaredForPrimaryOnly_passes() {
        RenderFixture primary = RenderFixture.primary().set("acme-namespace",
                "metadata.annotations[\"edxstack.io/stacks\"]", "prod-primary");
        RenderFixture dr = RenderFixture.dr().without("acme-namespace");
        PolicyContext context = new PolicyContext(primary.stack(), StackRole.ACTIVE,
                new PolicyContext.OtherStack(dr.stack(), dr.resources()));

        assertEquals(List.of(), violations("stacks-same-platforms", primary.resources(), context));
    }

    @Test
    void samePlatformsRule_platformOnStackItsLabelExcludes_isMandatoryViolation() {
        RenderFixture dr = RenderFixture.dr().set("acme-namespace",
                "metadata.annotations[\"edxstack.io/stacks\"]", "prod-primary");
        RenderFixture primary = RenderFixture.primary();
        PolicyContext context = new PolicyContext(dr.stack(), StackRole.STANDBY,
                new PolicyContext.OtherStack(primary.stack(), primary.resources()));

        assertSingle(violations("stacks-same-platforms", dr.resources(), context), "stacks-same-platforms",
                Level.MANDATORY, "acme-namespace", "remove the platform from this stack");
    }

    @Test
    void samePlatformsRule_withoutOtherStack_reportsNothing() {
        RenderFixture dr = RenderFixture.dr().without("acme-namespace");

        assertEquals(List.of(), violations("stacks-same-platforms", dr));
    }
}
