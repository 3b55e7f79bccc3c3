package io.edxstack.backup;

import io.edxstack.testing.AgentProcess;
import io.edxstack.testing.CephRgwServer;
import io.edxstack.testing.MariaDbServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Failing backups, run as the CronJob runs them: non-zero exit, a message saying what failed, nothing left. */
@Tag("integration")
class BackupFailureTest {
    private static BackupTestEnvironment env;

    @BeforeAll
    static void servers() {
        env = new BackupTestEnvironment("failures");
        env.createOpenEdxDatabase("edxapp_fail", 200);
    }

    @Test
    void backup_dumpToolFails_abortsUploadAndExitsNonZero() {
        Map<String, String> agent = env.agentEnvironment("failing", "no_such_database");
        AgentProcess.Result result = AgentProcess.run(agent, 60, "backup", "mysql");
        assertEquals(1, result.exitCode(), result::toString);
        assertTrue(result.stderr().contains("error: mariadb-dump exited with code"), result.stderr());
        assertTrue(result.stderr().contains("Unknown database 'no_such_database'"), "stderr tail: " + result.stderr());
        assertNothingStored("backups/failing/");
    }

    @Test
    void backup_wrongSecretKey_saysCredentials() {
        Map<String, String> agent = env.agentEnvironment("badkey", "edxapp_fail");
        agent.put("AWS_SECRET_ACCESS_KEY", "not-the-secret");
        AgentProcess.Result result = AgentProcess.run(agent, 60, "backup", "mysql");
        assertEquals(1, result.exitCode(), result::toString);
        assertTrue(result.stderr().contains("S3 refused the credentials"), result.stderr());
        assertTrue(result.stderr().contains("SignatureDoesNotMatch"), result.stderr());
        assertFalse(result.stderr().contains("not-the-secret"), "secret leaked: " + result.stderr());
    }

    @Test
    void backup_wrongDatabasePassword_failsWithoutPrintingIt() {
        Map<String, String> agent = env.agentEnvironment("badpw", "edxapp_fail");
        agent.put("EDXSTACK_MYSQL_PASSWORD", "wrong-Db-password");
        AgentProcess.Result result = AgentProcess.run(agent, 60, "backup", "mysql");
        assertNotEquals(0, result.exitCode(), result::toString);
        assertTrue(result.stderr().contains("Access denied"), result.stderr());
        assertFalse(result.stderr().contains("wrong-Db-password"), "password leaked: " + result.stderr());
        assertNothingStored("backups/badpw/");
    }

    @Test
    void backup_missingBucket_namesFlagAndEnvironmentVariable() {
        Map<String, String> agent = env.agentEnvironment("nobucket", "edxapp_fail");
        agent.remove("EDXSTACK_S3_BUCKET");
        AgentProcess.Result result = AgentProcess.run(agent, 60, "backup", "mysql");
        assertEquals(1, result.exitCode(), result::toString);
        assertTrue(result.stderr().contains("missing S3 bucket, perhaps set --s3-bucket or EDXSTACK_S3_BUCKET"),
                result.stderr());
    }

    @Test
    void backup_success_logsProgressAndNoSecret() {
        Map<String, String> agent = env.agentEnvironment("quiet", "edxapp_fail");
        AgentProcess.Result result = AgentProcess.run(agent, 60, "backup", "mysql");
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.stderr().contains("done,"), result.stderr());
        for (String secret : new String[] {MariaDbServer.PASSWORD, CephRgwServer.SECRET_KEY}) {
            assertFalse(result.stderr().contains(secret) || result.stdout().contains(secret), "secret leaked");
        }
    }

    private static void assertNothingStored(String prefix) {
        try (BackupStore store = env.store()) {
            assertEquals(0, store.pendingUploads(prefix).size(), "multipart upload was not aborted");
            assertEquals(0, store.list(prefix).size(), "objects were left behind");
        }
    }
}
