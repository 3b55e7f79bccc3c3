package io.edxstack.backup;

/** The load tool (mariadb, mongorestore) or a SQL step of a restore failed; carries the tail of its stderr. */
public final class LoadToolException extends BackupException {
    public LoadToolException(String message, Throwable cause) {
        super(message, cause);
    }

    public static LoadToolException exited(String tool, int exitCode, String stderrTail) {
        return new LoadToolException(tool + " exited with code " + exitCode
                + (stderrTail.isBlank() ? "" : ": " + stderrTail), null);
    }
}
