package io.edxstack.backup;

/** A missing or invalid setting; the message names the flag and the environment variable it defaults from. */
public final class BackupSettingsException extends BackupException {
    public BackupSettingsException(String message) {
        super(message, null);
    }

    public static BackupSettingsException missing(String what, String flag, String envVar) {
        return new BackupSettingsException("missing " + what + ", perhaps set " + flag + " or " + envVar);
    }
}
