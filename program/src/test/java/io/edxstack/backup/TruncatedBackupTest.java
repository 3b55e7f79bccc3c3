package io.edxstack.backup;

import io.edxstack.backup.contract.DatabaseKind;
import io.edxstack.failover.BackupFreshness;
import io.edxstack.failover.BackupFreshnessReport;
import io.edxstack.failover.PlatformDatabase;
import io.edxstack.testing.AgentProcess;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The newest backup's data object truncated in RGW after its manifest was written: the failover check, a restore
 * of "latest" and {@code backups verify --all} must not trust it. The check and the restore fall back to the
 * previous backup and say which they skipped; verify --all fails naming it.
 */
@Tag("integration")
class TruncatedBackupTest {
    @Test
    void newestDataObjectTruncated_checkAndRestoreUseThePreviousBackup_verifyAllFails() throws Exception {
        BackupTestEnvironment env = new BackupTestEnvironment("truncated");
        env.createOpenEdxDatabase("edxapp_trunc", 600);
        Map<String, String> agent = env.agentEnvironment("trunc", "edxapp_trunc");
        AgentProcess.Result first = AgentProcess.run(agent, 120, "backup", "mysql");
        assertThat(first.exitCode()).as(first::toString).isZero();
        String good = first.stdout().split(" ")[0];
        String original = env.contentOf("edxapp_trunc");
        Thread.sleep(1100);
        env.mariadb.sql("DELETE FROM edxapp_trunc.courseware_studentmodule WHERE id % 4 = 0;");
        AgentProcess.Result second = AgentProcess.run(agent, 120, "backup", "mysql");
        assertThat(second.exitCode()).as(second::toString).isZero();
        String truncated = second.stdout().split(" ")[0];
        assertThat(truncated).isGreaterThan(good);

        try (BackupStore store = env.store(); S3Client s3 = S3ClientFactory.create(env.settings(), 1)) {
            String key = new BackupKeys("backups", "trunc", DatabaseKind.MYSQL).dataKey(new BackupId(truncated));
            byte[] bytes;
            try (InputStream in = store.open(key)) {
                bytes = in.readAllBytes();
            }
            s3.putObject(r -> r.bucket(env.bucket).key(key), RequestBody.fromBytes(Arrays.copyOf(bytes, bytes.length / 2)));

            BackupFreshnessReport report = BackupFreshness.check(new S3BackupCatalogue(store, "backups"),
                    List.of(new PlatformDatabase("trunc", DatabaseKind.MYSQL)), Duration.ofHours(24), Clock.systemUTC());
            assertThat(report.withinRpo()).isTrue();
            assertThat(report.entries().get(0).newestBackupId()).contains(good);
            assertThat(report.toText()).contains("backup " + good).contains("skipped").contains(truncated)
                    .contains("data object holds " + bytes.length / 2 + " bytes");
        }
        env.mariadb.sql("UPDATE edxapp_trunc.auth_user SET email = 'changed@example.org' WHERE id < 10;");

        AgentProcess.Result restore = AgentProcess.run(agent, 180, "restore", "mysql", "--backup", "latest");
        assertThat(restore.exitCode()).as(restore::toString).isZero();
        assertThat(restore.stdout()).contains("restored " + good);
        assertThat(restore.stderr()).contains("using backup " + good).contains("skipped " + truncated);
        assertThat(env.contentOf("edxapp_trunc")).isEqualTo(original);

        AgentProcess.Result named = AgentProcess.run(agent, 60, "restore", "mysql", "--backup", truncated);
        assertThat(named.exitCode()).as(named::toString).isEqualTo(1);
        assertThat(named.stderr()).contains("error: backup " + truncated).contains("cannot be restored");

        AgentProcess.Result verifyAll = AgentProcess.run(agent, 120, "backups", "verify", "--all");
        assertThat(verifyAll.exitCode()).as(verifyAll::toString).isEqualTo(1);
        assertThat(verifyAll.stdout()).contains("verified " + good).contains("FAILED   " + truncated);
        assertThat(verifyAll.stderr()).contains("error: 1 of 2 backups failed verification: " + truncated);
    }
}
