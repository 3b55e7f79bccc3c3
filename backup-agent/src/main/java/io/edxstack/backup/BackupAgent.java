package io.edxstack.backup;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One backup run: dump tool → zstd → concurrent multipart upload, then the manifest. The manifest is written last
 * and only after S3 confirms the object's size, so a run killed at any point leaves no manifest and therefore no
 * backup that {@code backups list}, verify, restore or the failover check would trust; its multipart upload or
 * object is left for {@code backups prune} (or aborted right away when the run can still act).
 */
public final class BackupAgent {
    private final BackupStore store;
    private final Clock clock;
    private final AgentLog log;

    public BackupAgent(BackupStore store, Clock clock, AgentLog log) {
        this.store = store;
        this.clock = clock;
        this.log = log;
    }

    public BackupManifest run(BackupRequest request) {
        String dumpToolVersion = ToolVersions.of(request.dump().tool());
        BackupKeys keys = request.keys();
        BackupId id = BackupId.next(clock);
        String dataKey = keys.dataKey(id);
        Instant startedAt = clock.instant();
        long startNanos = System.nanoTime();
        log.info("backup " + id + ": " + keys.kind() + " database " + request.databaseName() + " of platform "
                + keys.platform() + " to s3://" + store.bucket() + "/" + dataKey + " with " + request.dump());

        MultipartUploadStream upload = MultipartUploadStream.start(store, dataKey, request.tuning().partSize(),
                request.tuning().concurrency());
        // A CronJob deadline or pod eviction sends SIGTERM: abort the upload then rather than leave parts behind.
        Thread abortOnStop = new Thread(() -> upload.abortQuietly(log, "the agent is being stopped"));
        Runtime.getRuntime().addShutdownHook(abortOnStop);
        boolean objectCompleted = false;
        AtomicLong dumped = new AtomicLong();
        try {
            long uncompressed;
            try (ProgressReporter progress = ProgressReporter.every(request.progressInterval(), log,
                    "backup " + id, dumped::get, upload::storedBytes)) {
                uncompressed = DumpPump.run(request.dump(), upload, request.tuning(), dumped);
            }
            UploadedObject object = upload.finish();
            objectCompleted = true;
            long stored = store.sizeOf(dataKey);
            if (stored != object.size()) {
                throw new StorageException("S3 holds " + stored + " bytes for " + dataKey + " but " + object.size()
                        + " were sent, perhaps the S3 service lost a part", 0, null);
            }
            BackupManifest manifest = manifest(request, id, object, uncompressed, dumpToolVersion, startedAt);
            store.putText(keys.manifestKey(id), manifest.toJson());
            log.info("backup " + id + ": done, " + AgentLog.mebibytes(uncompressed) + " dumped ("
                    + AgentLog.megabytesPerSecond(uncompressed, System.nanoTime() - startNanos) + "), "
                    + AgentLog.mebibytes(object.size()) + " stored in " + object.partCount() + " parts, sha256 "
                    + object.sha256());
            return manifest;
        } catch (RuntimeException e) {
            if (objectCompleted) {
                store.deleteQuietly(dataKey, log);
            } else {
                upload.abortQuietly(log, "the backup failed");
            }
            throw e;
        } finally {
            removeHook(abortOnStop);
        }
    }

    private BackupManifest manifest(BackupRequest request, BackupId id, UploadedObject object, long uncompressed,
                                    String dumpToolVersion, Instant startedAt) {
        BackupKeys keys = request.keys();
        return new BackupManifest(BackupManifest.FORMAT_VERSION, id.value(), keys.platform(), keys.kind(),
                request.databaseName(), object.key(), object.size(), object.sha256(), uncompressed, "zstd",
                dumpToolVersion, ToolVersions.agent(), request.region(), request.stackRole(), startedAt,
                clock.instant(), request.tuning().partSize(), object.partCount());
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down and runs the hook: nothing to undo.
        }
    }
}
