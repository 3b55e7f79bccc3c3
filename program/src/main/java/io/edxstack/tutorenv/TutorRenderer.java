package io.edxstack.tutorenv;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Renders platforms with the pinned Tutor: every platform not yet rendered in ONE Python process
 * ({@code tutor/render.py}, Tutor's Python API), each result cached on disk and in memory under the hash of
 * its request and of the runtime (lock file and script), so an unchanged platform never starts Python again.
 * The requests hold no secret, so neither do the cached files.
 */
public final class TutorRenderer {
    private static final JsonMapper JSON = io.edxstack.reading.Mappers.json()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();
    private static final int TIMEOUT_MINUTES = 10;
    private static final Map<String, TutorEnvironment> MEMORY = new ConcurrentHashMap<>();
    private static final AtomicLong PYTHON_NANOS = new AtomicLong();
    private static final AtomicLong PYTHON_RUNS = new AtomicLong();

    private TutorRenderer() {
    }

    /** Each request's environment, rendering all cache misses in one Python process. */
    public static Map<String, TutorEnvironment> render(List<TutorRequest> requests) {
        Map<String, TutorEnvironment> out = new LinkedHashMap<>();
        Map<String, String> keys = new LinkedHashMap<>();
        List<TutorRequest> misses = new ArrayList<>();
        TutorRuntime runtime = null;
        for (TutorRequest request : requests) {
            TutorEnvironment known = MEMORY.get(memoryKey(request));
            if (known != null) {
                out.put(request.name(), known);
                continue;
            }
            if (runtime == null) {
                runtime = TutorRuntime.shared();
            }
            String key = cacheKey(runtime, request);
            keys.put(request.name(), key);
            TutorEnvironment cached = readCache(key);
            if (cached != null) {
                MEMORY.put(memoryKey(request), cached);
                out.put(request.name(), cached);
            } else {
                misses.add(request);
            }
        }
        if (!misses.isEmpty()) {
            Map<String, TutorEnvironment> rendered = runPython(runtime, misses);
            for (TutorRequest request : misses) {
                TutorEnvironment environment = rendered.get(request.name());
                writeCache(keys.get(request.name()), environment);
                MEMORY.put(memoryKey(request), environment);
                out.put(request.name(), environment);
            }
        }
        Map<String, TutorEnvironment> ordered = new LinkedHashMap<>();
        requests.forEach(r -> ordered.put(r.name(), out.get(r.name())));
        return ordered;
    }

    public static TutorEnvironment render(TutorRequest request) {
        return render(List.of(request)).get(request.name());
    }

    /** Renders every request in one Python process, reading and writing no cache: for the render benchmark. */
    public static Map<String, TutorEnvironment> renderUncached(List<TutorRequest> requests) {
        return runPython(TutorRuntime.shared(), requests);
    }

    /** Wall time spent in Tutor's Python processes in this JVM, and how many ran: for the render benchmark. */
    public static long pythonNanos() {
        return PYTHON_NANOS.get();
    }

    public static long pythonRuns() {
        return PYTHON_RUNS.get();
    }

    /** Forgets the in-memory results (the disk cache stays): for the benchmark's cold rounds. */
    public static void clearMemory() {
        MEMORY.clear();
    }

    private static String memoryKey(TutorRequest request) {
        return canonical(request);
    }

    private static String cacheKey(TutorRuntime runtime, TutorRequest request) {
        return TutorRuntime.sha256(runtime.key().getBytes(StandardCharsets.UTF_8),
                canonical(request).getBytes(StandardCharsets.UTF_8));
    }

    private static String canonical(TutorRequest request) {
        ObjectNode node = JSON.createObjectNode();
        node.put("name", request.name());
        node.set("config", request.config());
        node.set("plugins", JSON.valueToTree(request.plugins()));
        node.set("patches", JSON.valueToTree(new TreeMap<>(request.patches())));
        try {
            return JSON.writeValueAsString(JSON.treeToValue(node, Object.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a Tutor request", e);
        }
    }

    private static Path cacheFile(String key) {
        return TutorRuntime.cacheDir().resolve("tutor-renders").resolve(key.substring(0, 2)).resolve(key + ".json");
    }

    private static TutorEnvironment readCache(String key) {
        Path file = cacheFile(key);
        if (!Files.exists(file)) {
            return null;
        }
        try {
            return environment(JSON.readTree(file.toFile()));
        } catch (IOException | RuntimeException e) {
            return null; // a damaged cache entry is rendered again
        }
    }

    private static void writeCache(String key, TutorEnvironment environment) {
        Path file = cacheFile(key);
        try {
            Files.createDirectories(file.getParent());
            Path scratch = Files.createTempFile(file.getParent(), key, ".tmp");
            ObjectNode node = JSON.createObjectNode();
            node.set("files", JSON.valueToTree(new TreeMap<>(environment.files())));
            node.set("config", environment.config());
            node.set("initTasks", JSON.valueToTree(environment.initTasks().stream()
                    .map(t -> List.of(t.app(), t.service(), t.script())).toList()));
            node.set("plugins", JSON.valueToTree(environment.plugins()));
            JSON.writeValue(scratch.toFile(), node);
            Files.move(scratch, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // Without a writable cache every run renders again: slower, still correct.
        }
    }

    private static Map<String, TutorEnvironment> runPython(TutorRuntime runtime, List<TutorRequest> requests) {
        ObjectNode input = JSON.createObjectNode();
        var platforms = input.putArray("platforms");
        for (TutorRequest request : requests) {
            ObjectNode platform = platforms.addObject();
            platform.put("name", request.name());
            platform.set("config", request.config());
            platform.set("plugins", JSON.valueToTree(request.plugins()));
            platform.set("patches", JSON.valueToTree(new TreeMap<>(request.patches())));
        }
        long started = System.nanoTime();
        try {
            ProcessBuilder builder = new ProcessBuilder(runtime.python().toString(), runtime.script().toString());
            // Tutor reads TUTOR_* variables as config overrides: none of the operator's may leak into a render.
            builder.environment().keySet().removeIf(name -> name.startsWith("TUTOR_"));
            builder.environment().put("TUTOR_ROOT", TutorRuntime.cacheDir().resolve("tutor-root").toString());
            builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
            Process process = builder.start();
            CompletableFuture<byte[]> stderr = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
            try (OutputStream in = process.getOutputStream()) {
                JSON.writeValue(in, input);
            }
            byte[] out = readAll(process.getInputStream());
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new TutorException("Tutor did not finish rendering within " + TIMEOUT_MINUTES + " minutes");
            }
            if (process.exitValue() != 0) {
                String errors = new String(stderr.join(), StandardCharsets.UTF_8).strip();
                throw new TutorException(errors.isEmpty() ? "Tutor's render failed (exit " + process.exitValue() + ")"
                        : errors.lines().reduce((a, b) -> b).orElse(errors));
            }
            JsonNode result = JSON.readTree(out).path("platforms");
            Map<String, TutorEnvironment> environments = new LinkedHashMap<>();
            for (TutorRequest request : requests) {
                environments.put(request.name(), environment(result.path(request.name())));
            }
            return environments;
        } catch (IOException e) {
            throw new TutorException("cannot run Tutor (" + runtime.python() + "): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TutorException("interrupted while Tutor rendered", e);
        } finally {
            PYTHON_NANOS.addAndGet(System.nanoTime() - started);
            PYTHON_RUNS.incrementAndGet();
        }
    }

    private static TutorEnvironment environment(JsonNode node) {
        if (!node.path("files").isObject()) {
            throw new TutorException("Tutor's render holds no files for a platform");
        }
        Map<String, String> files = new TreeMap<>();
        node.path("files").fields().forEachRemaining(e -> files.put(e.getKey(), e.getValue().asText()));
        List<TutorEnvironment.InitTask> tasks = new ArrayList<>();
        node.path("initTasks").forEach(t -> tasks.add(
                new TutorEnvironment.InitTask(t.get(0).asText(), t.get(1).asText(), t.get(2).asText())));
        List<String> plugins = new ArrayList<>();
        node.path("plugins").forEach(p -> plugins.add(p.asText()));
        return new TutorEnvironment(files, node.path("config"), tasks, plugins);
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
