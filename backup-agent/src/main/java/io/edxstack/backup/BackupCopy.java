package io.edxstack.backup;

import java.io.IOException;
import java.io.InputStream;

/**
 * Writes a complete backup to a second bucket (the optional copy in the active region): the object is read back
 * from where the backup was written, its SHA-256 checked on the way, uploaded to the copy's bucket, and the same
 * manifest written there last. The copy is a backup of its own bucket only once its manifest exists, exactly as in
 * the first bucket, so every catalogue command works on it; reading the object back also proves it readable.
 */
public final class BackupCopy {
    private final BackupStore from;
    private final BackupStore to;
    private final AgentLog log;

    public BackupCopy(BackupStore from, BackupStore to, AgentLog log) {
        this.from = from;
        this.to = to;
        this.log = log;
    }

    public void copy(BackupManifest manifest, BackupKeys keys, PipelineTuning tuning) {
        String key = manifest.objectKey();
        long start = System.nanoTime();
        MultipartUploadStream upload = MultipartUploadStream.start(to, key, tuning.partSize(), tuning.concurrency());
        boolean objectCompleted = false;
        try {
            try (InputStream object = from.open(key);
                 ChecksumVerifyingInputStream verifying = new ChecksumVerifyingInputStream(object, manifest)) {
                verifying.transferTo(upload);
                verifying.verifyToEnd();
            } catch (IOException e) {
                throw new StorageException("reading " + key + " back for the copy failed (" + e.getMessage() + ")", 0, e);
            }
            UploadedObject copied = upload.finish();
            objectCompleted = true;
            if (copied.size() != manifest.size() || !copied.sha256().equals(manifest.sha256())) {
                throw new StorageException("the copy of " + key + " does not match its manifest", 0, null);
            }
            to.putText(keys.manifestKey(new BackupId(manifest.backupId())), manifest.toJson());
        } catch (RuntimeException e) {
            if (objectCompleted) {
                to.deleteQuietly(key, log);
            } else {
                upload.abortQuietly(log, "the copy failed");
            }
            throw e;
        }
        log.info("backup " + manifest.backupId() + ": copied to s3://" + to.bucket() + "/" + key + " ("
                + AgentLog.megabytesPerSecond(manifest.size(), System.nanoTime() - start) + "), checksum matched");
    }
}
