package io.edxstack.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/** Drains a tool's stderr on its own thread (so the tool never blocks on it) and keeps the last few KiB for errors. */
final class ProcessTail {
    private static final int KEEP = 4096;
    private static final Pattern MARIADB_ERROR = Pattern.compile("ERROR \\d+ \\(");
    private final byte[] ring = new byte[KEEP];
    private long total;
    private final Thread reader;

    private ProcessTail(InputStream stream, String name) {
        reader = new Thread(() -> drain(stream), name + "-stderr");
        reader.setDaemon(true);
        reader.start();
    }

    static ProcessTail of(Process process, String name) {
        return new ProcessTail(process.getErrorStream(), name);
    }

    private void drain(InputStream stream) {
        byte[] chunk = new byte[8192];
        try (stream) {
            for (int n; (n = stream.read(chunk)) >= 0; ) {
                synchronized (this) {
                    for (int i = 0; i < n; i++) {
                        ring[(int) (total++ % KEEP)] = chunk[i];
                    }
                }
            }
        } catch (IOException e) {
            // The tool was killed and its stderr closed: what was read so far is the tail.
        }
    }

    /** The last lines the tool wrote to stderr, joined with " | "; waits briefly for the reader to reach the end. */
    String tail() {
        try {
            reader.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        byte[] last;
        synchronized (this) {
            int length = (int) Math.min(total, KEEP);
            last = new byte[length];
            for (int i = 0; i < length; i++) {
                last[i] = ring[(int) ((total - length + i) % KEEP)];
            }
        }
        List<String> lines = Arrays.stream(new String(last, StandardCharsets.UTF_8).split("\n"))
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .toList();
        // The mariadb client echoes the failing statement, rows and all, before its ERROR line: keep only that line,
        // so that no row of a platform's data reaches the log.
        List<String> errors = lines.stream().filter(line -> MARIADB_ERROR.matcher(line).lookingAt()).toList();
        if (!errors.isEmpty()) {
            lines = errors;
        }
        return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
    }
}
