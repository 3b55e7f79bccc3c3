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

    /**
     * {@code sessions} MariaDB client sessions load the dump at once; 1 pipes it through a single client. Sessions
     * inserting into the same table can lose a lock conflict to each other (ERROR 1213 deadlock, 1205 lock wait
     * timeout), which rolls back a statement the client will not retry: the whole load is then done again, from S3,
     * through one session, which has nobody to conflict with. The live database is untouched until a load has
     * completed, so the retry costs time only.
     */
    public void run(BackupManifest manifest, MysqlConnection target, String client, int sessions) {
        MysqlSql.requirePlainName(target.database(), "--mysql-database / " + AgentEnv.MYSQL_DATABASE);
        if (target.database().length() > 54) {
            throw new BackupSettingsException("database name " + target.database() + " is too long to derive staging "
                    + "names from (54 characters at most)");
        }
        try {
            load(manifest, target, client, sessions);
        } catch (LoadToolException e) {
            if (sessions == 1 || !isLockConflict(e)) {
                throw e;
            }
            log.info("restore " + manifest.backupId() + ": the " + sessions + " load sessions lost a lock conflict "
                    + "between them (" + e.getMessage() + "); staging dropped, loading again through one session");
            load(manifest, target, client, 1);
        }
    }

    /** A statement rolled back because it conflicted with another session: not a fault of the backup. */
    static boolean isLockConflict(LoadToolException e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("ERROR 1213 (40001)") || message.contains("ERROR 1205 (HY000)");
    }

    private void load(BackupManifest manifest, MysqlConnection target, String client, int sessions) {
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
