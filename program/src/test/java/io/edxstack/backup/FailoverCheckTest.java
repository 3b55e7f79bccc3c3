package io.edxstack.backup;

import io.edxstack.backup.contract.DatabaseKind;
import io.edxstack.cli.EdxstackCli;
import io.edxstack.testing.CephRgwServer;
import io.edxstack.testing.TestProject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code failover check --stack prod-dr} against the real Ceph RGW, reading only the backup bucket: what a
 * DR operator runs when the primary region is gone.
 */
@Tag("integration")
class FailoverCheckTest {
    @TempDir
    Path tempDir;

    @Test
    void failoverCheck_staleOrMissingBackup_exitsOneAndNamesIt_freshBackups_exitZero() throws Exception {
        var env = new BackupTestEnvironment("failover-check");
        TestProject project = TestProject.copyOfRepository(tempDir.resolve("project"))
                .setConfig("prod-dr", "edxstack:backup.s3Endpoint", env.rgw.endpoint().toString())
                .setConfig("prod-dr", "edxstack:backup.bucket", env.bucket)
                .setConfig("prod-dr", "edxstack:backup.s3Region", "us-east-1")
                .setConfig("prod-dr", "edxstack:backup.rpoMinutes", "120");
        Path secretFile = tempDir.resolve("s3-secret");
        Files.writeString(secretFile, CephRgwServer.SECRET_KEY);
        Instant now = Instant.now();
        try (BackupStore store = env.store()) {
            store(store, "demo", DatabaseKind.MYSQL, now.minus(Duration.ofMinutes(30)));
            store(store, "demo", DatabaseKind.MONGODB, now.minus(Duration.ofHours(5)));

            String[] args = {"failover", "check", "--stack", "prod-dr", "--project-dir", project.dir().toString(),
                    "--s3-access-key-id", CephRgwServer.ACCESS_KEY, "--s3-secret-key-file", secretFile.toString()};
            var stale = run(args);
            assertThat(stale.code()).isEqualTo(1);
            assertThat(stale.out()).contains("ok    demo/mysql").contains("STALE demo/mongodb").contains("(RPO 2h00m)");

            store(store, "demo", DatabaseKind.MONGODB, now.minus(Duration.ofMinutes(10)));
            var fresh = run(args);
            assertThat(fresh.code()).isZero();
            assertThat(fresh.out()).contains("ok    demo/mongodb").doesNotContain("STALE");
        }
    }

    /** A complete backup as the agent leaves it: the object, then its manifest. */
    private static void store(BackupStore store, String platform, DatabaseKind kind, Instant finished) {
        BackupId id = BackupId.next(java.time.Clock.fixed(finished.minusSeconds(60), ZoneOffset.UTC));
        var keys = new BackupKeys("backups", platform, kind);
        var manifest = new BackupManifest(BackupManifest.FORMAT_VERSION, id.value(), platform, kind, "openedx",
                keys.dataKey(id), 4, "ab".repeat(32), 8, "zstd",
                "dump test", "edxstack test", "RegionOne", "active", finished.minusSeconds(60), finished, 5 * 1024 * 1024, 1);
        store.putText(manifest.objectKey(), "dump");
        store.putText(keys.manifestKey(id), manifest.toJson());
    }

    record Run(int code, String out) {
    }

    private static Run run(String... args) {
        PrintStream original = System.out;
        var out = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true));
            return new Run(EdxstackCli.run(args), out.toString());
        } finally {
            System.setOut(original);
        }
    }
}
