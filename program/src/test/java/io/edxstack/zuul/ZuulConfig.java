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

/**
 * The Zuul objects of the tenant's projects, by kind and name: the config project's reviewed copy
 * ({@code config-project/}) and edxstack ({@code zuul.d/}). Each job remembers the project root its
 * playbooks are relative to.
 */
final class ZuulConfig {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** A job stanza and the root of the project that defines it. */
    record Job(String name, JsonNode body, Path projectRoot) {
    }

    final Map<String, JsonNode> pipelines = new LinkedHashMap<>();
    final Map<String, Job> jobs = new LinkedHashMap<>();
    final Map<String, JsonNode> secrets = new LinkedHashMap<>();
    final Map<String, JsonNode> semaphores = new LinkedHashMap<>();
    final List<JsonNode> projects = new ArrayList<>();
    final List<Path> roleRoots = new ArrayList<>();

    /** The tenant as this repository holds it: config-project/ (trusted) and the repository itself. */
    static ZuulConfig repository(Path repo) throws IOException {
        return new ZuulConfig().project(repo.resolve("config-project")).project(repo);
    }

    /** Adds one project: its zuul.d/ and its roles/. */
    ZuulConfig project(Path root) throws IOException {
        roleRoots.add(root.resolve("roles"));
        try (Stream<Path> files = Files.list(root.resolve("zuul.d"))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".yaml")).sorted().toList()) {
                for (JsonNode entry : yaml(file)) {
                    add(root, file, entry);
                }
            }
        }
        return this;
    }

    /** A YAML file of the repository (a playbook, a role's defaults) as a tree. */
    static JsonNode yaml(Path file) throws IOException {
        return YAML.readTree(file.toFile());
    }

    private void add(Path root, Path file, JsonNode entry) {
        String kind = entry.fieldNames().next();
        JsonNode body = entry.get(kind);
        String name = body.path("name").asText();
        switch (kind) {
            case "pipeline" -> pipelines.put(name, body);
            case "job" -> jobs.put(name, new Job(name, body, root));
            case "secret" -> secrets.put(name, body);
            case "semaphore" -> semaphores.put(name, body);
            case "project" -> projects.add(body);
            case "nodeset" -> { }
            default -> throw new IllegalStateException(file + ": unexpected Zuul object " + kind);
        }
    }

    /** The job and its parents defined here, nearest first (the tenant's base job is outside the repo). */
    List<Job> chain(String job) {
        List<Job> chain = new ArrayList<>();
        for (Job current = jobs.get(job); current != null; current = jobs.get(current.body().path("parent").asText())) {
            chain.add(current);
        }
        return chain;
    }

    /** An attribute as Zuul resolves it for these attributes: the nearest definition wins. */
    Optional<JsonNode> attribute(String job, String name) {
        return chain(job).stream().map(Job::body).filter(definition -> definition.has(name))
                .map(definition -> definition.get(name)).findFirst();
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
            value.forEach(item -> strings.add(item.isObject() ? item.path("name").asText() : item.asText()));
        }
        return strings;
    }
}
