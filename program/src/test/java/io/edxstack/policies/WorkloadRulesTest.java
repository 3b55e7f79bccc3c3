package io.edxstack.policies;

import static io.edxstack.policies.RuleAssertions.assertSingle;
import static io.edxstack.policies.RuleAssertions.violations;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edxstack.review.change.PropertyPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The workload rules on what the program renders, each broken once by an edit of the real render. */
class WorkloadRulesTest {

    private static final String DEPLOYMENT = "Deployment";
    private static final String POD = "spec.template.spec";
    private static final String MAIN = POD + ".containers[0]";
    private static final String BACKUP_CONTAINER = "spec.jobTemplate.spec.template.spec.containers[0]";

    @Test
    void noRootRule_containerWithoutRunAsNonRoot_isMandatoryViolation() {
        RealRender render = RealRender.primary()
                .remove(DEPLOYMENT, "demo-lms", MAIN + ".securityContext.runAsNonRoot")
                .remove(DEPLOYMENT, "demo-lms", POD + ".securityContext.runAsNonRoot");

        Violation violation = assertSingle(violations("workload-non-root", render), "workload-non-root",
                Level.MANDATORY, "demo-lms", "runAsNonRoot: true");
        assertTrue(violation.message().contains("Deployment demo/lms"), violation.message());
    }

    @Test
    void noRootRule_runAsNonRootOnlyOnPod_passes() {
        RealRender render = RealRender.primary().remove(DEPLOYMENT, "demo-lms", MAIN + ".securityContext.runAsNonRoot");

        assertEquals(List.of(), violations("workload-non-root", render));
    }

    @Test
    void noRootRule_initContainerRunningAsUidZero_isMandatoryViolation() {
        RealRender render = RealRender.primary().set(DEPLOYMENT, "demo-lms", POD + ".initContainers",
                List.of(Map.of("name", "chown-media", "image", "localhost:5000/library/busybox:1.36.1",
                        "securityContext", Map.of("runAsUser", 0))));

        Violation violation = assertSingle(violations("workload-non-root", render), "workload-non-root",
                Level.MANDATORY, "demo-lms", "runAsUser");
        assertTrue(violation.message().contains("chown-media"), violation.message());
    }

    @Test
    void noPrivilegeEscalationRule_fieldUnset_isMandatoryViolation() {
        RealRender render = RealRender.primary()
                .remove("CronJob", "demo-backup-mysql", BACKUP_CONTAINER + ".securityContext.allowPrivilegeEscalation");

        assertSingle(violations("workload-no-privilege-escalation", render), "workload-no-privilege-escalation",
                Level.MANDATORY, "demo-backup-mysql", "allowPrivilegeEscalation: false");
    }

    @Test
    void notPrivilegedRule_privilegedContainer_isMandatoryViolation() {
        RealRender render = RealRender.primary().set("StatefulSet", "demo-mysql", MAIN + ".securityContext.privileged", true);

        assertSingle(violations("workload-not-privileged", render), "workload-not-privileged",
                Level.MANDATORY, "demo-mysql", "set it to false");
    }

    @Test
    void dropCapabilitiesRule_dropsOnlyNetRaw_isMandatoryViolation() {
        RealRender render = RealRender.primary()
                .set(DEPLOYMENT, "demo-cms", MAIN + ".securityContext.capabilities", Map.of("drop", List.of("NET_RAW")));

        assertSingle(violations("workload-drop-capabilities", render), "workload-drop-capabilities",
                Level.MANDATORY, "demo-cms", "capabilities.drop: [ALL]");
    }

    @Test
    void noHostAccessRule_hostNetworkAndHostPath_isOneMandatoryViolationNamingBoth() {
        RealRender render = RealRender.primary()
                .set(DEPLOYMENT, "demo-lms-worker", POD + ".hostNetwork", true)
                .append(DEPLOYMENT, "demo-lms-worker", POD + ".volumes",
                        Map.of("name", "docker-sock", "hostPath", Map.of("path", "/var/run/docker.sock")));

        Violation violation = assertSingle(violations("workload-no-host-access", render), "workload-no-host-access",
                Level.MANDATORY, "demo-lms-worker", "emptyDir");
        assertTrue(violation.message().contains("hostNetwork") && violation.message().contains("docker-sock"),
                violation.message());
    }

