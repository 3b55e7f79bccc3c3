package io.edxstack.backup;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static io.edxstack.backup.MysqlSql.literal;
import static io.edxstack.backup.MysqlSql.quote;

/**
 * The staging and previous databases of one restore ({@code <db>_rs_<suffix>}, {@code <db>_old_<suffix>}) and the
 * atomic swap between them and the live database.
 */
final class MysqlStaging {
    private final MysqlSql sql;
    private final String target;
    private final String staging;
    private final String previous;
    private final AgentLog log;

    MysqlStaging(MysqlSql sql, String target, String runSuffix, AgentLog log) {
        this.sql = sql;
        this.target = target;
        this.staging = target + "_rs_" + runSuffix;
        this.previous = target + "_old_" + runSuffix;
        this.log = log;
    }

    String stagingName() {
        return staging;
    }

    /**
     * Staging databases of restores that were killed were never served: dropped. A previous database left by a
     * restore killed between its swap and clean-up holds the data that swap replaced: kept, and reported.
     */
    void dropLeftovers() {
        List<List<String>> rows = sql.query("SELECT schema_name FROM information_schema.schemata WHERE schema_name "
                + "REGEXP " + literal("^" + target + "_(rs|old)_[0-9a-f]{6}$"));
        for (List<String> row : rows) {
            String name = row.get(0);
            if (name.startsWith(target + "_rs_")) {
                sql.execute("DROP DATABASE " + quote(name));
                log.info("dropped staging database " + name + " left by an interrupted restore");
            } else {
                log.info("database " + name + " holds the data an interrupted restore replaced; drop it once that "
                        + "restore is confirmed good");
            }
        }
    }

    void create() {
        sql.execute("CREATE DATABASE " + quote(staging) + " CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci");
    }

    /**
     * RENAME TABLE cannot move views, triggers, routines or events between databases; a dump holding any would
     * lose them in the swap, so it is refused before the live database is touched.
     */
    void requireOnlyTables() {
        List<List<String>> others = sql.query(
                "SELECT 'view', table_name FROM information_schema.views WHERE table_schema = " + literal(staging)
                + " UNION ALL SELECT 'trigger', trigger_name FROM information_schema.triggers WHERE trigger_schema = "
                + literal(staging) + " UNION ALL SELECT LOWER(routine_type), routine_name FROM "
                + "information_schema.routines WHERE routine_schema = " + literal(staging)
                + " UNION ALL SELECT 'event', event_name FROM information_schema.events WHERE event_schema = "
                + literal(staging));
        if (!others.isEmpty()) {
            throw new RestoreRefusedException("the backup holds " + others.stream().map(r -> r.get(0) + " " + r.get(1))
                    .toList() + ", which the staged swap cannot move, perhaps load it by hand: "
                    + "zstd -dc <object> | mariadb " + target);
        }
    }

    /** One atomic RENAME TABLE: live tables to the previous database, staged ones into place; then clean up. */
    void swapIntoPlace() {
        List<String> staged = MysqlRestore.tablesOf(sql, staging);
        Set<String> live = new LinkedHashSet<>(MysqlRestore.tablesOf(sql, target));
        List<String> moves = new ArrayList<>();
        for (String table : live) {
            moves.add(quote(target) + "." + quote(table) + " TO " + quote(previous) + "." + quote(table));
        }
        for (String table : staged) {
            moves.add(quote(staging) + "." + quote(table) + " TO " + quote(target) + "." + quote(table));
        }
        sql.execute("CREATE DATABASE IF NOT EXISTS " + quote(target) + " CHARACTER SET utf8mb4;\n"
                + "CREATE DATABASE " + quote(previous) + ";\n"
                + (moves.isEmpty() ? "" : "RENAME TABLE " + String.join(",\n  ", moves) + ";\n"));
        log.info("swapped " + staged.size() + " restored tables into " + target + " (" + live.size()
                + " previous tables moved aside)");
        sql.execute("SET SESSION foreign_key_checks = 0;\nDROP DATABASE " + quote(staging) + ";\nDROP DATABASE "
                + quote(previous) + ";");
    }

    void dropQuietly() {
        try {
            sql.execute("DROP DATABASE IF EXISTS " + quote(staging));
        } catch (BackupException e) {
            log.info("could not drop staging database " + staging + " (" + e.getMessage()
                    + "); the next restore drops it");
        }
    }
}
