package io.edxstack.backup;

import io.edxstack.backup.contract.AgentEnv;
import io.edxstack.backup.contract.DatabaseKind;
import io.edxstack.state.ResourceState;
import io.edxstack.testing.AgentProcess;
import io.edxstack.testing.CephRgwServer;
import io.edxstack.testing.MariaDbServer;
import io.edxstack.testing.TestProject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract between the program and the agent: the backup, restore and prune CronJobs of this repository's
 * stacks, rendered for real, run the agent's own jar (the one the image ships, no program class in it) with exactly
 * their args and environment (Secrets mounted as files, the image's JVM options), against real MariaDB and Ceph RGW. Only the addresses of the database and of S3 are
 * pointed at the test's servers; a rendered flag the agent does not know, a variable it misreads or a password
 * file it cannot read fails here.
 */
@Tag("integration")
class CronJobContractTest {
    private static final String CRON_JOB = "kubernetes:batch/v1:CronJob";
    private static final String BUCKET = "edxstack-backups";
    private static final String COPY_BUCKET = "edxstack-backups-copy";
    /** The test server's root has no password (docs/backup-agent.md): the mounted file is empty, and read. */
    private static final String ROOT_PASSWORD = "";

    private static final MariaDbServer MARIADB = MariaDbServer.shared();
    private static final CephRgwServer RGW = CephRgwServer.shared();

    @TempDir
    Path root;

    @BeforeAll
    static void buckets() {
        S3Settings settings = new S3Settings(RGW.endpoint(), "us-east-1", BUCKET, "backups", CephRgwServer.ACCESS_KEY,
                CephRgwServer.SECRET_KEY, 1);
        try (S3Client s3 = S3ClientFactory.create(settings, 1)) {
            for (String bucket : List.of(BUCKET, COPY_BUCKET)) {
                try {
                    s3.createBucket(r -> r.bucket(bucket));
                } catch (BucketAlreadyOwnedByYouException e) {
                    // a second run in the same JVM
                }
            }
        }
    }

    @Test
    void renderedCronJobs_backUpOnPrimary_restoreOnDr_pruneOnPrimary_withTheirOwnCommandLines() {
        BackupTestEnvironment data = new BackupTestEnvironment("contract");
        data.createOpenEdxDatabase("openedx", 400);
        String original = data.contentOf("openedx");
        List<String> jvm = CronJobPod.imageJvmOptions(TestProject.REPOSITORY.resolve("images/backup-agent/Dockerfile"));

        AgentProcess.Result backup = pod(TestProject.REPOSITORY_RENDER.primary(), "demo-backup-mysql", "backup")
                .run(jvm, 180);
        assertThat(backup.exitCode()).as(backup::toString).isZero();
        String id = backup.stdout().split(" ")[0];
        assertThat(backup.stdout()).contains("s3://" + BUCKET + "/backups/demo/mysql/" + id + ".sql.zst");
        assertThat(backup.stderr()).contains("copied").doesNotContain(CephRgwServer.SECRET_KEY);
        for (String bucket : List.of(BUCKET, COPY_BUCKET)) {
            try (BackupStore store = BackupStore.open(new S3Settings(RGW.endpoint(), "us-east-1", bucket, "backups",
                    CephRgwServer.ACCESS_KEY, CephRgwServer.SECRET_KEY, 1), 1)) {
                BackupManifest manifest = new S3BackupCatalogue(store, "backups").find("demo", DatabaseKind.MYSQL, id);
                assertThat(manifest.agentVersion()).isEqualTo("edxstack " + ReleaseTest.projectVersion());
                assertThat(manifest.stackRole()).isEqualTo("active");
                assertThat(manifest.region()).isEqualTo("RegionOne");
            }
        }

        MARIADB.sql("DELETE FROM openedx.courseware_studentmodule WHERE id % 3 = 0;\n"
                + "UPDATE openedx.auth_user SET email = 'changed@example.org' WHERE id < 50;\n");
        assertThat(data.contentOf("openedx")).isNotEqualTo(original);

        AgentProcess.Result restore = pod(TestProject.REPOSITORY_RENDER.dr(), "demo-restore-mysql", "restore")
                .run(jvm, 180);
        assertThat(restore.exitCode()).as(restore::toString).isZero();
        assertThat(restore.stdout()).contains(id);
        assertThat(data.contentOf("openedx")).isEqualTo(original);

        AgentProcess.Result prune = pod(TestProject.REPOSITORY_RENDER.primary(), "demo-prune-backups", "prune")
                .run(jvm, 120);
        assertThat(prune.exitCode()).as(prune::toString).isZero();
        try (BackupStore store = BackupStore.open(new S3Settings(RGW.endpoint(), "us-east-1", BUCKET, "backups",
                CephRgwServer.ACCESS_KEY, CephRgwServer.SECRET_KEY, 1), 1)) {
            assertThat(new S3BackupCatalogue(store, "backups").completeBackups("demo", DatabaseKind.MYSQL))
                    .extracting(BackupManifest::backupId).as("the newest backup outlives a prune").contains(id);
        }
    }

    /** The CronJob's pod, its Secrets as the program creates or expects them, only the addresses local. */
    private CronJobPod pod(io.edxstack.render.DesiredState state, String cronJob, String run) {
        ResourceState job = state.get(CRON_JOB, cronJob).state();
        Map<String, Map<String, String>> secrets = Map.of(
                "backup-s3", Map.of("access-key", CephRgwServer.ACCESS_KEY, "secret-key", CephRgwServer.SECRET_KEY),
                "mysql-credentials", Map.of("root-password", ROOT_PASSWORD));
        String endpoint = RGW.endpoint().toString();
        CronJobPod pod = new CronJobPod(job, secrets, root.resolve(run))
                .reroute(AgentEnv.S3_ENDPOINT, "https://s3.regiontwo.example.org", endpoint);
        if (!run.equals("restore")) {
            pod.reroute(AgentEnv.COPY_S3_ENDPOINT, "https://s3.regionone.example.org", endpoint);
        }
        if (!run.equals("prune")) {
            pod.reroute(AgentEnv.MYSQL_HOST, "mysql", MARIADB.host())
                    .reroute(AgentEnv.MYSQL_PORT, "3306", Integer.toString(MARIADB.port()));
        }
        return pod;
    }
}
