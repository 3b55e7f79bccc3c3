package io.edxstack.backup;

import io.edxstack.backup.contract.DatabaseKind;
import io.edxstack.testing.AgentProcess;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.InputStream;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A data object changed in RGW after its backup: verify and restore refuse it and the database is untouched. */
@Tag("integration")
class CorruptedBackupTest {
    @Test
    void verifyAndRestore_objectOverwritten_failOnChecksumAndLeaveDatabaseUntouched() throws Exception {
        BackupTestEnvironment env = new BackupTestEnvironment("corrupt");
        env.createOpenEdxDatabase("edxapp_corrupt", 2000);
        Map<String, String> agent = env.agentEnvironment("corrupt", "edxapp_corrupt");
        AgentProcess.Result backup = AgentProcess.run(agent, 120, "backup", "mysql");
        assertEquals(0, backup.exitCode(), backup::toString);

        try (BackupStore store = env.store(); S3Client s3 = S3ClientFactory.create(env.settings(), 1)) {
            BackupManifest manifest = new S3BackupCatalogue(store, "backups")
                    .find("corrupt", DatabaseKind.MYSQL, S3BackupCatalogue.LATEST);
            byte[] bytes;
            try (InputStream in = store.open(manifest.objectKey())) {
                bytes = in.readAllBytes();
            }
            bytes[bytes.length / 2] ^= 0x01;
            s3.putObject(r -> r.bucket(env.bucket).key(manifest.objectKey()), RequestBody.fromBytes(bytes));
        }
        env.mariadb.sql("UPDATE edxapp_corrupt.auth_user SET email = 'changed@example.org' WHERE id = 1");
        String before = env.contentOf("edxapp_corrupt");

        AgentProcess.Result verify = AgentProcess.run(agent, 60, "backups", "verify");
        assertEquals(1, verify.exitCode(), verify::toString);
        assertTrue(verify.stderr().contains("has SHA-256"), verify.stderr());

        AgentProcess.Result restore = AgentProcess.run(agent, 120, "restore", "mysql");
        assertEquals(1, restore.exitCode(), restore::toString);
        assertTrue(restore.stderr().contains("SHA-256") || restore.stderr().contains("Corrupted block"),
                restore.stderr());
        assertEquals(before, env.contentOf("edxapp_corrupt"), "the live database changed");
        assertEquals("", env.mariadb.sql("SHOW DATABASES LIKE 'edxapp\\_corrupt\\_%'").strip(),
                "the staging database was dropped");
    }
}
