package io.edxstack.backup;

import io.edxstack.testing.MariaDbServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real mariadb-dump output loaded over several real client sessions into a real MariaDB. */
@Tag("integration")
class ParallelSqlLoadTest {
    private final MariaDbServer mariadb = MariaDbServer.shared();

    @Test
    void load_ofARealDump_givesTheSameRowsTriggersAndRoutines() {
        mariadb.sql("""
                DROP DATABASE IF EXISTS pl_source; CREATE DATABASE pl_source CHARACTER SET utf8mb4; USE pl_source;
                CREATE TABLE parent (id INT PRIMARY KEY, note TEXT, raw VARBINARY(64)) ENGINE=InnoDB;
                CREATE TABLE child (id INT AUTO_INCREMENT PRIMARY KEY, parent_id INT NOT NULL, body LONGTEXT,
                  CONSTRAINT fk_parent FOREIGN KEY (parent_id) REFERENCES parent (id)) ENGINE=InnoDB;
                CREATE TABLE empty_one (id INT PRIMARY KEY) ENGINE=InnoDB;
                CREATE TABLE audit (id INT AUTO_INCREMENT PRIMARY KEY, child_id INT) ENGINE=InnoDB;
                INSERT INTO parent SELECT seq, CONCAT('line one;\\nINSERT INTO `parent` VALUES (0);\\n-- ', seq, ' ✓'),
                  UNHEX(MD5(seq)) FROM seq_1_to_400;
                INSERT INTO child (parent_id, body) SELECT 1 + seq % 400, REPEAT(CONCAT('row ', seq, '),\\n'), 200)
                  FROM seq_1_to_6000;
                INSERT INTO parent VALUES (401, NULL, NULL), (402, '', '');
                CREATE TRIGGER child_audit AFTER INSERT ON child FOR EACH ROW INSERT INTO audit (child_id) VALUES (NEW.id);
                CREATE PROCEDURE count_children() SELECT COUNT(*) FROM child;
                """);
        String original = content("pl_source");
        mariadb.sql("DROP DATABASE IF EXISTS pl_target; CREATE DATABASE pl_target CHARACTER SET utf8mb4;");

        long statements = load("pl_source", "pl_target", 3);

        assertTrue(statements > 5, "the dump of 6000 long rows spans many INSERT statements: " + statements);
        assertEquals(original, content("pl_target"));
        assertEquals("0", mariadb.sql("SELECT COUNT(*) FROM pl_target.audit").strip(),
                "the trigger is created after the rows, so loading them fired nothing");
        assertEquals("child_audit", mariadb.sql("SELECT trigger_name FROM information_schema.triggers "
                + "WHERE trigger_schema = 'pl_target'").strip());
        assertEquals("count_children", mariadb.sql("SELECT routine_name FROM information_schema.routines "
                + "WHERE routine_schema = 'pl_target'").strip());
    }

    @Test
    void load_whenAStatementFails_throwsWithTheErrorButNoRowInsteadOfHanging() {
        mariadb.sql("DROP DATABASE IF EXISTS pl_failing; CREATE DATABASE pl_failing;");
        ParallelSqlLoad load = new ParallelSqlLoad(MysqlTools.loadSession(connection("pl_failing"),
                MysqlTools.DEFAULT_CLIENT), 2);
        String dump = "/*!40101 SET NAMES utf8mb4 */;\nCREATE TABLE t (id INT PRIMARY KEY, v TEXT);\n"
                + "INSERT INTO `t` VALUES\n(1,'learner@example.org'),\n(1,'learner@example.org');\n".repeat(50);
        LoadToolException failure = assertThrows(LoadToolException.class, () ->
                assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                    load.start();
                    try {
                        byte[] bytes = dump.getBytes(StandardCharsets.UTF_8);
                        load.write(bytes, 0, bytes.length);
                        load.finish();
                    } finally {
                        load.abort();
                    }
                }));
        assertTrue(failure.getMessage().contains("ERROR 1062"), failure.getMessage());
        assertFalse(failure.getMessage().contains("learner@example.org"), failure.getMessage());
    }

    /** Dumps {@code source} with the agent's own dump command and loads it; returns the INSERT statements seen. */
    private long load(String source, String target, int sessions) {
        ParallelSqlLoad load = new ParallelSqlLoad(MysqlTools.loadSession(connection(target), MysqlTools.DEFAULT_CLIENT),
                sessions);
        long[] inserts = {0};
        Process dump = MysqlTools.dump(connection(source), "mariadb-dump").start();
        load.start();
        try (InputStream in = dump.getInputStream()) {
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                load.write(buffer, 0, n);
                inserts[0] += count(buffer, n);
            }
            assertEquals(0, dump.waitFor());
            load.finish();
        } catch (IOException | InterruptedException e) {
            load.abort();
            throw new AssertionError(e);
        }
        assertNotEquals(0, inserts[0]);
        return inserts[0];
    }

    private static int count(byte[] buffer, int length) {
        String text = new String(buffer, 0, length, StandardCharsets.ISO_8859_1);
        return text.split("\nINSERT INTO ", -1).length - 1;
    }

    private MysqlConnection connection(String database) {
        return new MysqlConnection(mariadb.host(), mariadb.port(), MariaDbServer.USER, MariaDbServer.PASSWORD, database);
    }

    /** Every row of every table in key order (binary as hex, which the fixture's UTF-8 reader can take). */
    private String content(String database) {
        return mariadb.sql("SELECT * FROM " + database + ".audit ORDER BY 1;"
                + "SELECT * FROM " + database + ".child ORDER BY 1;"
                + "SELECT COUNT(*) FROM " + database + ".empty_one;"
                + "SELECT id, note, HEX(raw) FROM " + database + ".parent ORDER BY 1;");
    }
}
