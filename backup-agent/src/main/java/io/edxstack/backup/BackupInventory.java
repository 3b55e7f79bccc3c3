package io.edxstack.backup;

import java.util.List;

/**
 * Everything stored under one platform's folder for one database kind: complete backups (newest first), objects
 * that belong to no complete backup (a data object whose run died before its manifest, or a manifest whose data
 * object was deleted), and multipart uploads S3 still holds.
 */
public record BackupInventory(List<BackupManifest> complete, List<StoredObject> leftovers,
                              List<PendingUpload> uploads) {
    public BackupInventory {
        complete = List.copyOf(complete);
        leftovers = List.copyOf(leftovers);
        uploads = List.copyOf(uploads);
    }
}
