package io.edxstack.backup;

import io.edxstack.backup.contract.AgentEnv;
import io.edxstack.testing.AgentProcess;
import io.edxstack.testing.ServerBinaries;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A parallel restore whose session loses a lock conflict (ERROR 1213, as seen once in 57 two-session restores under
 * load) must not fail the DR path: the load is done again through one session and the restore succeeds. The
 * conflict is made certain by a load tool that is the real mariadb client except for the first load session,
 * which answers as the client does when its statement lost a deadlock.
 */
@Tag("integration")
class RestoreLockConflictTest {
    @TempDir
    Path dir;

    @Test
    void parallelLoadLosesADeadlock_restoreLoadsAgainThroughOneSession_andBringsBackTheRows() throws IOException {
        BackupTestEnvironment env = new BackupTestEnvironment("deadlock");
        env.createOpenEdxDatabase("edxapp_dl", 400);
        String original = env.contentOf("edxapp_dl");
        Map<String, String> agent = env.agentEnvironment("deadlock", "edxapp_dl");
        AgentProcess.Result backup = AgentProcess.run(agent, 120, "backup", "mysql");
        assertThat(backup.exitCode()).as(backup::toString).isZero();
        env.mariadb.sql("DELETE FROM edxapp_dl.courseware_studentmodule WHERE id % 2 = 0;");

        Path client = dir.resolve("mariadb-losing-a-deadlock");
        Files.writeString(client, """
                #!/bin/sh
                # One load session (load sessions are the invocations with --unbuffered) reads its first statement
                # and fails as the client does when its statement was chosen as a deadlock's victim.
                case " $* " in
                  *" --unbuffered "*)
                    if mkdir "%s" 2>/dev/null; then
                      head -n 1 >/dev/null
                      echo "ERROR 1213 (40001) at line 42: Deadlock found when trying to get lock; try restarting transaction" >&2
                      exit 1
                    fi ;;
                esac
                exec %s "$@"
                """.formatted(dir.resolve("lost-once"), ServerBinaries.require("mariadb")));
        Files.setPosixFilePermissions(client, PosixFilePermissions.fromString("rwx------"));
        agent.put(AgentEnv.LOAD_TOOL, client.toString());

        AgentProcess.Result restore = AgentProcess.run(agent, 180, "restore", "mysql");

        assertThat(Files.isDirectory(dir.resolve("lost-once"))).as("the conflict happened").isTrue();
        assertThat(restore.exitCode()).as(restore::toString).isZero();
        assertThat(restore.stderr()).contains("lost a lock conflict").contains("ERROR 1213 (40001)")
                .contains("loading again through one session");
        assertThat(env.contentOf("edxapp_dl")).isEqualTo(original);
        assertThat(env.mariadb.sql("SHOW DATABASES LIKE 'edxapp\\\\_dl\\\\_%'").strip()).isEmpty();
    }
}
