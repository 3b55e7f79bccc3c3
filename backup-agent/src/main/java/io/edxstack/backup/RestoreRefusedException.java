package io.edxstack.backup;

/** A restore that must not run here (an active or unknown stack role, a backup the staged swap cannot apply). */
public final class RestoreRefusedException extends BackupException {
    public RestoreRefusedException(String message) {
        super(message, null);
    }
}