    @Test
    void noHostAccessRule_hostPidFalse_passes() {
        RealRender render = RealRender.primary().set(DEPLOYMENT, "demo-lms-worker", POD + ".hostPID", false);

        assertEquals(List.of(), violations("workload-no-host-access", render));
    }

    @Test
    void resourcesRule_missingMemoryLimit_isMandatoryViolationNamingTheField() {
        RealRender render = RealRender.primary();
        String job = render.nameStartingWith("Job", "demo-lms-init-");
        render.remove("Job", job, MAIN + ".resources.limits.memory");

        assertSingle(violations("workload-resources", render), "workload-resources", Level.MANDATORY, job,
                "resources.limits.memory");
    }

    @Test
    void probesRule_deploymentWithoutReadinessProbe_isAdvisoryViolation() {
        RealRender render = RealRender.primary().remove(DEPLOYMENT, "demo-lms", MAIN + ".readinessProbe");

        assertSingle(violations("workload-probes", render), "workload-probes", Level.ADVISORY, "demo-lms",
                "add an httpGet, tcpSocket or exec probe");
    }

    @Test
    void probesRule_renderedJobsHaveNoProbes_andPass() {
        RealRender render = RealRender.primary();

        List<io.edxstack.state.ResourceState> jobs = render.resources().stream().filter(r -> r.type().endsWith(":Job")).toList();
        assertTrue(!jobs.isEmpty() && jobs.stream().allMatch(job -> PropertyPath.lookup(job.inputs(), MAIN + ".image") != null
                && PropertyPath.lookup(job.inputs(), MAIN + ".readinessProbe") == null));
        assertEquals(List.of(), violations("workload-probes", render));
    }

    @Test
    void imagePinnedRule_latestTag_isMandatoryViolation() {
        RealRender render = RealRender.primary()
                .set(DEPLOYMENT, "demo-cms", MAIN + ".image", "localhost:5000/openedx/openedx:latest");

        assertSingle(violations("image-pinned", render), "image-pinned", Level.MANDATORY, "demo-cms",
                "pin a release tag or a digest");
    }

    @Test
    void imagePinnedRule_registryPortButNoTag_isMandatoryViolation() {
        RealRender render = RealRender.primary().set(DEPLOYMENT, "demo-cms", MAIN + ".image", "localhost:5000/openedx/openedx");

        assertSingle(violations("image-pinned", render), "image-pinned", Level.MANDATORY, "demo-cms", "has no tag");
    }

    @Test
    void imagePinnedRule_digestWithoutTag_passes() {
        RealRender render = RealRender.primary().set(DEPLOYMENT, "demo-cms", MAIN + ".image",
                "localhost:5000/openedx/openedx@sha256:" + "ab".repeat(32));

        assertEquals(List.of(), violations("image-pinned", render));
    }

    @Test
    void imageRegistryRule_dockerHubImage_isMandatoryViolation() {
        RealRender render = RealRender.primary()
                .set("StatefulSet", "demo-mongodb", MAIN + ".image", "docker.io/library/mongo:7.0.14");

        assertSingle(violations("image-registry", render), "image-registry", Level.MANDATORY, "demo-mongodb",
                "mirror it into one of them");
    }

    @Test
    void imageRegistryRule_registryListedInParameters_passes() {
        RealRender render = RealRender.primary()
                .set("StatefulSet", "demo-mongodb", MAIN + ".image", "registry.example.org/mirror/mongo:7.0.14");
        PolicySet policySet = new PolicySet(List.of(new PolicySet.ConfiguredRule(
                RuleCatalog.find("image-registry").orElseThrow(), Level.MANDATORY,
                new RuleParameters(Map.of("allowedRegistries", List.of("localhost:5000/", "registry.example.org/"))),
                List.of())));

        assertEquals(List.of(), policySet.evaluate(render.resources(), render.context()));
    }

    // --- read-only root filesystem, seccomp, capabilities added, root group

    @Test
    void readOnlyRootFilesystemRule_everyRenderedContainer_passes_andAWritableOneIsMandatoryViolation() {
        assertEquals(List.of(), violations("workload-read-only-root-filesystem", RealRender.primary()));
        RealRender render = RealRender.primary()
                .set(DEPLOYMENT, "demo-smtp", MAIN + ".securityContext.readOnlyRootFilesystem", false);

        assertSingle(violations("workload-read-only-root-filesystem", render), "workload-read-only-root-filesystem",
                Level.MANDATORY, "demo-smtp", "readOnlyRootFilesystem: true");
    }

