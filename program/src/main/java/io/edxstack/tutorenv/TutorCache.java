package io.edxstack.tutorenv;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Rendered environments on disk, one file per platform under {@code <cache>/tutor-renders/}, named by the hash of
 * the runtime's key (Tutor's lock file and the render script) and of the platform's request (its Tutor config,
 * plugins, patches and the YAML plugins' text): a Tutor upgrade or a changed platform never finds an old entry. Requests hold no secret,
 * so neither do the files.
 */
final class TutorCache {
    static final JsonMapper JSON = io.edxstack.reading.Mappers.json()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    private final Path dir;

    TutorCache(Path dir) {
        this.dir = dir;
    }

    static TutorCache inCacheDir() {
        return new TutorCache(TutorRuntime.cacheDir().resolve("tutor-renders"));
    }

    /** The request as stable JSON text: what its cache entry and its in-memory result are keyed by. */
    static String canonical(TutorRequest request) {
        try {
            return JSON.writeValueAsString(JSON.treeToValue(json(request), Object.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a Tutor request", e);
        }
    }

    /** The request as the render script reads it; the cache key is made of the same fields. */
    static ObjectNode json(TutorRequest request) {
        ObjectNode node = JSON.createObjectNode();
        node.put("name", request.name());
        node.set("config", request.config());
        node.set("plugins", JSON.valueToTree(request.plugins()));
        node.set("patches", JSON.valueToTree(new TreeMap<>(request.patches())));
        node.set("yamlPlugins", JSON.valueToTree(new TreeMap<>(request.yamlPlugins())));
        return node;
    }

    static String key(String runtimeKey, String canonicalRequest) {
        return TutorRuntime.sha256(runtimeKey.getBytes(StandardCharsets.UTF_8),
                canonicalRequest.getBytes(StandardCharsets.UTF_8));
    }

    private Path file(String key) {
        return dir.resolve(key.substring(0, 2)).resolve(key + ".json");
    }

    /** The cached environment, or empty when there is none or it is damaged (then it is rendered again). */
    Optional<TutorEnvironment> read(String key) {
        Path file = file(key);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(environment(JSON.readTree(file.toFile())));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    void write(String key, TutorEnvironment environment) {
        Path file = file(key);
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

    /** An environment from its JSON form: a cache file or a line of the render script's output. */
    static TutorEnvironment environment(JsonNode node) {
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
}
