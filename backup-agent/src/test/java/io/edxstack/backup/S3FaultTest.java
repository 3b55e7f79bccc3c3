package io.edxstack.backup;

import io.edxstack.backup.contract.AgentEnv;
import io.edxstack.backup.contract.DatabaseKind;
import io.edxstack.testing.AgentProcess;
import io.edxstack.testing.SilentEndpoint;
import io.edxstack.testing.TcpCutProxy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * S3 faults that used to hang the agent or blame the wrong party, each against real MariaDB and Ceph RGW: the
 * backup must end within its documented bound (stall timeout, then the abort's retry window), exit 1 with a message
 * naming S3, the request, the key and the endpoint, leave its multipart upload aborted and list nothing.
 */
@Tag("integration")
class S3FaultTest {
    private static final int STALL_SECONDS = 5;
    private static final int ATTEMPTS = 2;
    /** Stall timeout, then the abort retried for at most max(30 s, attempts x stall), plus JVM start and dump. */
    private static final Duration BOUND = Duration.ofSeconds(STALL_SECONDS + 30 + 25);
    private static final String DATABASE = "edxapp_faults";
    private static BackupTestEnvironment env;

    @BeforeAll
    static void data() {
        env = new BackupTestEnvironment("faults");
        // 60 MiB of incompressible rows: a dozen 5 MiB parts, so that the upload is under way when the fault hits.
        env.mariadb.sql("DROP DATABASE IF EXISTS " + DATABASE + "; CREATE DATABASE " + DATABASE + ";"
                + "CREATE TABLE " + DATABASE + ".blobs (id INT PRIMARY KEY, payload VARBINARY(1024)) ENGINE=InnoDB;"
                + "USE " + DATABASE + "; INSERT INTO blobs SELECT seq, RANDOM_BYTES(1024) FROM seq_1_to_60000;");
    }

    @Test
    void proxyStopsRelaying_midUpload_failsNamingTheStalledPart_andAbortsOnceItRelaysAgain() throws Exception {
        try (TcpCutProxy proxy = new TcpCutProxy(env.rgw.port())) {
            proxy.stallAfter(12L * 1024 * 1024);
            proxy.holdNewConnections();
            Thread back = resumeLater(proxy::wasStalled, proxy::resume);
            String endpoint = "http://127.0.0.1:" + proxy.port();
            Timed run = backup("stalled", endpoint);
            back.join();

            assertThat(proxy.wasStalled()).isTrue();
            assertFailedWithin(run);
            assertThat(run.result.stderr()).contains("error: S3 UploadPart").contains("stalled")
                    .contains("s3://" + env.bucket + "/backups/stalled/mysql/").contains(endpoint)
                    .doesNotContain("mariadb-dump exited").doesNotContain("Self-suppression");
        }
        assertNothingLeft("stalled");
    }

    @Test
    void proxyStallsOpenConnectionsOnly_theRetryOnAFreshConnectionCompletesTheBackup() throws Exception {
        try (TcpCutProxy proxy = new TcpCutProxy(env.rgw.port())) {
            proxy.stallAfter(12L * 1024 * 1024);
            Timed run = backup("stuck", "http://127.0.0.1:" + proxy.port());

            assertThat(proxy.wasStalled()).isTrue();
            assertThat(run.result.exitCode()).as(run.result::toString).isZero();
        }
        try (BackupStore store = env.store()) {
            BackupManifest manifest = new S3BackupCatalogue(store, "backups")
                    .find("stuck", DatabaseKind.MYSQL, S3BackupCatalogue.LATEST);
            new BackupVerifier(store).verify(manifest);
        }
    }

    @Test
    void rgwGoneMidUpload_thenBack_failsNamingS3_keepsTheFirstCause_andAborts() throws Exception {
        try (TcpCutProxy proxy = new TcpCutProxy(env.rgw.port())) {
            proxy.cutAfter(12L * 1024 * 1024);
            String endpoint = "http://127.0.0.1:" + proxy.port();
            Thread back = resumeLater(proxy::wasCut, () -> {
                try {
                    proxy.reopen();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            Timed run = backup("gone", endpoint);
            back.join();

            assertThat(proxy.wasCut()).isTrue();
            assertFailedWithin(run);
            assertThat(run.result.stderr()).contains("error: S3 UploadPart").contains(endpoint)
                    .contains("s3://" + env.bucket + "/backups/gone/mysql/")
                    .doesNotContain("Self-suppression").doesNotContain("mariadb-dump exited");
        }
        assertNothingLeft("gone");
    }

    @Test
    void rgwFrozenWithSigstop_midUpload_failsWithinTheBound_andAbortsOnceItThaws() throws Exception {
        AgentProcess agent = AgentProcess.start(environment("frozen", env.rgw.endpoint().toString()),
                "backup", "mysql");
        long start = System.nanoTime();
        try (BackupStore store = env.store()) {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (store.pendingUploads("backups/frozen/").isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(store.pendingUploads("backups/frozen/")).as("the upload started").isNotEmpty();
        }
        env.rgw.freezeGateway();
        try {
            Thread.sleep((STALL_SECONDS + 10) * 1000L);
        } finally {
            env.rgw.thawGateway();
        }
        AgentProcess.Result result = agent.await(BOUND.toSeconds() + 30);
        Timed run = new Timed(result, Duration.ofNanos(System.nanoTime() - start));

        assertFailedWithin(run);
        assertThat(result.stderr()).contains("error: S3").contains(env.rgw.endpoint().toString())
                .contains("s3://" + env.bucket + "/backups/frozen/mysql/").doesNotContain("Self-suppression");
        assertNothingLeft("frozen");
    }

    @Test
    void endpointAcceptsAndNeverAnswers_failsAfterTheAttemptsDeadlines() throws Exception {
        try (SilentEndpoint silent = new SilentEndpoint()) {
            Timed run = backup("silent", silent.endpoint());

            assertThat(silent.connections()).isPositive();
            assertFailedWithin(run);
            // Two attempts of at most the stall timeout each, and a backoff between them.
            assertThat(run.elapsed).isLessThan(Duration.ofSeconds(2L * STALL_SECONDS + 25));
            assertThat(run.result.stderr()).contains("error: S3 CreateMultipartUpload of s3://" + env.bucket
                    + "/backups/silent/mysql/").contains(silent.endpoint()).contains("got no answer");
        }
        assertNothingLeft("silent");
    }

    /** Once the fault happened, waits past the stall timeout and then lets S3 be reached again. */
    private static Thread resumeLater(java.util.function.BooleanSupplier happened, Runnable resume) {
        Thread thread = new Thread(() -> {
            try {
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (!happened.getAsBoolean() && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                Thread.sleep((STALL_SECONDS + 10) * 1000L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            resume.run();
        }, "resume-s3");
        thread.start();
        return thread;
    }

    private static Timed backup(String platform, String endpoint) {
        long start = System.nanoTime();
        AgentProcess.Result result = AgentProcess.run(environment(platform, endpoint), BOUND.toSeconds() + 30,
                "backup", "mysql");
        return new Timed(result, Duration.ofNanos(System.nanoTime() - start));
    }

    private static Map<String, String> environment(String platform, String endpoint) {
        Map<String, String> agent = env.agentEnvironment(platform, DATABASE);
        agent.put(AgentEnv.S3_ENDPOINT, endpoint);
        agent.put(AgentEnv.S3_STALL_TIMEOUT, STALL_SECONDS + "s");
        agent.put(AgentEnv.S3_MAX_ATTEMPTS, Integer.toString(ATTEMPTS));
        return agent;
    }

    private static void assertFailedWithin(Timed run) {
        assertThat(run.result.exitCode()).as(run.result::toString).isEqualTo(1);
        assertThat(run.elapsed).as(run.result::toString).isLessThan(BOUND);
    }

    /** No backup listed, no multipart upload left, no object of the failed run. */
    private static void assertNothingLeft(String platform) {
        try (BackupStore store = env.store()) {
            assertThat(new S3BackupCatalogue(store, "backups").completeBackups(platform, DatabaseKind.MYSQL)).isEmpty();
            assertThat(store.pendingUploads("backups/" + platform + "/")).as("multipart upload aborted").isEmpty();
            assertThat(store.list("backups/" + platform + "/")).isEmpty();
        }
    }

    private record Timed(AgentProcess.Result result, Duration elapsed) {
    }
}
