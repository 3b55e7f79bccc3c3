package io.edxstack.policies;

import static io.edxstack.policies.RuleAssertions.assertSingle;
import static io.edxstack.policies.RuleAssertions.violations;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkloadRulesTest {

    private static final String LMS_CONTAINER = "spec.template.spec.containers[0]";
    private static final String BACKUP_CONTAINER = "spec.jobTemplate.spec.template.spec.containers[0]";

    @Test
    void noRootRule_containerWithoutRunAsNonRoot_isMandatoryViolation() {
        RenderFixture fixture = RenderFixture.primary()
                .remove("demo-lms", LMS_CONTAINER + ".securityContext.runAsNonRoot")
                .remove("demo-lms", "spec.template.spec.securityContext.runAsNonRoot");

        Violation violation = assertSingle(violations("workload-non-root", fixture), "workload-non-root",
                Level.MANDATORY, "demo-lms", "runAsNonRoot: true");
        assertTrue(violation.message().contains("Deployment demo/lms"), violation.message());
    }

    @Test
    void noRootRule_runAsNonRootOnlyOnPod_passes() {
        RenderFixture fixture = RenderFixture.primary()
                .remove("demo-lms", LMS_CONTAINER + ".securityContext.runAsNonRoot");

        assertEquals(List.of(), violations("workload-non-root", fixture));
    }

    @Test
    void noRootRule_initContainerRunningAsUidZero_isMandatoryViolation() {
        RenderFixture fixture = RenderFixture.primary().set("demo-lms", "spec.template.spec.initContainers",
                List.of(Map.of("name", "chown-media", "image", "localhost:5000/library/busybox:1.36.1",
                        "securityContext", Map.of("runAsUser", 0))));

        Violation violation = assertSingle(violations("workload-non-root", fixture), "workload-non-root",
                Level.MANDATORY, "demo-lms", "runAsUser");
        assertTrue(violation.message().contains("chown-media"), violation.message());
    }

    @Test
    void noPrivilegeEscalationRule_fieldUnset_isMandatoryViolation() {
        RenderFixture fixture = RenderFixture.primary()
                .remove("demo-backup-mysql", BACKUP_CONTAINER + ".securityContext.allowPrivilegeEscalation");

        assertSingle(violations("workload-no-privilege-escalation", fixture), "workload-no-privilege-escalation",
                Level.MANDATORY, "demo-backup-mysql", "allowPrivilegeEscalation: false");
    }

    @Test
    void notPrivilegedRule_privilegedContainer_isMandatoryViolation() {
        RenderFixture fixture = RenderFixture.primary()
                .set("demo-mysql", LMS_CONTAINER + ".securityContext.privileged", true);

        assertSingle(violations("workload-not-privileged", fixture), "workload-not-privileged",
                Level.MANDATORY, "demo-mysql", "set it to false");
    }

    @Test
    void notPrivilegedRule_privilegedFalse_passes() {
        RenderFixture fixture = RenderFixture.primary()
                .set("demo-mysql", LMS_CONTAINER + ".securityContext.privileged", false);

        assertEquals(List.of(), violations("workload-not-privileged", fixture));
    }

    @Test
    void dropCapabilitiesRule_dropsOnlyNetRaw_isMandatoryViolation() {
        RenderFixture fixture = RenderFixture.primary()
                .set("demo-cms", LMS_CONTAINER + ".securityContext.capabilities", Map.of("drop", List.of("NET_RAW")));

        assertSingle(violations("workload-drop-capabilities", fixture), "workload-drop-capabilities",
                Level.MANDATORY, "demo-cms", "capabilities.drop: [ALL]");
    }

    @Test
    void noHostAccessRule_hostNetworkAndHostPath_isOneMandatoryViolationNamingBoth() {
        RenderFixture fixture = RenderFixture.primary()
                .set("demo-lms-worker", "spec.template.spec.hostNetwork", true)
                .set("demo-lms-worker", "spec.template.spec.volumes[1]",
                        Map.of("name", "docker-sock", "hostPath", Map.of("path", "/var/run/docker.sock")));

        Violation violation = assertSingle(violations("workload-no-host-access", fixture), "workload-no-host-access",
                Level.MANDATORY, "demo-lms-worker", "emptyDir");
        assertTrue(violation.message().contains("hostNetwork") && violation.message().contains("docker-sock"),
                violation.message());
    }

    @Test
    void noHostAccessRule_hostPidFalse_passes() {
        RenderFixture fixture = RenderFixture.primary().set("demo-lms-worker", "spec.template.spec.hostPID", false);

        assertEquals(List.of(), violations("workload-no-host-access", fixture));
    }

    @Test
    void resourcesRule_missingMemoryLimit_isMandatoryViolationNamingTheField() {
        RenderFixture fixture = RenderFixture.primary()
                .remove("demo-lms-migrate", LMS_CONTAINER + ".resources.limits.memory");

        assertSingle(violations("workload-resources", fixture), "workload-resources", Level.MANDATORY,
                "demo-lms-migrate", "resources.limits.memory");
    }

    @Test
    void probesRule_deploymentWithoutReadinessProbe_isAdvisoryViolation() {
        RenderFixture fixture = RenderFixture.primary().remove("demo-lms", LMS_CONTAINER + ".readinessProbe");

        assertSingle(violations("workload-probes", fixture), "workload-probes", Level.ADVISORY, "demo-lms",
                "add an httpGet, tcpSocket or exec probe");
    }

    @Test
    void probesRule_jobWithoutProbes_passes() {
        RenderFixture fixture = RenderFixture.primary()
                .remove("demo-lms-migrate", LMS_CONTAINER + ".readinessProbe")
                .remove("demo-lms-migrate", LMS_CONTAINER + ".livenessProbe");

        assertEquals(List.of(), violations("workload-probes", fixture));
    }

    @Test
    void imagePinnedRule_latestTag_isMandatoryViolation() {
        RenderFixture fixture = RenderFixture.primary()
                .set("demo-cms", LMS_CONTAINER + ".image", "localhost:5000/openedx/openedx:latest");

        assertSingle(violations("image-pinned", fixture), "image-pinned", Level.MANDATORY, "demo-cms",
                "pin a release tag or a digest");
    }

    @Test
    void imagePinnedRule_registryPortButNoTag_isMandatoryViolation() {
        RenderFixture fixture = RenderFixture.primary()
                .set("demo-cms", LMS_CONTAINER + ".image", "localhost:5000/openedx/openedx");

        assertSingle(violations("image-pinned", fixture), "image-pinned", Level.MANDATORY, "demo-cms",
                "has no tag");
    }

    @Test
    void imagePinnedRule_digestWithoutTag_passes() {
        RenderFixture fixture = RenderFixture.primary().set("demo-cms", LMS_CONTAINER + ".image",
                "localhost:5000/openedx/openedx@sha256:" + "ab".repeat(32));

        assertEquals(List.of(), violations("image-pinned", fixture));
    }

    @Test
    void imageRegistryRule_dockerHubImage_isMandatoryViolation() {
        RenderFixture fixture = RenderFixture.primary()
                .set("demo-mongodb", LMS_CONTAINER + ".image", "docker.io/library/mongo:7.0.14");

        assertSingle(violations("image-registry", fixture), "image-registry", Level.MANDATORY, "demo-mongodb",
                "mirror it into one of them");
    }

    @Test
    void imageRegistryRule_registryListedInParameters_passes() {
        RenderFixture fixture = RenderFixture.primary()
                .set("demo-mongodb", LMS_CONTAINER + ".image", "registry.example.org/mirror/mongo:7.0.14");
        PolicySet policySet = new PolicySet(List.of(new PolicySet.ConfiguredRule(
                RuleCatalog.find("image-registry").orElseThrow(), Level.MANDATORY,
                new RuleParameters(Map.of("allowedRegistries", List.of("localhost:5000/", "registry.example.org/"))),
                List.of())));

        assertEquals(List.of(), policySet.evaluate(fixture.resources(), fixture.context()));
    }
}
