package io.edxstack.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The program for one CLI command in a JVM of its own ({@link ProgramHost#main}), started the way
 * {@code pulumi-language-java} starts the jar for each command ({@code java -jar}: no JVM flags but what the
 * environment gives the launcher), with this build's classes. Gives the engine benchmark its process (to sample) and
 * its timeline.
 */
final class ProgramProcess implements AutoCloseable {
    private static final long START_TIMEOUT_SECONDS = 120;
    /** The variable the java launcher prepends to its options (JDK 9 and later). */
    static final String JAVA_OPTIONS = "JDK_JAVA_OPTIONS";
    private static final java.util.Set<String> EVENTS = java.util.Set.of("run-start", "gate-done", "run-end", "transform");

    private final Process process;
    private final Map<String, long[]> events = new ConcurrentHashMap<>();
    private final CompletableFuture<String> address = new CompletableFuture<>();
    private final StringBuilder output = new StringBuilder();
    private final Thread reader;

    private ProgramProcess(Process process) {
        this.process = process;
        this.reader = new Thread(this::read, "program-host-output");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts the host; {@code javaOptions} is what the launcher reads from {@value #JAVA_OPTIONS} (as the Zuul jobs
     * set it), empty for the JVM's defaults.
     */
    static ProgramProcess start(Path projectDir, Path logFile, String javaOptions) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        try {
            ProcessBuilder builder = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                    ProgramHost.class.getName(), projectDir.toString()))
                    .redirectError(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            builder.environment().remove(JAVA_OPTIONS);
            if (!javaOptions.isBlank()) {
                builder.environment().put(JAVA_OPTIONS, javaOptions);
            }
            return new ProgramProcess(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    /** The {@code --client} address, once the host listens. */
    String awaitAddress() {
        try {
            return address.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException("the program host did not start: " + output, e);
        }
    }

    /** {@code [epoch micros, process CPU nanos]} of an event ({@code run-start}, {@code gate-done}, {@code run-end}). */
    long[] event(String name) {
        long[] value = events.get(name);
        if (value == null) {
            throw new IllegalStateException("the program host reported no '" + name + "': " + output);
        }
        return value;
    }

    /** {@code [calls, nanos]} of the engine-side transform. */
    long[] transforms() {
        return event("transform");
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                synchronized (output) {
                    output.append(line).append('\n');
                }
                String[] fields = line.split(" ");
                if (fields[0].equals("address")) {
                    address.complete(fields[1]);
                } else if (fields.length == 3 && EVENTS.contains(fields[0])) {
                    events.put(fields[0], new long[] {Long.parseLong(fields[1]), Long.parseLong(fields[2])});
                }
            }
        } catch (IOException e) {
            address.completeExceptionally(e);
        }
    }

    /** Closes the host's stdin, which ends it, and waits; the reader has then seen every event. */
    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
            reader.join(TimeUnit.SECONDS.toMillis(10));
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
