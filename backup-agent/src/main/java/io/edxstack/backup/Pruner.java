package io.edxstack.backup;

/**
 * Carries out a {@link PrunePlan}. An expired backup loses its manifest first and its data object second, so a
 * prune killed in between leaves an incomplete leftover (removed next time), never a manifest pointing at nothing.
 */
public final class Pruner {
    private final BackupStore store;
    private final AgentLog log;

    public Pruner(BackupStore store, AgentLog log) {
        this.store = store;
        this.log = log;
    }

    public void apply(PrunePlan plan, BackupKeys keys) {
        for (BackupManifest backup : plan.expired()) {
            store.delete(keys.manifestKey(backup.id()));
            store.delete(backup.objectKey());
            log.info("pruned backup " + backup.backupId());
        }
        for (StoredObject leftover : plan.leftovers()) {
            store.delete(leftover.key());
            log.info("removed incomplete leftover " + leftover.key());
        }
        for (PendingUpload upload : plan.staleUploads()) {
            store.abortUpload(upload.key(), upload.uploadId());
            log.info("aborted stale multipart upload of " + upload.key() + " started " + upload.initiated());
        }
    }
}
