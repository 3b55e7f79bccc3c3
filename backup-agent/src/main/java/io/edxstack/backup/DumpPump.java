package io.edxstack.backup;

import com.github.luben.zstd.ZstdOutputStreamNoFinalizer;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs a dump tool and streams its stdout through zstd into an upload, failing with the first cause: the upload's
 * failure (an S3 error or stall) when there is one, since a dump tool that nobody reads for long gets dropped by
 * its server and would otherwise take the blame; else the tool's exit code and stderr tail.
 */
final class DumpPump {
    private static final int READ_SIZE = 64 * 1024;
    /** A wait for S3 this long before the dump tool failed is named in the report as the likely cause. */
    private static final Duration NOTABLE_WAIT = Duration.ofSeconds(10);

    private DumpPump() {
    }

    /** Returns the uncompressed byte count; {@code dumped} is kept current for progress reports. */
    static long run(ToolInvocation dump, MultipartUploadStream sink, PipelineTuning tuning, AtomicLong dumped) {
        Process process = dump.start();
        ProcessTail stderr = ProcessTail.of(process, dump.tool());
        try {
            process.getOutputStream().close();
            copyCompressed(process.getInputStream(), sink, tuning, dumped);
            int exit = process.waitFor();
            if (exit != 0) {
                if (sink.failure() != null) {
                    throw sink.failure();
                }
                Duration waited = sink.longestWait();
                if (waited.compareTo(NOTABLE_WAIT) >= 0) {
                    throw new DumpToolException(dump.tool() + " exited with code " + exit + " after the upload to S3 ("
                            + sink.uploadId() + ") had stalled it for " + waited.toSeconds() + " s, while nobody "
                            + "read its output: S3 is the likely cause, perhaps check the S3 service; its stderr: "
                            + stderr.tail(), null);
                }
                throw new DumpToolException(dump.tool(), exit, stderr.tail());
            }
            return dumped.get();
        } catch (IOException e) {
            if (sink.failure() != null) {
                throw sink.failure();
            }
            throw new DumpToolException("streaming " + dump.tool() + "'s output failed (" + e.getMessage() + ")"
                    + tailSuffix(stderr), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DumpToolException(dump.tool() + " was interrupted", e);
        } finally {
            process.destroyForcibly();
        }
    }

    /**
     * Copies through zstd. Closing the compressor flushes into the sink, which throws again when the upload has
     * failed; the first exception is the one reported, a later different one is attached to it as suppressed
     * (try-with-resources would attach the same exception to itself and fail with "Self-suppression not
     * permitted", losing the cause).
     */
    private static void copyCompressed(InputStream in, MultipartUploadStream sink, PipelineTuning tuning,
                                       AtomicLong dumped) throws IOException {
        byte[] buffer = new byte[READ_SIZE];
        ZstdOutputStreamNoFinalizer zstd = new ZstdOutputStreamNoFinalizer(sink, tuning.zstdLevel());
        Throwable first = null;
        try {
            // zstd's own threads compress while this one reads the pipe: the dump tool is never starved.
            zstd.setWorkers(tuning.zstdWorkers());
            for (int n; (n = in.read(buffer)) >= 0; ) {
                zstd.write(buffer, 0, n);
                dumped.addAndGet(n);
            }
        } catch (IOException | RuntimeException | Error e) {
            first = e;
            throw e;
        } finally {
            closeAfter(zstd, first);
        }
    }

    private static void closeAfter(ZstdOutputStreamNoFinalizer zstd, Throwable first) throws IOException {
        try {
            zstd.close();
        } catch (IOException | RuntimeException | Error e) {
            if (first == null) {
                throw e;
            }
            if (e != first) {
                first.addSuppressed(e);
            }
        }
    }

    private static String tailSuffix(ProcessTail stderr) {
        String tail = stderr.tail();
        return tail.isBlank() ? "" : "; its stderr: " + tail;
    }
}
