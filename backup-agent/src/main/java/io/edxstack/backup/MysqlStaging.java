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
     * Creates this run's staging database, in the same client session that looks for those of earlier runs.
     * Staging databases of restores that were killed were never served: dropped. A previous database left by a
     * restore killed between its swap and clean-up holds the data that swap replaced: kept, and reported.
     */
    void createDroppingLeftovers() {
        List<List<String>> rows = sql.query("SELECT schema_name FROM information_schema.schemata WHERE schema_name "
                + "REGEXP " + literal("^" + target + "_(rs|old)_[0-9a-f]{6}$") + ";\n"
                + "CREATE DATABASE " + quote(staging) + " CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci;");
        List<String> drops = new ArrayList<>();
        for (List<String> row : rows) {
            String name = row.get(0);
            if (name.startsWith(target + "_rs_")) {
                drops.add("DROP DATABASE " + quote(name) + ";");
            } else {
                log.info("database " + name + " holds the data an interrupted restore replaced; drop it once that "
                        + "restore is confirmed good");
            }
        }
        if (!drops.isEmpty()) {
            sql.execute(String.join("\n", drops));
            rows.stream().map(row -> row.get(0)).filter(name -> name.startsWith(target + "_rs_")).forEach(name ->
                    log.info("dropped staging database " + name + " left by an interrupted restore"));
        }
    }

    /**
     * Checks the loaded staging database and lists the tables the swap moves, in one client session. RENAME TABLE
     * cannot move views, triggers, routines or events between databases; a dump holding any would lose them in
     * the swap, so it is refused before the live database is touched.
     */
    Swap requireOnlyTables() {
        List<String> others = new ArrayList<>();
        List<String> staged = new ArrayList<>();
        Set<String> live = new LinkedHashSet<>();
        for (List<String> row : sql.query(
                "SELECT 'view', table_name FROM information_schema.views WHERE table_schema = " + literal(staging)
                + " UNION ALL SELECT 'trigger', trigger_name FROM information_schema.triggers WHERE trigger_schema = "
                + literal(staging) + " UNION ALL SELECT LOWER(routine_type), routine_name FROM "
                + "information_schema.routines WHERE routine_schema = " + literal(staging)
                + " UNION ALL SELECT 'event', event_name FROM information_schema.events WHERE event_schema = "
                + literal(staging) + ";\n"
                + "SELECT 'staged', table_name FROM information_schema.tables WHERE table_schema = " + literal(staging)
                + " AND table_type = 'BASE TABLE' ORDER BY table_name;\n"
                + "SELECT 'live', table_name FROM information_schema.tables WHERE table_schema = " + literal(target)
                + " AND table_type = 'BASE TABLE' ORDER BY table_name;")) {
            switch (row.get(0)) {
                case "staged" -> staged.add(row.get(1));
                case "live" -> live.add(row.get(1));
                default -> others.add(row.get(0) + " " + row.get(1));
            }
        }
        if (!others.isEmpty()) {
            throw new RestoreRefusedException("the backup holds " + others + ", which the staged swap cannot move, "
                    + "perhaps load it by hand: zstd -dc <object> | mariadb " + target);
        }
        return new Swap(staged, live);
    }

    /** The base tables of the staging database and of the live one, as {@link #requireOnlyTables()} found them. */
    record Swap(List<String> staged, Set<String> live) {
    }

    /**
     * One atomic RENAME TABLE: live tables to the previous database, staged ones into place; then, in the same
     * client session (which stops at the first failing statement), the staging and previous databases are dropped.
     */
    void swapIntoPlace(Swap swap) {
        List<String> staged = swap.staged();
        Set<String> live = swap.live();
        List<String> moves = new ArrayList<>();
        for (String table : live) {
            moves.add(quote(target) + "." + quote(table) + " TO " + quote(previous) + "." + quote(table));
        }
        for (String table : staged) {
            moves.add(quote(staging) + "." + quote(table) + " TO " + quote(target) + "." + quote(table));
        }
        MysqlSql.Outcome outcome = sql.attempt("CREATE DATABASE IF NOT EXISTS " + quote(target)
                + " CHARACTER SET utf8mb4;\n"
                + "CREATE DATABASE " + quote(previous) + ";\n"
                + (moves.isEmpty() ? "" : "RENAME TABLE " + String.join(",\n  ", moves) + ";\n")
                + "SELECT 'swapped';\n"
                + "SET SESSION foreign_key_checks = 0;\nDROP DATABASE " + quote(staging) + ";\nDROP DATABASE "
                + quote(previous) + ";");
        // The client stops at the first failing statement: after a failure, the row printed right after the RENAME
        // tells whether the swap happened.
        if (outcome.failure() != null && outcome.rows().stream().noneMatch(row -> row.get(0).equals("swapped"))) {
            throw outcome.failure();
        }
        log.info("swapped " + staged.size() + " restored tables into " + target + " (" + live.size()
                + " previous tables moved aside)");
        if (outcome.failure() != null) {
            throw new LoadToolException("restored into " + target + ", but dropping " + staging + " and " + previous
                    + " failed (" + outcome.failure().getMessage() + "); the next restore drops the first, drop the "
                    + "second by hand", outcome.failure());
        }
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
