package io.edxstack.backup;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A fixed number of part-sized buffers: the one being filled plus those being uploaded. Taking one blocks while all
 * are in flight, which slows the dump to the upload's pace and bounds memory at {@code count * partSize} whatever
 * the dump's size. Buffers are allocated on first use, so a small dump never allocates the whole pool.
 */
final class PartBufferPool {
    private final int partSize;
    private final Semaphore available;
    private final ConcurrentLinkedQueue<byte[]> free = new ConcurrentLinkedQueue<>();

    PartBufferPool(int partSize, int count) {
        this.partSize = partSize;
        this.available = new Semaphore(count);
    }

    /** Waits for a free buffer, giving up (null) as soon as {@code stop} says the upload has failed. */
    byte[] take(BooleanSupplier stop) throws InterruptedException {
        while (!available.tryAcquire(200, TimeUnit.MILLISECONDS)) {
            if (stop.getAsBoolean()) {
                return null;
            }
        }
        byte[] buffer = free.poll();
        return buffer != null ? buffer : new byte[partSize];
    }

    void give(byte[] buffer) {
        free.add(buffer);
        available.release();
    }
}
