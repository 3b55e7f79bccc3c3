package io.edxstack.backup;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The exact command lines the agent runs. The MongoDB ones are checked here as built, because no MongoDB server
 * or tools can be installed on this machine; they have the same shape as the MySQL path (stream on stdout/stdin,
 * secrets off the command line).
 */
class ToolCommandLinesTest {
    private static final MysqlConnection MYSQL = new MysqlConnection("mysql.campus", 3306, "backup", "pw-Secret",
            "edxapp");
    private static final MongoConnection MONGO = new MongoConnection(
            "mongodb://backup:uri-Secret@mongodb.campus:27017/?authSource=admin", "pw-Secret", "openedx");

    @Test
    void mysqlDump_isConsistentStreamingAndKeepsPasswordInEnvironment() {
        ToolInvocation dump = MysqlTools.dump(MYSQL, "mariadb-dump");
        assertEquals(List.of("mariadb-dump", "--host=mysql.campus", "--port=3306", "--protocol=TCP", "--user=backup",
                "--single-transaction", "--quick", "--routines", "--triggers", "--events", "--hex-blob",
                "--no-tablespaces", "--default-character-set=utf8mb4", "--max-allowed-packet=1G", "edxapp"),
                dump.command());
        assertEquals(Map.of("MYSQL_PWD", "pw-Secret"), dump.environment());
        assertFalse(dump.toString().contains("pw-Secret"));
    }

    @Test
    void mysqlLoad_readsStdinIntoNamedDatabase() {
        ToolInvocation load = MysqlTools.load(MYSQL.withDatabase("edxapp_rs_abc123"), "mariadb");
        assertEquals(List.of("mariadb", "--host=mysql.campus", "--port=3306", "--protocol=TCP", "--user=backup",
                "--batch", "--default-character-set=utf8mb4", "--max-allowed-packet=1G",
                "--database=edxapp_rs_abc123"), load.command());
        assertEquals(Map.of("MYSQL_PWD", "pw-Secret"), load.environment());
    }

    @Test
    void mysqlTools_emptyPassword_setsNoEnvironment() {
        assertEquals(Map.of(), MysqlTools.dump(new MysqlConnection("h", 3306, "u", "", "x"), "mariadb-dump")
                .environment());
    }

    @Test
    void mongodump_writesOneArchiveToStdoutWithSecretsInConfigOnly() {
        ToolInvocation dump = MongoTools.dump(MONGO, "mongodump", Path.of("/tmp/p/mongodump.yaml"));
        assertEquals(List.of("mongodump", "--config=/tmp/p/mongodump.yaml", "--db=openedx", "--archive"),
                dump.command());
        assertEquals(Map.of(), dump.environment());
        assertTrue(dump.command().stream().noneMatch(arg -> arg.contains("Secret")));
    }

    @Test
    void mongorestore_loadsIntoStagedCollectionsOfSameDatabase() {
        ToolInvocation restore = MongoTools.restoreIntoStaging(MONGO, "mongorestore", Path.of("/tmp/p/r.yaml"),
                "__restore_abc123_");
        assertEquals(List.of("mongorestore", "--config=/tmp/p/r.yaml", "--archive", "--drop", "--stopOnError",
                "--nsInclude=openedx.*", "--nsFrom=openedx.$coll$", "--nsTo=openedx.__restore_abc123_$coll$"),
                restore.command());
    }

    @Test
    void mongoCredentialsYaml_holdsUriAndPassword() {
        String yaml = MongoTools.credentialsYaml(MONGO);
        assertTrue(yaml.contains("uri: \"mongodb://backup:uri-Secret@mongodb.campus:27017/?authSource=admin\""), yaml);
        assertTrue(yaml.contains("password: \"pw-Secret\""), yaml);
    }

    @Test
    void mongoConnection_toString_hidesUserInfo() {
        assertEquals("mongodb://***@mongodb.campus:27017/?authSource=admin db openedx", MONGO.toString());
        assertFalse(MYSQL.toString().contains("pw-Secret"));
    }
}
