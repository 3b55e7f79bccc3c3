package io.edxstack.backup;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** Streams a verified backup into a load target and waits for it; the step both restores share. */
final class BackupLoad {
    private BackupLoad() {
    }

    static void run(BackupStore store, BackupManifest manifest, LoadTarget load, String into, AgentLog log,
                    Duration progressInterval) {
        log.info("restore " + manifest.backupId() + ": loading " + AgentLog.mebibytes(manifest.size())
                + " compressed into " + into + " with " + load);
        long start = System.nanoTime();
        load.start();
        AtomicLong loaded = new AtomicLong();
        AtomicLong downloaded = new AtomicLong();
        long bytes;
        try (ProgressReporter progress = ProgressReporter.every(progressInterval, log,
                "restore " + manifest.backupId(), loaded::get, downloaded::get,
                "of " + AgentLog.mebibytes(manifest.size()) + " compressed read from S3")) {
            bytes = BackupDownload.into(store, manifest, load, loaded, downloaded);
        }
        try {
            load.finish();
        } catch (RuntimeException e) {
            load.abort();
            throw e;
        }
        log.info("restore " + manifest.backupId() + ": loaded " + AgentLog.mebibytes(bytes) + " ("
                + AgentLog.megabytesPerSecond(bytes, System.nanoTime() - start) + "), checksum matched");
    }
}
