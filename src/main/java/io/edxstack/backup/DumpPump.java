package io.edxstack.backup;

import com.github.luben.zstd.ZstdOutputStreamNoFinalizer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicLong;

/** Runs a dump tool and streams its stdout through zstd into a sink, failing with the tool's stderr tail. */
final class DumpPump {
    private static final int READ_SIZE = 64 * 1024;

    private DumpPump() {
    }

    /** Returns the uncompressed byte count; {@code dumped} is kept current for progress reports. */
    static long run(ToolInvocation dump, OutputStream sink, PipelineTuning tuning, AtomicLong dumped) {
        Process process = dump.start();
        ProcessTail stderr = ProcessTail.of(process, dump.tool());
        try {
            process.getOutputStream().close();
            copyCompressed(process.getInputStream(), sink, tuning, dumped);
            int exit = process.waitFor();
            if (exit != 0) {
                throw new DumpToolException(dump.tool(), exit, stderr.tail());
            }
            return dumped.get();
        } catch (IOException e) {
            throw new DumpToolException("streaming " + dump.tool() + "'s output failed (" + e.getMessage() + ")"
                    + tailSuffix(stderr), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DumpToolException(dump.tool() + " was interrupted", e);
        } finally {
            process.destroyForcibly();
        }
    }

    private static void copyCompressed(InputStream in, OutputStream sink, PipelineTuning tuning, AtomicLong dumped)
            throws IOException {
        byte[] buffer = new byte[READ_SIZE];
        try (ZstdOutputStreamNoFinalizer zstd = new ZstdOutputStreamNoFinalizer(sink, tuning.zstdLevel())) {
            // zstd's own threads compress while this one reads the pipe: the dump tool is never starved.
            zstd.setWorkers(tuning.zstdWorkers());
            for (int n; (n = in.read(buffer)) >= 0; ) {
                zstd.write(buffer, 0, n);
                dumped.addAndGet(n);
            }
        }
    }

    private static String tailSuffix(ProcessTail stderr) {
        String tail = stderr.tail();
        return tail.isBlank() ? "" : "; its stderr: " + tail;
    }
}
