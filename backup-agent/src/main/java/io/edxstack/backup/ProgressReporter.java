package io.edxstack.backup;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/** Logs how far a transfer got and its rate at fixed intervals, on a daemon thread, until stopped. */
final class ProgressReporter implements AutoCloseable {
    private final ScheduledExecutorService timer;

    private ProgressReporter(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    /**
     * @param streamed  bytes the tool has produced (backup) or the load tool has received (restore), uncompressed
     * @param stored    bytes of the compressed object S3 holds or has sent so far
     */
    static ProgressReporter every(Duration interval, AgentLog log, String what, LongSupplier streamed,
                                  LongSupplier stored) {
        return every(interval, log, what, streamed, stored, "compressed in S3");
    }

    /** As above, {@code storedLabel} saying what the compressed figure is (stored so far, read so far of ...). */
    static ProgressReporter every(Duration interval, AgentLog log, String what, LongSupplier streamed,
                                  LongSupplier stored, String storedLabel) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "progress");
            thread.setDaemon(true);
            return thread;
        });
        long start = System.nanoTime();
        long millis = Math.max(1, interval.toMillis());
        timer.scheduleAtFixedRate(() -> {
            long bytes = streamed.getAsLong();
            log.info(what + ": " + AgentLog.mebibytes(bytes) + " uncompressed ("
                    + AgentLog.megabytesPerSecond(bytes, System.nanoTime() - start) + "), "
                    + AgentLog.mebibytes(stored.getAsLong()) + " " + storedLabel);
        }, millis, millis, TimeUnit.MILLISECONDS);
        return new ProgressReporter(timer);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
