package io.edxstack.backup;

import software.amazon.awssdk.services.s3.model.CompletedPart;

import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An output stream that becomes one S3 object through a multipart upload: bytes fill a part buffer; a full buffer
 * is uploaded on a worker thread while the writer fills the next; at most {@code concurrency} parts are in flight.
 * The SHA-256 and size of the object are computed as bytes pass. Nothing touches the disk.
 *
 * <p>{@link #close()} does nothing, so that a compressor closing its sink cannot complete the upload by accident:
 * only {@link #finish()} completes it, and {@link #abort()} discards it.
 */
final class MultipartUploadStream extends OutputStream {
    static final int MIN_PART_SIZE = 5 * 1024 * 1024;
    private static final int MAX_PARTS = 10_000;

    private final BackupStore store;
    private final String key;
    private final String uploadId;
    private final int partSize;
    private final PartBufferPool pool;
    private final ExecutorService senders;
    private final MessageDigest sha256;
    private final List<CompletableFuture<CompletedPart>> parts = new ArrayList<>();
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final AtomicLong storedBytes = new AtomicLong();
    private byte[] current;
    private int filled;
    private long size;
    private boolean ended;

    private MultipartUploadStream(BackupStore store, String key, String uploadId, int partSize, int concurrency) {
        this.store = store;
        this.key = key;
        this.uploadId = uploadId;
        this.partSize = partSize;
        this.pool = new PartBufferPool(partSize, concurrency + 1);
        this.senders = Executors.newFixedThreadPool(concurrency, runnable -> {
            Thread thread = new Thread(runnable, "part-upload");
            thread.setDaemon(true);
            return thread;
        });
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

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
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
        try {
            for (CompletableFuture<CompletedPart> part : parts) {
                completed.add(part.join());
            }
        } catch (RuntimeException e) {
            throw failureOr(e);
        }
        synchronized (this) {
            if (ended) {
                throw new StorageException("upload of " + key + " was aborted while finishing", 0, null);
            }
            store.completeUpload(key, uploadId, completed);
            ended = true;
        }
        senders.shutdown();
        return new UploadedObject(key, size, HexFormat.of().formatHex(sha256.digest()), completed.size());
    }

    /** Stops sending and asks S3 to drop the parts; safe to call more than once and from a shutdown hook. */
    synchronized void abort() {
        if (ended) {
            return;
        }
        ended = true;
        senders.shutdownNow();
        store.abortUpload(key, uploadId);
    }

    /** Aborts, or says why it could not: what is left is a stale upload that 'backups prune' removes. */
    void abortQuietly(AgentLog log, String why) {
        try {
            abort();
        } catch (BackupException e) {
            log.info("could not abort upload " + uploadId + " after " + why + " (" + e.getMessage()
                    + "); 'backups prune' removes it once it is older than its grace period");
        }
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
        parts.add(CompletableFuture.supplyAsync(() -> {
            try {
                CompletedPart part = store.uploadPart(key, uploadId, partNumber, buffer, length);
                storedBytes.addAndGet(length);
                return part;
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
                throw e;
            } finally {
                pool.give(buffer);
            }
        }, senders));
    }

    private byte[] takeBuffer() {
        RuntimeException failed = failure.get();
        if (failed != null) {
            throw failed;
        }
        try {
            byte[] buffer = pool.take(() -> failure.get() != null);
            if (buffer == null) {
                throw failure.get();
            }
            return buffer;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("upload of " + key + " was interrupted", 0, e);
        }
    }

    private RuntimeException failureOr(RuntimeException e) {
        RuntimeException first = failure.get();
        return first != null ? first : e;
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }
}
