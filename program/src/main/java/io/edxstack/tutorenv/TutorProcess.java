package io.edxstack.tutorenv;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;

/**
 * One run of {@code tutor/render.py}: started before its request is known (Python and Tutor's imports then overlap
 * the JVM's own start), given every platform to render at once, and read one platform at a time as Python writes
 * them, so the program builds the first platforms while Python renders the next. Runs on daemon threads of its
 * own (the ForkJoin common pool is pinned to one thread for the Pulumi SDK).
 */
final class TutorProcess {
    static final int TIMEOUT_MINUTES = 10;

    private final Process process;
    private final TutorRuntime runtime;
    private final CompletableFuture<String> errors = new CompletableFuture<>();

    private TutorProcess(TutorRuntime runtime, Process process) {
        this.runtime = runtime;
        this.process = process;
        daemon("tutor-stderr", () -> errors.complete(text(process.getErrorStream())));
    }

    static TutorProcess start(TutorRuntime runtime) {
        try {
            return new TutorProcess(runtime, builder(runtime).start());
        } catch (IOException e) {
            throw new TutorException("cannot run Tutor (" + runtime.python() + "): " + e.getMessage(), e);
        }
    }

    /** The render script in the pinned environment, with nothing of the machine's Tutor setup. */
    static ProcessBuilder builder(TutorRuntime runtime, String... arguments) {
        List<String> command = new ArrayList<>(List.of(runtime.python().toString(), runtime.script().toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command);
        // Tutor reads TUTOR_* variables as config overrides: none of the operator's may leak into a render.
        builder.environment().keySet().removeIf(name -> name.startsWith("TUTOR_"));
        builder.environment().put("TUTOR_ROOT", TutorRuntime.cacheDir().resolve("tutor-root").toString());
        // Tutor installs every plugin file of its plugins root: the user's own (~/.local/share/tutor-plugins)
        // must not reach a render. This folder is never created; the repository's plugins come in the request.
        builder.environment().put("TUTOR_PLUGINS_ROOT",
                TutorRuntime.cacheDir().resolve("tutor-root/no-plugins").toString());
        builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        return builder;
    }

    TutorRuntime runtime() {
        return runtime;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Ends a process started early that turned out not to be needed: an empty request renders nothing. */
    void discard() {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            process.destroy();
        }
    }

    /**
     * Writes every request and returns at once; {@code done} gets each platform's environment as Python writes it
     * (on a thread of this class), and the returned future completes when all have come, or fails with Tutor's own
     * message (naming the platform), or after {@value #TIMEOUT_MINUTES} minutes.
     */
    CompletableFuture<Void> render(List<TutorRequest> requests, BiConsumer<TutorRequest, TutorEnvironment> done) {
        Map<String, TutorRequest> byName = new LinkedHashMap<>();
        requests.forEach(r -> byName.put(r.name(), r));
        CompletableFuture<Void> finished = new CompletableFuture<>();
        AtomicReference<Throwable> writeFailure = new AtomicReference<>();
        daemon("tutor-stdin", () -> {
            try (OutputStream in = process.getOutputStream()) {
                TutorCache.JSON.writeValue(in, input(requests));
            } catch (IOException e) {
                writeFailure.set(e); // Python ended early: its exit code and message say why
            }
        });
        daemon("tutor-stdout", () -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    JsonNode node = TutorCache.JSON.readTree(line);
                    TutorRequest request = byName.remove(node.path("name").asText());
                    if (request == null) {
                        throw new TutorException("Tutor rendered a platform it was not asked for: " + node.path("name"));
                    }
                    done.accept(request, TutorCache.environment(node));
                }
                if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                    throw new TutorException("Tutor did not finish rendering within " + TIMEOUT_MINUTES + " minutes");
                }
                if (process.exitValue() != 0) {
                    String message = errors.join().strip();
                    throw new TutorException(message.isEmpty() ? "Tutor's render failed (exit " + process.exitValue() + ")"
                            : message.lines().reduce((a, b) -> b).orElse(message));
                }
                if (!byName.isEmpty()) {
                    throw new TutorException("Tutor ended without rendering " + byName.keySet()
                            + (writeFailure.get() == null ? "" : ": " + writeFailure.get().getMessage()));
                }
                finished.complete(null);
            } catch (IOException | RuntimeException e) {
                finished.completeExceptionally(e instanceof TutorException ? e
                        : new TutorException("cannot read Tutor's render: " + e.getMessage(), e));
            } catch (InterruptedException e) {
                finished.completeExceptionally(new TutorException("interrupted while Tutor rendered", e));
            } finally {
                process.destroyForcibly();
            }
        });
        return finished.orTimeout(TIMEOUT_MINUTES, TimeUnit.MINUTES).whenComplete((ok, error) -> {
            if (error != null) {
                process.destroyForcibly();
            }
        });
    }

    private static ObjectNode input(List<TutorRequest> requests) {
        ObjectNode input = TutorCache.JSON.createObjectNode();
        var platforms = input.putArray("platforms");
        requests.forEach(request -> platforms.add(TutorCache.json(request)));
        return input;
    }

    private static String text(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    static void daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }
}
