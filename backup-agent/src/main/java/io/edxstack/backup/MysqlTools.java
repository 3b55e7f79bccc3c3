package io.edxstack.backup;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Command lines for mariadb-dump and the mariadb client. The password goes to the tool as MYSQL_PWD in its
 * environment: Linux shows a process's environment only to its own user and root (/proc/PID/environ is 0400),
 * unlike its command line, and unlike a defaults file nothing is left on disk when the agent is SIGKILLed. The
 * container runs one process tree under one UID, so the environment is no wider than a 0600 file would be.
 */
public final class MysqlTools {
    public static final String DEFAULT_DUMP_TOOL = "mariadb-dump";
    public static final String DEFAULT_CLIENT = "mariadb";

    private MysqlTools() {
    }

    /**
     * A consistent, streamable dump of one database, without CREATE DATABASE/USE so that it loads into any name
     * (restore loads it into a staging database). --single-transaction reads one InnoDB snapshot without locking
     * tables; --quick streams rows instead of buffering each table in the tool; --hex-blob keeps binary columns
     * intact whatever the client's character set; routines, triggers and events make the dump complete.
     */
    public static ToolInvocation dump(MysqlConnection db, String tool) {
        List<String> command = new ArrayList<>(List.of(tool));
        command.addAll(connectionFlags(db));
        command.addAll(List.of("--single-transaction", "--quick", "--routines", "--triggers", "--events",
                "--hex-blob", "--no-tablespaces", "--default-character-set=utf8mb4", "--max-allowed-packet=1G",
                db.database()));
        return new ToolInvocation(command, passwordEnvironment(db));
    }

    /** The client reading a dump on stdin into {@code db.database()}, stopping at the first error. */
    public static ToolInvocation load(MysqlConnection db, String client) {
        List<String> command = new ArrayList<>(List.of(client));
        command.addAll(connectionFlags(db));
        command.addAll(List.of("--batch", "--default-character-set=utf8mb4", "--max-allowed-packet=1G",
                "--database=" + db.database()));
        return new ToolInvocation(command, passwordEnvironment(db));
    }

    /**
     * One session of a parallel load into {@code db.database()}: as {@link #load}, printing result rows without
     * headers and flushing them after each statement, since the load reads its own progress markers back.
     */
    public static ToolInvocation loadSession(MysqlConnection db, String client) {
        List<String> command = new ArrayList<>(load(db, client).command());
        command.addAll(command.size() - 1, List.of("--skip-column-names", "--unbuffered"));
        return new ToolInvocation(command, passwordEnvironment(db));
    }

    /** The client running the SQL it reads on stdin, printing result rows tab-separated without headers. */
    public static ToolInvocation sql(MysqlConnection db, String client) {
        List<String> command = new ArrayList<>(List.of(client));
        command.addAll(connectionFlags(db));
        command.addAll(List.of("--batch", "--skip-column-names", "--raw", "--default-character-set=utf8mb4"));
        return new ToolInvocation(command, passwordEnvironment(db));
    }

    private static List<String> connectionFlags(MysqlConnection db) {
        return List.of("--host=" + db.host(), "--port=" + db.port(), "--protocol=TCP", "--user=" + db.user());
    }

    private static Map<String, String> passwordEnvironment(MysqlConnection db) {
        return db.password().isEmpty() ? Map.of() : Map.of("MYSQL_PWD", db.password());
    }
}
