package io.edxstack.backup;

import io.edxstack.testing.AgentProcess;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole path on real MariaDB and Ceph RGW, through the agent's command line in its own JVM. */
@Tag("integration")
class MysqlRoundTripTest {
    private static BackupTestEnvironment env;

    @BeforeAll
    static void servers() {
        env = new BackupTestEnvironment("roundtrip");
    }

    @Test
    void restore_afterDataChanged_bringsBackTheBackedUpRows() {
        env.createOpenEdxDatabase("edxapp_rt", 3000);
        String original = env.contentOf("edxapp_rt");
        Map<String, String> agent = env.agentEnvironment("campus", "edxapp_rt");

        AgentProcess.Result backup = AgentProcess.run(agent, 120, "backup", "mysql");
        assertEquals(0, backup.exitCode(), backup::toString);
        assertFalse(backup.stderr().contains(io.edxstack.testing.MariaDbServer.PASSWORD), "password leaked");
        String backupId = backup.stdout().split(" ")[0];

        AgentProcess.Result list = AgentProcess.run(agent, 60, "backups", "list", "--database", "mysql");
        assertEquals(0, list.exitCode(), list::toString);
        assertTrue(list.stdout().contains(backupId), list::toString);
        assertTrue(list.stdout().contains("test-region-1"), list::toString);

        AgentProcess.Result verify = AgentProcess.run(agent, 60, "backups", "verify", "--backup", backupId);
        assertEquals(0, verify.exitCode(), verify::toString);

        env.mariadb.sql("UPDATE edxapp_rt.courseware_studentmodule SET state = '{\"attempts\": 99}' WHERE id < 100;"
                + "DELETE FROM edxapp_rt.student_courseenrollment WHERE user_id > 2500;"
                + "CREATE TABLE edxapp_rt.added_after_backup (id INT PRIMARY KEY);");
        assertNotEquals(original, env.contentOf("edxapp_rt"));

        AgentProcess.Result restore = AgentProcess.run(agent, 180, "restore", "mysql", "--backup", "latest");
        assertEquals(0, restore.exitCode(), restore::toString);
        assertTrue(restore.stdout().contains(backupId), restore::toString);
        assertTrue(restore.stderr().contains("with 2 sessions of mariadb"), restore.stderr());

        assertEquals(original, env.contentOf("edxapp_rt"));
        assertEquals("", env.mariadb.sql("SHOW DATABASES LIKE 'edxapp\\_rt\\_%'").strip(),
                "staging and previous databases are dropped after the swap");
    }

    @Test
    void restore_throughASingleClient_bringsBackTheSameRows() {
        env.createOpenEdxDatabase("edxapp_single", 500);
        String original = env.contentOf("edxapp_single");
        Map<String, String> agent = env.agentEnvironment("single", "edxapp_single");
        AgentProcess.Result backup = AgentProcess.run(agent, 120, "backup", "mysql");
        assertEquals(0, backup.exitCode(), backup::toString);
        env.mariadb.sql("DELETE FROM edxapp_single.courseware_studentmodule WHERE id % 2 = 0;");

        agent.put("EDXSTACK_LOAD_SESSIONS", "0");
        AgentProcess.Result refused = AgentProcess.run(agent, 60, "restore", "mysql");
        assertEquals(1, refused.exitCode(), refused::toString);
        assertTrue(refused.stderr().contains("--load-sessions (EDXSTACK_LOAD_SESSIONS) must be between 1 and 16"),
                refused::toString);

        agent.put("EDXSTACK_LOAD_SESSIONS", "1");
        AgentProcess.Result restore = AgentProcess.run(agent, 120, "restore", "mysql");
        assertEquals(0, restore.exitCode(), restore::toString);
        assertTrue(restore.stderr().contains("with mariadb --host="), restore.stderr());
        assertEquals(original, env.contentOf("edxapp_single"));
    }

    @Test
    void restore_afterInterruptedRestore_dropsItsStagingAndKeepsReplacedData() {
        env.createOpenEdxDatabase("edxapp_left", 100);
        Map<String, String> agent = env.agentEnvironment("leftovers", "edxapp_left");
        AgentProcess.Result backup = AgentProcess.run(agent, 120, "backup", "mysql");
        assertEquals(0, backup.exitCode(), backup::toString);
        env.mariadb.sql("CREATE DATABASE edxapp_left_rs_0a0b0c; CREATE DATABASE edxapp_left_old_0d0e0f;"
                + "CREATE TABLE edxapp_left_old_0d0e0f.auth_user (id INT PRIMARY KEY);");

        AgentProcess.Result restore = AgentProcess.run(agent, 120, "restore", "mysql");
        assertEquals(0, restore.exitCode(), restore::toString);
        assertTrue(restore.stderr().contains("dropped staging database edxapp_left_rs_0a0b0c"), restore.stderr());
        assertTrue(restore.stderr().contains("database edxapp_left_old_0d0e0f holds the data"), restore.stderr());
        assertEquals("edxapp_left_old_0d0e0f", env.mariadb.sql("SHOW DATABASES LIKE 'edxapp\\_left\\_%'").strip());
    }

    @Test
    void restore_activeStack_refusedBeforeTouchingAnything() {
        Map<String, String> agent = env.agentEnvironment("guarded", "edxapp_guarded");
        agent.put("EDXSTACK_STACK_ROLE", "active");
        AgentProcess.Result restore = AgentProcess.run(agent, 60, "restore", "mysql");
        assertEquals(1, restore.exitCode(), restore::toString);
        assertTrue(restore.stderr().contains("error: restore refused: platform guarded runs on the active stack"),
                restore.stderr());
    }
}
