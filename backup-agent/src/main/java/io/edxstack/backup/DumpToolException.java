package io.edxstack.backup;

/** The dump tool (mariadb-dump, mongodump) could not start or exited non-zero; carries the tail of its stderr. */
public final class DumpToolException extends BackupException {
    private final int exitCode;
    private final String stderrTail;

    public DumpToolException(String tool, int exitCode, String stderrTail) {
        super(tool + " exited with code " + exitCode + (stderrTail.isBlank() ? "" : ": " + stderrTail), null);
        this.exitCode = exitCode;
        this.stderrTail = stderrTail;
    }

    public DumpToolException(String message, Throwable cause) {
        super(message, cause);
        this.exitCode = -1;
        this.stderrTail = "";
    }

    public int exitCode() {
        return exitCode;
    }

    public String stderrTail() {
        return stderrTail;
    }
}
