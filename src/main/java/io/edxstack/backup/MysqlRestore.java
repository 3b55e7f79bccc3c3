package io.edxstack.backup;

import java.time.Duration;
import java.util.List;

/**
 * Restores a MySQL backup without ever serving a half-loaded database. The dump loads into a staging database;
 * only when the whole object matched its SHA-256 and the client exited 0 does one multi-table RENAME TABLE move
 * the live tables into a "previous" database and the staged ones into place. MariaDB applies a multi-table RENAME
 * atomically (all or none), so readers see the old tables or the new ones, never a mix; the previous data is
 * dropped only after the rename succeeded. Any failure before that drops the staging database and leaves the
 * live one as it was.
 */
public final class MysqlRestore {
    private final BackupStore store;
    private final AgentLog log;
    private final Duration progressInterval;

    public MysqlRestore(BackupStore store, AgentLog log, Duration progressInterval) {
        this.store = store;
        this.log = log;
        this.progressInterval = progressInterval;
    }

    public void run(BackupManifest manifest, MysqlConnection target, String client) {
        MysqlSql.requirePlainName(target.database(), "--mysql-database / EDXSTACK_MYSQL_DATABASE");
        if (target.database().length() > 54) {
            throw new BackupSettingsException("database name " + target.database() + " is too long to derive staging "
                    + "names from (54 characters at most)");
        }
        MysqlSql sql = new MysqlSql(target, client);
        MysqlStaging staging = new MysqlStaging(sql, target.database(), RestoreRunSuffix.next(), log);
        staging.dropLeftovers();
        staging.create();
        try {
            MysqlConnection stagingDb = target.withDatabase(staging.stagingName());
            BackupLoad.run(store, manifest, MysqlTools.load(stagingDb, client), "staging database "
                    + stagingDb.database(), log, progressInterval);
            staging.requireOnlyTables();
        } catch (RuntimeException e) {
            staging.dropQuietly();
            throw e;
        }
        staging.swapIntoPlace();
    }

    static List<String> tablesOf(MysqlSql sql, String database) {
        return sql.query("SELECT table_name FROM information_schema.tables WHERE table_schema = "
                        + MysqlSql.literal(database) + " AND table_type = 'BASE TABLE' ORDER BY table_name")
                .stream().map(row -> row.get(0)).toList();
    }
}
