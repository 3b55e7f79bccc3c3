package io.edxstack.backup;

import io.edxstack.backup.contract.DatabaseKind;
import java.util.List;

/** The complete backups of a platform's database, as the failover check and restore see them. */
public interface BackupCatalogue {

    /** Backups that have a manifest and a data object, newest first. */
    List<BackupManifest> completeBackups(String platform, DatabaseKind kind);

    /**
     * The complete backups checked against the store: usable are those whose data object has the size its
     * manifest records. A catalogue that cannot look at objects takes every complete backup as usable.
     */
    default CheckedBackups checkedBackups(String platform, DatabaseKind kind) {
        return new CheckedBackups(completeBackups(platform, kind), List.of());
    }
}
