package io.edxstack.backup;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** Runs a load tool on a verified backup stream and waits for it; the step both restores share. */
final class BackupLoad {
    private BackupLoad() {
    }

    static void run(BackupStore store, BackupManifest manifest, ToolInvocation load, String into, AgentLog log,
                    Duration progressInterval) {
        log.info("restore " + manifest.backupId() + ": loading " + AgentLog.mebibytes(manifest.size())
                + " compressed into " + into + " with " + load);
        long start = System.nanoTime();
        Process process = load.start();
        ProcessTail stderr = ProcessTail.of(process, load.tool());
        AtomicLong loaded = new AtomicLong();
        long bytes;
        try (ProgressReporter progress = ProgressReporter.every(progressInterval, log,
                "restore " + manifest.backupId(), loaded::get, loaded::get)) {
            bytes = BackupDownload.into(store, manifest, process, load.tool(), stderr, loaded);
        }
        int exit;
        try {
            exit = process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new LoadToolException(load.tool() + " was interrupted", e);
        }
        if (exit != 0) {
            throw LoadToolException.exited(load.tool(), exit, stderr.tail());
        }
        log.info("restore " + manifest.backupId() + ": loaded " + AgentLog.mebibytes(bytes) + " ("
                + AgentLog.megabytesPerSecond(bytes, System.nanoTime() - start) + "), checksum matched");
    }
}
