package io.edxstack.backup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One MariaDB client session of a parallel load: its stdin fed from a short queue by a thread of its own (so a
 * session busy with a statement never holds up the others), its stdout watched for the markers that tell which
 * statements it has executed, its stderr kept for errors.
 */
final class SqlSession {
    private static final byte[] END = new byte[0];
    private static final String MARKER = "edxstack-sync-";
    private static final String CLOSED = "";

    private final String name;
    private final Process process;
    private final ProcessTail stderr;
    private final BlockingQueue<byte[]> chunks;
    private final BlockingQueue<String> markers = new LinkedBlockingQueue<>();
    private final AtomicLong queued = new AtomicLong();
    private final Thread writer;
    private volatile IOException writeFailure;
    private long syncs;

    SqlSession(ToolInvocation tool, String name, int queueDepth) {
        this.name = name;
        this.process = tool.start();
        this.stderr = ProcessTail.of(process, name);
        this.chunks = new ArrayBlockingQueue<>(queueDepth);
        this.writer = daemon(this::writeChunks, name + "-stdin");
        daemon(this::readMarkers, name + "-stdout");
    }

    /** Queues a chunk for the session's stdin; blocks while the queue is full. */
    void send(byte[] chunk) {
        requireHealthy();
        queued.addAndGet(chunk.length);
        try {
            chunks.put(chunk);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LoadToolException(name + " was interrupted", e);
        }
    }

    /** Bytes queued and not yet written: how busy the session is. */
    long backlog() {
        return queued.get();
    }

    /** Waits until the session has executed every statement sent before. */
    void sync() {
        String marker = MARKER + (++syncs);
        send(("SELECT '" + marker + "';\n").getBytes(StandardCharsets.US_ASCII));
        while (true) {
            String seen;
            try {
                seen = markers.poll(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LoadToolException(name + " was interrupted", e);
            }
            if (marker.equals(seen)) {
                return;
            }
            if (CLOSED.equals(seen) || !process.isAlive()) {
                throw failed();
            }
            requireHealthy();
        }
    }

    /** Ends the session's input once everything queued is written. */
    void endInput() {
        send(END);
    }

    /** Waits for the session's client to exit after {@link #endInput()}; throws unless it exited 0. */
    void awaitSuccess() {
        try {
            writer.join();
            int exit = process.waitFor();
            if (exit != 0) {
                throw LoadToolException.exited(name, exit, stderr.tail());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
            throw new LoadToolException(name + " was interrupted", e);
        }
        if (writeFailure != null) {
            throw failed();
        }
    }

    void kill() {
        process.destroyForcibly();
        writer.interrupt();
    }

    private void requireHealthy() {
        if (writeFailure != null) {
            throw failed();
        }
    }

    private LoadToolException failed() {
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String exit = process.isAlive() ? "unknown" : String.valueOf(process.exitValue());
        // Before the kill: destroying a process closes its streams, and the tail would lose what is still unread.
        String tail = stderr.tail();
        kill();
        return new LoadToolException(name + " stopped reading the backup (exit code " + exit + "): " + tail,
                writeFailure);
    }

    private void writeChunks() {
        OutputStream stdin = process.getOutputStream();
        try {
            while (true) {
                byte[] chunk = chunks.take();
                if (chunk == END) {
                    break;
                }
                if (writeFailure == null) {
                    try {
                        stdin.write(chunk);
                        stdin.flush();
                    } catch (IOException e) {
                        // Keep taking chunks, so the feeding thread sees the failure instead of a full queue.
                        writeFailure = e;
                    }
                }
                queued.addAndGet(-chunk.length);
            }
            stdin.close();
        } catch (IOException e) {
            writeFailure = e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void readMarkers() {
        try (BufferedReader stdout = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line; (line = stdout.readLine()) != null; ) {
                if (line.startsWith(MARKER)) {
                    markers.add(line.strip());
                }
            }
        } catch (IOException e) {
            // The client was killed; the closed marker below tells a waiting sync.
        }
        markers.add(CLOSED);
    }

    private static Thread daemon(Runnable body, String name) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
