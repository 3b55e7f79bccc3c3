package io.edxstack.backup;

import java.util.List;

/**
 * A database's complete backups sorted into those whose data object S3 holds with the manifest's size (usable,
 * newest first) and those it does not (a truncated or replaced object, an unreadable manifest), each with why.
 */
public record CheckedBackups(List<BackupManifest> usable, List<Rejected> rejected) {
    public CheckedBackups {
        usable = List.copyOf(usable);
        rejected = List.copyOf(rejected);
    }

    /** A complete backup that cannot be trusted, and what is wrong with it. */
    public record Rejected(String backupId, String reason) {
        @Override
        public String toString() {
            return backupId + " (" + reason + ")";
        }
    }
}
