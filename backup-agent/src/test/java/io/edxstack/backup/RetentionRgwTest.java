package io.edxstack.backup;

import io.edxstack.backup.contract.DatabaseKind;
import io.edxstack.testing.AgentProcess;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Prune against Ceph RGW: what the retention function decides is what S3 holds afterwards. */
@Tag("integration")
class RetentionRgwTest {
    @Test
    void prune_dailyBackupsAndFutureOne_keepsPolicyAndFutureDeletesRest() {
        BackupTestEnvironment env = new BackupTestEnvironment("retention");
        BackupKeys keys = new BackupKeys("backups", "campus", DatabaseKind.MYSQL);
        // Whole days apart from now: each backup falls on its own UTC day whatever the time of the run.
        Instant today = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<BackupManifest> stored = List.of(
                Manifests.at(today.plus(Duration.ofDays(400)).toString(), "ffffff"),
                Manifests.at(today.toString(), "000000"),
                Manifests.at(today.minus(Duration.ofDays(1)).toString(), "000001"),
                Manifests.at(today.minus(Duration.ofDays(2)).toString(), "000002"),
                Manifests.at(today.minus(Duration.ofDays(3)).toString(), "000003"));
        try (BackupStore store = env.store()) {
            for (BackupManifest manifest : stored) {
                store.putText(manifest.objectKey(), "dump");
                store.putText(keys.manifestKey(manifest.id()), manifest.toJson());
            }
            store.putText("backups/campus/mysql/20260101T000000Z-dead00.sql.zst", "incomplete");

            Map<String, String> agent = env.agentEnvironment("campus", "unused");
            AgentProcess.Result dryRun = AgentProcess.run(agent, 60, "backups", "prune", "--database", "mysql",
                    "--keep-daily", "2", "--keep-weekly", "0", "--min-keep", "1", "--grace", "1h", "--dry-run");
            assertEquals(0, dryRun.exitCode(), dryRun::toString);
            assertTrue(dryRun.stdout().contains("would delete " + stored.get(3).backupId()), dryRun.stdout());
            assertEquals(5, new S3BackupCatalogue(store, "backups").completeBackups("campus", DatabaseKind.MYSQL)
                    .size(), "dry run changed nothing");

            AgentProcess.Result prune = AgentProcess.run(agent, 60, "backups", "prune", "--database", "mysql",
                    "--keep-daily", "2", "--keep-weekly", "0", "--min-keep", "1", "--grace", "1h");
            assertEquals(0, prune.exitCode(), prune::toString);
            BackupInventory after = new S3BackupCatalogue(store, "backups").inventory("campus", DatabaseKind.MYSQL);
            assertEquals(List.of(stored.get(0).backupId(), stored.get(1).backupId(), stored.get(2).backupId()),
                    after.complete().stream().map(BackupManifest::backupId).toList());
            assertEquals(List.of(), after.leftovers().stream().filter(o -> o.key().contains("T000000Z-0000"))
                    .toList(), "expired backups lost both objects");
            assertEquals(1, after.leftovers().size(), "the fresh incomplete object waits for its grace period");
        }
    }
}
