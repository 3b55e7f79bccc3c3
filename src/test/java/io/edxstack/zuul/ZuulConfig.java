package io.edxstack.zuul;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** The objects of {@code zuul.d/}, by kind and name, with job attributes resolved through parents. */
final class ZuulConfig {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    final Map<String, JsonNode> pipelines = new LinkedHashMap<>();
    final Map<String, JsonNode> jobs = new LinkedHashMap<>();
    final Map<String, JsonNode> secrets = new LinkedHashMap<>();
    final Map<String, JsonNode> semaphores = new LinkedHashMap<>();
    final List<JsonNode> projects = new ArrayList<>();

    static ZuulConfig load(Path directory) throws IOException {
        ZuulConfig config = new ZuulConfig();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".yaml")).sorted().toList()) {
                for (JsonNode entry : yaml(file)) {
                    config.add(file, entry);
                }
            }
        }
        return config;
    }

    /** A YAML file of the repository (a playbook, a role's defaults) as a tree. */
    static JsonNode yaml(Path file) throws IOException {
        return YAML.readTree(file.toFile());
    }

    private void add(Path file, JsonNode entry) {
        String kind = entry.fieldNames().next();
        JsonNode body = entry.get(kind);
        switch (kind) {
            case "pipeline" -> pipelines.put(body.path("name").asText(), body);
            case "job" -> jobs.put(body.path("name").asText(), body);
            case "secret" -> secrets.put(body.path("name").asText(), body);
            case "semaphore" -> semaphores.put(body.path("name").asText(), body);
            case "project" -> projects.add(body);
            case "nodeset" -> { }
            default -> throw new IllegalStateException(file + ": unexpected Zuul object " + kind);
        }
    }

    /** The job and its parents defined here, nearest first (Zuul's own base job is outside the repo). */
    List<JsonNode> chain(String job) {
        List<JsonNode> chain = new ArrayList<>();
        for (JsonNode current = jobs.get(job); current != null; current = jobs.get(current.path("parent").asText())) {
            chain.add(current);
        }
        return chain;
    }

    /** An attribute as Zuul resolves it for these attributes: the nearest definition wins. */
    Optional<JsonNode> attribute(String job, String name) {
        return chain(job).stream().filter(definition -> definition.has(name)).map(definition -> definition.get(name))
                .findFirst();
    }

    /** Secret names the job uses, its parents' included (secrets are inherited). */
    List<String> secretsOf(String job) {
        List<String> names = new ArrayList<>();
        chain(job).forEach(definition -> definition.path("secrets").forEach(secret ->
                names.add(secret.isTextual() ? secret.asText() : secret.path("secret").asText())));
        return names;
    }

    /** Job names listed in a project pipeline, whether as strings or as {name: {...}} variants. */
    static List<String> jobNames(JsonNode pipelineJobs) {
        List<String> names = new ArrayList<>();
        for (JsonNode job : pipelineJobs) {
            names.add(job.isTextual() ? job.asText() : job.fieldNames().next());
        }
        return names;
    }

    /** Values of a job attribute that may be a string or a list of strings (pre-run, semaphores, ...). */
    static List<String> strings(JsonNode value) {
        List<String> strings = new ArrayList<>();
        if (value == null || value.isMissingNode()) {
            return strings;
        }
        if (value.isTextual()) {
            strings.add(value.asText());
        } else {
            value.forEach(item -> strings.add(item.asText()));
        }
        return strings;
    }
}
