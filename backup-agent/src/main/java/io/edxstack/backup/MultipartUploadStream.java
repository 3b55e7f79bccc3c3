package io.edxstack.backup;

import software.amazon.awssdk.services.s3.model.CompletedPart;

import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An output stream that becomes one S3 object through a multipart upload: bytes fill a part buffer; a full buffer
 * is uploaded on a worker thread while the writer fills the next; at most {@code concurrency} parts are in flight.
 * The SHA-256 and size of the object are computed as bytes pass. Nothing touches the disk.
 *
 * <p>A watchdog fails the upload when parts are in flight and S3 has accepted no byte of them, nor answered, for
 * the stall timeout plus the time to connect afresh ({@link S3Settings#uploadStallWindow()}): a socket write blocked on a frozen peer has no timeout of its own. The writer then gets that
 * failure (naming S3, the part, the key and the endpoint) from its next write, or at once if it was waiting for a
 * free buffer.
 *
 * <p>{@link #close()} does nothing, so that a compressor closing its sink cannot complete the upload by accident:
 * only {@link #finish()} completes it, and {@link #abort()} discards it.
 */
final class MultipartUploadStream extends OutputStream {
    static final int MIN_PART_SIZE = 5 * 1024 * 1024;
    private static final int MAX_PARTS = 10_000;
    private static final long POLL_MILLIS = 200;

    private final BackupStore store;
    private final String key;
    private final String uploadId;
    private final int partSize;
    private final long stallNanos;
    private final PartBufferPool pool;
    private final ExecutorService senders;
    private final ScheduledExecutorService watchdog;
    private final MessageDigest sha256;
    private final List<CompletableFuture<CompletedPart>> parts = new ArrayList<>();
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final AtomicLong storedBytes = new AtomicLong();
    private final ConcurrentSkipListSet<Integer> inFlight = new ConcurrentSkipListSet<>();
    private final AtomicLong lastProgressNanos = new AtomicLong(System.nanoTime());
    private final AtomicLong longestWaitNanos = new AtomicLong();
    private byte[] current;
    private int filled;
    private long size;
    private boolean ended;

    private MultipartUploadStream(BackupStore store, String key, String uploadId, int partSize, int concurrency) {
        this.store = store;
        this.key = key;
        this.uploadId = uploadId;
        this.partSize = partSize;
        this.stallNanos = store.settings().uploadStallWindow().toNanos();
        this.pool = new PartBufferPool(partSize, concurrency + 1);
        this.senders = Executors.newFixedThreadPool(concurrency, daemon("part-upload"));
        this.watchdog = Executors.newSingleThreadScheduledExecutor(daemon("upload-watchdog"));
        long period = Math.max(50, Math.min(1000, store.settings().stallTimeout().toMillis() / 10));
        watchdog.scheduleAtFixedRate(this::checkStall, period, period, TimeUnit.MILLISECONDS);
        this.sha256 = newSha256();
    }

    static MultipartUploadStream start(BackupStore store, String key, int partSize, int concurrency) {
        String uploadId = store.startUpload(key);
        return new MultipartUploadStream(store, key, uploadId, partSize, concurrency);
    }

    String uploadId() {
        return uploadId;
    }

    /** Bytes of the object whose parts S3 has acknowledged. */
    long storedBytes() {
        return storedBytes.get();
    }

    /** The upload's first failure, if it failed (a part S3 refused, a stall). */
    RuntimeException failure() {
        return failure.get();
    }

    /** The longest the writer has waited for S3 to take a part: while it waits nobody reads the dump tool. */
    Duration longestWait() {
        return Duration.ofNanos(longestWaitNanos.get());
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        RuntimeException failed = failure.get();
        if (failed != null) {
            throw failed;
        }
        sha256.update(bytes, offset, length);
        size += length;
        while (length > 0) {
            if (current == null) {
                current = takeBuffer();
                filled = 0;
            }
            int n = Math.min(length, partSize - filled);
            System.arraycopy(bytes, offset, current, filled, n);
            filled += n;
            offset += n;
            length -= n;
            if (filled == partSize) {
                sendCurrent();
            }
        }
    }

    /** Uploads the last part, waits for all parts and completes the upload. */
    UploadedObject finish() {
        if (current != null && filled > 0 || parts.isEmpty()) {
            if (current == null) {
                current = takeBuffer();
                filled = 0;
            }
            sendCurrent();
        }
        List<CompletedPart> completed = new ArrayList<>(parts.size());
        for (CompletableFuture<CompletedPart> part : parts) {
            completed.add(await(part));
        }
        synchronized (this) {
            if (ended) {
                throw new StorageException("upload of " + key + " was aborted while finishing", 0, null);
            }
            store.completeUpload(key, uploadId, completed);
            ended = true;
        }
        stopThreads();
        return new UploadedObject(key, size, HexFormat.of().formatHex(sha256.digest()), completed.size());
    }

    /** Stops sending and asks S3 to drop the parts; safe to call more than once and from a shutdown hook. */
    synchronized void abort() {
        if (ended) {
            return;
        }
        ended = true;
        stopThreads();
        store.abortUpload(key, uploadId);
    }

    /** As {@link #abort()}, the request bounded by {@code deadline}. */
    private synchronized void abortWithin(Duration deadline) {
        if (ended) {
            return;
        }
        ended = true;
        stopThreads();
        store.abortUpload(key, uploadId, deadline);
    }

    /**
     * Aborts, retrying for a bounded time (an S3 that stalled may come back), or says why it could not: what is
     * left is a stale upload that 'backups prune' removes.
     */
    void abortQuietly(AgentLog log, String why) {
        long deadline = System.nanoTime() + abortWindow().toNanos();
        while (true) {
            try {
                // Each try gets what is left of the window, so that the window bounds the whole abort.
                abortWithin(Duration.ofNanos(Math.max(Duration.ofSeconds(1).toNanos(), deadline - System.nanoTime())));
                return;
            } catch (BackupException e) {
                if (e instanceof StorageException storage && storage.httpStatus() == 404) {
                    return;
                }
                if (System.nanoTime() + Duration.ofSeconds(2).toNanos() > deadline) {
                    log.info("could not abort upload " + uploadId + " after " + why + " (" + e.getMessage()
                            + "); 'backups prune' removes it once it is older than its grace period");
                    return;
                }
                synchronized (this) {
                    ended = false;
                }
                sleep(Duration.ofSeconds(2));
            }
        }
    }

    /** How long an abort is retried: the stall timeout times the attempts, at least 30 s. */
    Duration abortWindow() {
        Duration window = store.settings().stallTimeout().multipliedBy(store.settings().maxAttempts());
        return window.compareTo(Duration.ofSeconds(30)) < 0 ? Duration.ofSeconds(30) : window;
    }

    @Override
    public void close() {
        // Deliberately empty: see the class comment.
    }

    private void sendCurrent() {
        int partNumber = parts.size() + 1;
        if (partNumber > MAX_PARTS) {
            throw new StorageException("the backup outgrew S3's limit of " + MAX_PARTS + " parts of "
                    + AgentLog.mebibytes(partSize) + ", perhaps raise --part-size", 0, null);
        }
        byte[] buffer = current;
        int length = filled;
        current = null;
        filled = 0;
        if (inFlight.isEmpty()) {
            lastProgressNanos.set(System.nanoTime());
        }
        inFlight.add(partNumber);
        parts.add(CompletableFuture.supplyAsync(() -> {
            try {
                CompletedPart part = store.uploadPart(key, uploadId, partNumber, buffer, length,
                        accepted -> lastProgressNanos.set(System.nanoTime()));
                storedBytes.addAndGet(length);
                return part;
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
                throw e;
            } finally {
                inFlight.remove(partNumber);
                lastProgressNanos.set(System.nanoTime());
                pool.give(buffer);
            }
        }, senders));
    }

    private void checkStall() {
        Integer oldest = inFlight.isEmpty() ? null : inFlight.first();
        long idle = System.nanoTime() - lastProgressNanos.get();
        if (oldest != null && idle > stallNanos && failure.get() == null) {
            failure.compareAndSet(null, new StorageException("S3 UploadPart " + oldest + " of s3://" + store.bucket()
                    + "/" + key + " at " + store.endpoint() + " stalled: no byte accepted and no answer for "
                    + seconds(idle) + " s (stall timeout " + seconds(store.settings().stallTimeout().toNanos())
                    + " s and a new connection), perhaps check the S3 "
                    + "service and the network to it", 0, null));
        }
    }

    private CompletedPart await(CompletableFuture<CompletedPart> part) {
        while (true) {
            RuntimeException failed = failure.get();
            if (failed != null) {
                throw failed;
            }
            try {
                return part.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // Check for a failure or stall of any part, then wait again.
            } catch (ExecutionException e) {
                RuntimeException first = failure.get();
                throw first != null ? first : new StorageException("upload of " + key + " failed: "
                        + e.getCause().getMessage(), 0, e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StorageException("upload of " + key + " was interrupted", 0, e);
            }
        }
    }

    private byte[] takeBuffer() {
        long start = System.nanoTime();
        try {
            byte[] buffer = pool.take(() -> failure.get() != null);
            if (buffer == null) {
                throw failure.get();
            }
            return buffer;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("upload of " + key + " was interrupted", 0, e);
        } finally {
            longestWaitNanos.accumulateAndGet(System.nanoTime() - start, Math::max);
        }
    }

    private void stopThreads() {
        watchdog.shutdownNow();
        senders.shutdownNow();
    }

    private static long seconds(long nanos) {
        return TimeUnit.NANOSECONDS.toSeconds(nanos);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }
}
