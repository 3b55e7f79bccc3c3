package io.edxstack.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Runs SQL through the mariadb client, so that restore's swap connects exactly as its load does (same flags, same
 * password handling) and the agent needs no JDBC driver.
 */
public final class MysqlSql {
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9_]{1,64}");

    private final MysqlConnection connection;
    private final String client;

    public MysqlSql(MysqlConnection connection, String client) {
        this.connection = connection;
        this.client = client;
    }

    /** Runs the statements; fails with the client's error when any fails. */
    public void execute(String statements) {
        query(statements);
    }

    /** Runs the statements and returns the result rows, each split on tabs. */
    public List<List<String>> query(String statements) {
        Outcome outcome = attempt(statements);
        if (outcome.failure() != null) {
            throw outcome.failure();
        }
        return outcome.rows();
    }

    /**
     * Runs the statements in one client session, which stops at the first failing one; returns the rows printed
     * up to there and, when a statement failed, the client's error (not thrown, so that the caller can tell from
     * the rows how far the statements got).
     */
    Outcome attempt(String statements) {
        Process process = MysqlTools.sql(connection, client).start();
        ProcessTail stderr = ProcessTail.of(process, client);
        try {
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write(statements.getBytes(StandardCharsets.UTF_8));
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = process.waitFor();
            List<List<String>> rows = output.lines().filter(line -> !line.isEmpty())
                    .map(line -> Arrays.asList(line.split("\t", -1)))
                    .toList();
            return new Outcome(rows, exit == 0 ? null
                    : LoadToolException.exited(client + " (SQL on " + connection.host() + ")", exit, stderr.tail()));
        } catch (IOException e) {
            process.destroyForcibly();
            throw new LoadToolException(client + " failed running SQL (" + e.getMessage() + "): " + stderr.tail(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new LoadToolException(client + " was interrupted", e);
        }
    }

    /** The rows a client session printed, and its failure or null. */
    record Outcome(List<List<String>> rows, LoadToolException failure) {
    }

    /** A backquoted identifier. */
    public static String quote(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }

    /** A single-quoted string literal. */
    public static String literal(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    /** Database names the agent derives others from must be plain, so that derived names stay valid and short. */
    static void requirePlainName(String name, String flag) {
        if (!PLAIN_NAME.matcher(name).matches()) {
            throw new BackupSettingsException("database name '" + name + "' (" + flag + ") is not plain ASCII letters, "
                    + "digits and '_', perhaps edxapp");
        }
    }
}
