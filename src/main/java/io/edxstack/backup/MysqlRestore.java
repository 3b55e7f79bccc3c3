package io.edxstack.backup;

import io.edxstack.backup.contract.AgentEnv;
import java.time.Duration;

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

    /** {@code sessions} MariaDB client sessions load the dump at once; 1 pipes it through a single client. */
    public void run(BackupManifest manifest, MysqlConnection target, String client, int sessions) {
        MysqlSql.requirePlainName(target.database(), "--mysql-database / " + AgentEnv.MYSQL_DATABASE);
        if (target.database().length() > 54) {
            throw new BackupSettingsException("database name " + target.database() + " is too long to derive staging "
                    + "names from (54 characters at most)");
        }
        MysqlSql sql = new MysqlSql(target, client);
        MysqlStaging staging = new MysqlStaging(sql, target.database(), RestoreRunSuffix.next(), log);
        MysqlStaging.Swap swap;
        try {
            staging.createDroppingLeftovers();
            MysqlConnection stagingDb = target.withDatabase(staging.stagingName());
            LoadTarget load = sessions == 1 ? new SingleToolLoad(MysqlTools.load(stagingDb, client))
                    : new ParallelSqlLoad(MysqlTools.loadSession(stagingDb, client), sessions);
            BackupLoad.run(store, manifest, load, "staging database "
                    + stagingDb.database(), log, progressInterval);
            swap = staging.requireOnlyTables();
        } catch (RuntimeException e) {
            staging.dropQuietly();
            throw e;
        }
        staging.swapIntoPlace(swap);
    }
}
