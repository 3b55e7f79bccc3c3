package io.edxstack.backup;

import io.edxstack.backup.contract.DatabaseKind;
import io.edxstack.testing.AgentProcess;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Crash safety: agents killed with SIGKILL at random points never leave a backup that looks complete, the
 * leftovers are cleaned by prune, and restore picks the newest complete backup. Seed: -Dedxstack.killSeed=N.
 */
@Tag("integration")
class BackupKillTest {
    private static final int RUNS = 20;

    @Test
    void backup_killedAtRandomPoints_leavesNoPartialBackup() throws Exception {
        long seed = Long.getLong("edxstack.killSeed", 20261121L);
        System.err.println("BackupKillTest seed " + seed + " (rerun with -Dedxstack.killSeed=" + seed + ")");
        Random random = new Random(seed);
        BackupTestEnvironment env = new BackupTestEnvironment("kills");
        // ~30 MB of random bytes: a ~60 MB hex dump and ~30 MB compressed, six 5 MiB parts, so kills land mid-upload.
        env.mariadb.sql("DROP DATABASE IF EXISTS edxapp_kill; CREATE DATABASE edxapp_kill;"
                + "CREATE TABLE edxapp_kill.blobs (id INT PRIMARY KEY, payload VARBINARY(1024)) ENGINE=InnoDB;"
                + "USE edxapp_kill; INSERT INTO blobs SELECT seq, RANDOM_BYTES(1024) FROM seq_1_to_30000;");
        String original = env.mariadb.sql("CHECKSUM TABLE edxapp_kill.blobs EXTENDED");
        Map<String, String> agent = env.agentEnvironment("killed", "edxapp_kill");

        long firstStart = System.nanoTime();
        AgentProcess.Result first = AgentProcess.run(agent, 120, "backup", "mysql");
        assertEquals(0, first.exitCode(), first::toString);
        // Kill points spread over the time a whole run takes here: on a loaded machine the JVM alone can take
        // seconds to start, and fixed delays would all land before the upload.
        long runMillis = (System.nanoTime() - firstStart) / 1_000_000;

        int killed = 0;
        for (int run = 0; run < RUNS; run++) {
            long delay = (long) (runMillis * (0.15 + 0.85 * random.nextDouble()));
            AgentProcess process = AgentProcess.start(agent, "backup", "mysql");
            Thread.sleep(delay);
            if (process.isAlive()) {
                process.kill();
                killed++;
            }
        }
        System.err.println("BackupKillTest: " + killed + " of " + RUNS + " runs killed");

        try (BackupStore store = env.store()) {
            S3BackupCatalogue catalogue = new S3BackupCatalogue(store, "backups");
            BackupInventory inventory = catalogue.inventory("killed", DatabaseKind.MYSQL);
            Set<String> manifests = store.list("backups/killed/mysql/").stream().map(StoredObject::key)
                    .filter(key -> key.endsWith(".manifest.json")).collect(Collectors.toSet());
            assertEquals(manifests.size(), inventory.complete().size(), "every manifest is a complete backup");
            for (BackupManifest backup : inventory.complete()) {
                new BackupVerifier(store).verify(backup);
            }
            int debris = inventory.uploads().size() + inventory.leftovers().size();
            assertTrue(inventory.uploads().size() >= 1, "no kill landed mid-upload; the test proved nothing");
            System.err.println("BackupKillTest: " + inventory.complete().size() + " complete, "
                    + inventory.uploads().size() + " uploads and " + inventory.leftovers().size() + " leftovers");

            AgentProcess.Result list = AgentProcess.run(agent, 60, "backups", "list", "--database", "mysql");
            List<String> listed = list.stdout().lines().skip(1).map(line -> line.split(" ")[0]).toList();
            assertEquals(inventory.complete().stream().map(BackupManifest::backupId).toList(), listed);

            AgentProcess.Result prune = AgentProcess.run(agent, 60, "backups", "prune", "--database", "mysql",
                    "--grace", "0s", "--min-keep", "100");
            assertEquals(0, prune.exitCode(), prune::toString);
            BackupInventory after = catalogue.inventory("killed", DatabaseKind.MYSQL);
            assertEquals(0, after.uploads().size(), prune.stdout());
            assertEquals(0, after.leftovers().size(), prune.stdout());
            assertEquals(inventory.complete(), after.complete(), "prune removed " + debris + " leftovers only");

            env.mariadb.sql("DELETE FROM edxapp_kill.blobs WHERE id % 2 = 0");
            AgentProcess.Result restore = AgentProcess.run(agent, 180, "restore", "mysql");
            assertEquals(0, restore.exitCode(), restore::toString);
            assertTrue(restore.stdout().contains(listed.get(0)), "restore chose the newest complete backup");
            assertEquals(original, env.mariadb.sql("CHECKSUM TABLE edxapp_kill.blobs EXTENDED"));
        }
    }
}
