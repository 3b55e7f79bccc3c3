package io.edxstack.backup;

import io.edxstack.render.DesiredState;
import io.edxstack.render.DesiredStateJson;
import io.edxstack.render.RenderedResource;
import io.edxstack.state.ResourceState;
import io.edxstack.testing.TestProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The backup side of the program: which CronJobs run where, and how they are built. */
class BackupScheduleTest {
    private static final String CRON_JOB = "kubernetes:batch/v1:CronJob";

    @TempDir
    Path tempDir;

    @Test
    void activeStack_backsUpEveryDatabaseOfEveryPlatformAndPrunes_restoresNothing() {
        DesiredState primary = TestProject.REPOSITORY_RENDER.primary();

        assertThat(names(primary.ofType(CRON_JOB))).containsExactlyInAnyOrder(
                "demo-backup-mysql", "demo-backup-mongodb", "demo-prune-backups",
                "training-backup-mysql", "training-backup-mongodb", "training-prune-backups");
        assertThat(primary.ofType(CRON_JOB)).noneMatch(r -> r.state().input("metadata.labels") instanceof Map<?, ?> labels
                && labels.containsKey("edxstack.io/restore"));
    }

    @Test
    void standbyStack_restoresEveryDatabaseOfItsPlatforms_backsUpNothing() {
        DesiredState dr = TestProject.REPOSITORY_RENDER.dr();

        assertThat(names(dr.ofType(CRON_JOB))).containsExactlyInAnyOrder("demo-restore-mysql", "demo-restore-mongodb");
        ResourceState restore = dr.get(CRON_JOB, "demo-restore-mysql").state();
        assertThat(container(restore).get("args")).isEqualTo(List.of("restore", "mysql", "--backup", "latest"));
        assertThat(env(restore)).containsEntry("EDXSTACK_STACK_ROLE", "standby").containsEntry("EDXSTACK_REGION", "RegionTwo");
        assertThat(restore.input("spec.schedule")).isEqualTo("45 */2 * * *");
    }

    @Test
    void backupCronJob_isForbiddenToOverlapBoundedInTimeAndRunsRestricted() {
        ResourceState job = TestProject.REPOSITORY_RENDER.primary().get(CRON_JOB, "demo-backup-mysql").state();

        assertThat(job.input("metadata.namespace")).isEqualTo("demo");
        assertThat(job.input("metadata.labels")).isEqualTo(Map.of(
                "app.kubernetes.io/instance", "demo", "app.kubernetes.io/part-of", "openedx",
                "app.kubernetes.io/managed-by", "edxstack", "app.kubernetes.io/name", "backup-agent",
                "edxstack.io/platform", "demo", "edxstack.io/backup", "mysql"));
        assertThat(job.input("spec.schedule")).isEqualTo("15 */2 * * *");
        assertThat(job.input("spec.concurrencyPolicy")).isEqualTo("Forbid");
        assertThat(job.input("spec.startingDeadlineSeconds")).isEqualTo(900L);
        assertThat(job.input("spec.successfulJobsHistoryLimit")).isEqualTo(3L);
        assertThat(job.input("spec.failedJobsHistoryLimit")).isEqualTo(5L);
        assertThat(job.input("spec.jobTemplate.spec.activeDeadlineSeconds")).isEqualTo(21600L);
        assertThat(job.input("spec.jobTemplate.spec.backoffLimit")).isEqualTo(1L);
        assertThat(job.input("spec.jobTemplate.spec.template.spec.securityContext")).isEqualTo(Map.of(
                "runAsNonRoot", true, "runAsUser", 10001L, "runAsGroup", 10001L, "fsGroup", 10001L,
                "seccompProfile", Map.of("type", "RuntimeDefault")));
        Map<String, Object> container = container(job);
        assertThat(container.get("image")).isEqualTo("localhost:5000/edxstack/backup-agent:1.0.0");
        assertThat(container.get("args")).isEqualTo(List.of("backup", "mysql"));
        assertThat(container.get("resources")).isEqualTo(Map.of(
                "requests", Map.of("cpu", "500m", "memory", "384Mi"), "limits", Map.of("cpu", "2", "memory", "768Mi")));
        assertThat(container.get("securityContext")).isEqualTo(Map.of("allowPrivilegeEscalation", false, "privileged", false,
                "readOnlyRootFilesystem", true, "runAsNonRoot", true, "capabilities", Map.of("drop", List.of("ALL"))));
    }

    @Test
    void backupCronJob_getsSecretsOnlyByReference() {
        ResourceState job = TestProject.REPOSITORY_RENDER.primary().get(CRON_JOB, "demo-backup-mongodb").state();

        assertThat(env(job)).containsEntry("EDXSTACK_S3_ENDPOINT", "https://s3.regiontwo.example.org")
                .containsEntry("EDXSTACK_S3_BUCKET", "edxstack-backups")
                .containsEntry("EDXSTACK_MONGODB_PASSWORD_FILE", "/run/secrets/edxstack/mongodb/password")
                .doesNotContainKeys("EDXSTACK_MONGODB_PASSWORD", "MYSQL_PWD");
        List<Map<String, Object>> env = envList(job);
        assertThat(env).filteredOn(e -> e.get("name").equals("AWS_SECRET_ACCESS_KEY")).singleElement()
                .satisfies(e -> assertThat(e).doesNotContainKey("value")
                        .containsEntry("valueFrom", Map.of("secretKeyRef", Map.of("name", "backup-s3", "key", "secret-key"))));
        ResourceState secret = TestProject.REPOSITORY_RENDER.primary().get("kubernetes:core/v1:Secret", "demo-backup-s3").state();
        assertThat(secret.input("stringData")).isEqualTo(ResourceState.SECRET);
    }

