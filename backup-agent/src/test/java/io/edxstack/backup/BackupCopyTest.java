package io.edxstack.backup;

import io.edxstack.testing.AgentProcess;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The optional copy of each backup in a second bucket, on real MariaDB and Ceph RGW (two buckets of one RGW). */
@Tag("integration")
class BackupCopyTest {
    private static BackupTestEnvironment env;
    private static BackupTestEnvironment copyBucket;

    @BeforeAll
    static void servers() {
        env = new BackupTestEnvironment("copied");
        copyBucket = new BackupTestEnvironment("copy");
        env.createOpenEdxDatabase("edxapp_copy", 200);
    }

    @Test
    void backup_withACopy_writesACompleteVerifiableBackupToBothBuckets() {
        Map<String, String> agent = withCopy(env.agentEnvironment("copied", "edxapp_copy"), copyBucket.bucket);

        AgentProcess.Result backup = AgentProcess.run(agent, 120, "backup", "mysql");
        assertEquals(0, backup.exitCode(), backup::toString);
        String backupId = backup.stdout().split(" ")[0];
        assertTrue(backup.stdout().contains("s3://" + copyBucket.bucket + "/"), backup::toString);
        assertTrue(backup.stderr().contains("copied to s3://" + copyBucket.bucket), backup::toString);

        Map<String, String> readCopy = new HashMap<>(agent);
        readCopy.put("EDXSTACK_S3_BUCKET", copyBucket.bucket);
        AgentProcess.Result list = AgentProcess.run(readCopy, 60, "backups", "list", "--database", "mysql");
        assertEquals(0, list.exitCode(), list::toString);
        assertTrue(list.stdout().contains(backupId), list::toString);
        AgentProcess.Result verify = AgentProcess.run(readCopy, 60, "backups", "verify", "--backup", backupId);
        assertEquals(0, verify.exitCode(), verify::toString);
    }

    @Test
    void backup_whoseCopyFails_isCompleteInItsBucketAndTheRunFails() {
        Map<String, String> agent = withCopy(env.agentEnvironment("copyfails", "edxapp_copy"), "no-such-bucket-here");

        AgentProcess.Result backup = AgentProcess.run(agent, 120, "backup", "mysql");
        assertEquals(1, backup.exitCode(), backup::toString);
        String backupId = backup.stdout().split(" ")[0];
        assertTrue(backup.stderr().contains("is complete in s3://" + env.bucket + ", but its copy to "
                + "s3://no-such-bucket-here"), backup::toString);
        AgentProcess.Result list = AgentProcess.run(agent, 60, "backups", "list", "--database", "mysql");
        assertTrue(list.stdout().contains(backupId), list::toString);
    }

    @Test
    void prune_withACopy_appliesTheRetentionToBothBuckets() {
        Map<String, String> agent = withCopy(env.agentEnvironment("pruned", "edxapp_copy"), copyBucket.bucket);
        String older = AgentProcess.run(agent, 120, "backup", "mysql").stdout().split(" ")[0];
        AgentProcess.Result newer = AgentProcess.run(agent, 120, "backup", "mysql");
        assertEquals(0, newer.exitCode(), newer::toString);

        AgentProcess.Result prune = AgentProcess.run(agent, 60, "backups", "prune", "--keep-daily", "1",
                "--keep-weekly", "0", "--min-keep", "1");
        assertEquals(0, prune.exitCode(), prune::toString);
        assertTrue(prune.stdout().contains("mysql delete " + older), prune::toString);
        assertTrue(prune.stdout().contains("copy mysql delete " + older), prune::toString);

        Map<String, String> readCopy = new HashMap<>(agent);
        readCopy.put("EDXSTACK_S3_BUCKET", copyBucket.bucket);
        AgentProcess.Result list = AgentProcess.run(readCopy, 60, "backups", "list", "--database", "mysql");
        assertFalse(list.stdout().contains(older), list::toString);
        assertTrue(list.stdout().contains(newer.stdout().split(" ")[0]), list::toString);
    }

    @Test
    void backup_copyIntoItsOwnBucket_isRefusedBeforeAnything() {
        Map<String, String> agent = withCopy(env.agentEnvironment("samebucket", "edxapp_copy"), env.bucket);
        AgentProcess.Result backup = AgentProcess.run(agent, 60, "backup", "mysql");
        assertEquals(1, backup.exitCode(), backup::toString);
        assertTrue(backup.stderr().contains("the copy's bucket is the backups' own bucket"), backup::toString);
        assertEquals("", backup.stdout(), "no backup was taken");
    }

    private static Map<String, String> withCopy(Map<String, String> agent, String bucket) {
        agent.put("EDXSTACK_COPY_S3_ENDPOINT", env.rgw.endpoint().toString());
        agent.put("EDXSTACK_COPY_S3_BUCKET", bucket);
        return agent;
    }
}
