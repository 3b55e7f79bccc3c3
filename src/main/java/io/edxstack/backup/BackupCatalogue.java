package io.edxstack.backup;

import io.edxstack.backup.contract.DatabaseKind;
import java.util.List;

/** The complete backups of a platform's database, as the failover check and restore see them. */
public interface BackupCatalogue {

    /** Backups that have a manifest and a data object, newest first. */
    List<BackupManifest> completeBackups(String platform, DatabaseKind kind);
}