    @Test
    void seccompRule_podProfileIsEnoughForTheBackupAgent_butUnconfinedOnTheContainerOverridesIt() {
        RealRender render = RealRender.primary();
        var agent = render.get("CronJob", "demo-backup-mysql").inputs();
        assertEquals(null, PropertyPath.lookup(agent, BACKUP_CONTAINER + ".securityContext.seccompProfile"),
                "the agent's profile comes from its pod");
        assertEquals(true, PropertyPath.lookup(agent, BACKUP_CONTAINER + ".securityContext.readOnlyRootFilesystem"));
        assertEquals(List.of(), violations("workload-seccomp", render));

        render.set("CronJob", "demo-backup-mysql", BACKUP_CONTAINER + ".securityContext.seccompProfile",
                Map.of("type", "Unconfined"));
        assertSingle(violations("workload-seccomp", render), "workload-seccomp", Level.MANDATORY, "demo-backup-mysql",
                "seccompProfile.type: RuntimeDefault");
    }

    @Test
    void seccompRule_noProfileOnPodOrContainer_isMandatoryViolation() {
        RealRender render = RealRender.primary()
                .remove(DEPLOYMENT, "demo-mfe", POD + ".securityContext.seccompProfile")
                .remove(DEPLOYMENT, "demo-mfe", MAIN + ".securityContext.seccompProfile");

        Violation violation = assertSingle(violations("workload-seccomp", render), "workload-seccomp", Level.MANDATORY,
                "demo-mfe", "RuntimeDefault");
        assertTrue(violation.message().contains("sets no seccomp profile"), violation.message());
    }

    @Test
    void addedCapabilitiesRule_sysAdminAdded_isMandatoryViolation_netBindServicePasses() {
        RealRender render = RealRender.primary()
                .set(DEPLOYMENT, "demo-caddy", MAIN + ".securityContext.capabilities.add", List.of("NET_BIND_SERVICE"));
        assertEquals(List.of(), violations("workload-no-added-capabilities", render));

        render.set(DEPLOYMENT, "demo-caddy", MAIN + ".securityContext.capabilities.add",
                List.of("NET_BIND_SERVICE", "CAP_SYS_ADMIN"));
        Violation violation = assertSingle(violations("workload-no-added-capabilities", render),
                "workload-no-added-capabilities", Level.MANDATORY, "demo-caddy", "remove them");
        assertTrue(violation.message().contains("[CAP_SYS_ADMIN]"), violation.message());
    }

    @Test
    void rootGroupRule_runAsGroupZeroOnContainer_isMandatoryViolation() {
        RealRender render = RealRender.primary().set(DEPLOYMENT, "demo-lms", MAIN + ".securityContext.runAsGroup", 0);

        assertSingle(violations("workload-no-root-group", render), "workload-no-root-group", Level.MANDATORY,
                "demo-lms", "runAsGroup 0");
    }

    @Test
    void rootGroupRule_noRunAsGroupAndFsGroupZero_reportsBoth() {
        RealRender render = RealRender.primary()
                .remove("StatefulSet", "demo-redis", POD + ".securityContext.runAsGroup")
                .set("StatefulSet", "demo-redis", POD + ".securityContext.fsGroup", 0);

        List<Violation> found = violations("workload-no-root-group", render);

        assertEquals(2, found.size(), found::toString);
        assertTrue(found.stream().anyMatch(v -> v.message().contains("sets no runAsGroup")), found::toString);
        assertTrue(found.stream().anyMatch(v -> v.message().contains("fsGroup 0")), found::toString);
    }

    // --- service-account token, host ports, secrets in env, probe ports

    @Test
    void serviceAccountTokenRule_renderedPodsOptOut_andATokenMountedByDefaultIsMandatoryViolation() {
        assertEquals(List.of(), violations("workload-service-account-token", RealRender.primary()));
        RealRender render = RealRender.primary().remove(DEPLOYMENT, "demo-cms", POD + ".automountServiceAccountToken");

        assertSingle(violations("workload-service-account-token", render), "workload-service-account-token",
                Level.MANDATORY, "demo-cms", "automountServiceAccountToken: false");
    }