    @Test
    void bucketAndCredentials_bucketOnlyWhereItLivesProtected_keysFromKeystoneKeptSecret() {
        DesiredState dr = TestProject.REPOSITORY_RENDER.dr();
        RenderedResource bucket = dr.get("openstack:objectstorage/container:Container", "prod-dr-backup-bucket");
        assertThat(bucket.state().protect()).isTrue();
        assertThat(bucket.state().inputs()).containsEntry("name", "edxstack-backups").containsEntry("region", "RegionTwo")
                .containsEntry("forceDestroy", false);
        assertThat(TestProject.REPOSITORY_RENDER.primary().ofType("openstack:objectstorage/container:Container"))
                .extracting(r -> r.state().name()).containsExactly("prod-primary-backup-copy-bucket");
        assertThat(dr.get("openstack:identity/ec2CredentialV3:Ec2CredentialV3", "prod-dr-backup-s3-credential")
                .additionalSecretOutputs()).containsExactly("secret");
    }

    @Test
    void copyBucket_inTheActiveRegion_protected_writtenByBackupAndPruneJobsOnly() {
        DesiredState primary = TestProject.REPOSITORY_RENDER.primary();
        RenderedResource copy = primary.get("openstack:objectstorage/container:Container", "prod-primary-backup-copy-bucket");
        assertThat(copy.state().protect()).isTrue();
        assertThat(copy.state().inputs()).containsEntry("name", "edxstack-backups-copy")
                .containsEntry("region", "RegionOne").containsEntry("forceDestroy", false);
        for (String job : List.of("demo-backup-mysql", "demo-backup-mongodb", "demo-prune-backups")) {
            assertThat(env(primary.get(CRON_JOB, job).state()))
                    .containsEntry("EDXSTACK_COPY_S3_ENDPOINT", "https://s3.regionone.example.org")
                    .containsEntry("EDXSTACK_COPY_S3_BUCKET", "edxstack-backups-copy")
                    .containsEntry("EDXSTACK_COPY_S3_REGION", "default");
        }
        TestProject project = TestProject.copyOfRepository(tempDir);
        project.setConfig("prod-dr", "edxstack:backup.copyS3Endpoint", "https://s3.regiontwo.example.org");
        project.setConfig("prod-dr", "edxstack:backup.copyBucket", "edxstack-backups-copy");
        assertThat(env(project.render("prod-dr").get(CRON_JOB, "demo-restore-mysql").state()))
                .doesNotContainKeys("EDXSTACK_COPY_S3_ENDPOINT", "EDXSTACK_COPY_S3_BUCKET");
    }

    @Test
    void credentialsFromConfig_createNoKeystoneCredentialAndNeverPrintTheKeys() {
        TestProject project = TestProject.copyOfRepository(tempDir);
        var raw = project.existingCluster("prod-primary", "kubeconfig");

        DesiredState state = io.edxstack.render.Renderer.render(project.dir(), "prod-primary", raw);

        assertThat(state.ofType("openstack:identity/ec2CredentialV3:Ec2CredentialV3")).isEmpty();
        assertThat(DesiredStateJson.write(state)).doesNotContain("byo-secret-key").doesNotContain("byo-access-key");
    }

    @Test
    void catalogueSchedule_overridesTheDefault() {
        TestProject project = TestProject.copyOfRepository(tempDir);
        project.write("stacks/platforms/demo.yaml", project.read("stacks/platforms/demo.yaml")
                + "backup:\n  schedule: \"5 * * * *\"\n  restoreSchedule: \"35 * * * *\"\n");

        assertThat(project.render("prod-primary").get(CRON_JOB, "demo-backup-mysql").state().input("spec.schedule"))
                .isEqualTo("5 * * * *");
        assertThat(project.render("prod-dr").get(CRON_JOB, "demo-restore-mongodb").state().input("spec.schedule"))
                .isEqualTo("35 * * * *");
    }

    private static List<String> names(List<RenderedResource> resources) {
        return resources.stream().map(r -> r.state().name()).toList();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> container(ResourceState job) {
        return ((List<Map<String, Object>>) job.input("spec.jobTemplate.spec.template.spec.containers")).get(0);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> envList(ResourceState job) {
        return (List<Map<String, Object>>) container(job).get("env");
    }

    static Map<String, Object> env(ResourceState job) {
        Map<String, Object> env = new java.util.TreeMap<>();
        envList(job).forEach(e -> env.put((String) e.get("name"), e.getOrDefault("value", e.get("valueFrom"))));
        return env;
    }
}