    @Test
    void serviceAccountTokenRule_serviceAccountThatOptsOut_passesForPodsThatDoNotSayOtherwise() {
        RealRender render = RealRender.primary()
                .remove(DEPLOYMENT, "demo-cms", POD + ".automountServiceAccountToken")
                .set(DEPLOYMENT, "demo-cms", POD + ".serviceAccountName", "cms")
                .with(serviceAccount("demo", "cms", false));

        assertEquals(List.of(), violations("workload-service-account-token", render));
        render.set(DEPLOYMENT, "demo-cms", POD + ".automountServiceAccountToken", true);
        assertSingle(violations("workload-service-account-token", render), "workload-service-account-token",
                Level.MANDATORY, "demo-cms", "needs the Kubernetes API");
    }

    @Test
    void hostPortRule_containerPortWithHostPort_isMandatoryViolation() {
        RealRender render = RealRender.primary().set(DEPLOYMENT, "demo-caddy", MAIN + ".ports[1].hostPort", 443);

        Violation violation = assertSingle(violations("workload-no-host-ports", render), "workload-no-host-ports",
                Level.MANDATORY, "demo-caddy", "reach the container through a Service");
        assertTrue(violation.message().contains("hostPort 443 (containerPort 8443)"), violation.message());
    }

    @Test
    void secretLiteralsRule_renderedEnvTakesSecretsByReference_andPasses() {
        RealRender render = RealRender.primary();
        // The rendered agent names its password file in a *_PASSWORD_FILE literal: a path, not a secret.
        assertTrue(((List<?>) PropertyPath.lookup(render.get("CronJob", "demo-backup-mysql").inputs(), BACKUP_CONTAINER + ".env"))
                .stream().anyMatch(e -> "EDXSTACK_MYSQL_PASSWORD_FILE".equals(((Map<?, ?>) e).get("name"))));

        assertEquals(List.of(), violations("workload-no-secret-literals", render));
    }

    @Test
    void secretLiteralsRule_literalPasswordPulumiSecretAndUrlPassword_areEachMandatoryViolations() {
        RealRender render = RealRender.primary()
                .append(DEPLOYMENT, "demo-lms", MAIN + ".env", Map.of("name", "EDXSTACK_MYSQL_PASSWORD", "value", "hunter2"))
                .append(DEPLOYMENT, "demo-lms", MAIN + ".env", Map.of("name", "SENTRY_DSN", "value", "[secret]"))
                .append(DEPLOYMENT, "demo-lms", MAIN + ".env",
                        Map.of("name", "CACHE_URL", "value", "redis://default:s3cr3t@redis:6379/1"))
                .append(DEPLOYMENT, "demo-lms", MAIN + ".env",
                        Map.of("name", "BROKER_URL", "value", "redis://default:$(REDIS_PASSWORD)@redis:6379/0"));

        List<String> messages = violations("workload-no-secret-literals", render).stream().map(Violation::message).toList();

        assertEquals(3, messages.size(), messages::toString);
        assertTrue(messages.stream().anyMatch(m -> m.contains("EDXSTACK_MYSQL_PASSWORD has a literal value")), messages::toString);
        assertTrue(messages.stream().anyMatch(m -> m.contains("SENTRY_DSN is a Pulumi secret")), messages::toString);
        assertTrue(messages.stream().anyMatch(m -> m.contains("CACHE_URL holds a URL with a password")), messages::toString);
    }

    @Test
    void probePortsRule_renderedProbesUseDeclaredPorts_andAnUndeclaredNameIsMandatoryViolation() {
        assertEquals(List.of(), violations("workload-probe-ports", RealRender.primary()));
        RealRender render = RealRender.primary()
                .set(DEPLOYMENT, "demo-cms", MAIN + ".readinessProbe.httpGet.port", "web")
                .set("StatefulSet", "demo-mysql", MAIN + ".livenessProbe.tcpSocket.port", 3307);

        List<Violation> found = violations("workload-probe-ports", render);

        assertEquals(List.of("demo-cms", "demo-mysql"), found.stream().map(Violation::name).sorted().toList());
        assertTrue(found.stream().allMatch(v -> v.level() == Level.MANDATORY && v.message().contains("does not declare")),
                found::toString);
    }

    private static io.edxstack.state.ResourceState serviceAccount(String namespace, String name, boolean automount) {
        String type = "kubernetes:core/v1:ServiceAccount";
        return new io.edxstack.state.ResourceState("urn:pulumi:prod-primary::edxstack::" + type + "::" + namespace + "-"
                + name, type, namespace + "-" + name, null, null, false, Map.of("apiVersion", "v1", "kind",
                "ServiceAccount", "metadata", Map.of("name", name, "namespace", namespace),
                "automountServiceAccountToken", automount));
    }
}
