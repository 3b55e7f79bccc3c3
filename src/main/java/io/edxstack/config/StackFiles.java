package io.edxstack.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads a stack's config from the project's files, as the Pulumi CLI would hand it to the program, for
 * commands that run without the engine. Encrypted values cannot be decrypted here: they become
 * placeholders still marked secret, so the program takes the same paths as under the engine.
 */
public final class StackFiles {
    public static final String PROJECT_NAME = "edxstack";
    public static final String PLACEHOLDER = "[secret]";
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Set<String> STACK_FILE_KEYS = Set.of("config", "encryptionsalt", "secretsprovider",
            "encryptedkey", "environment");

    private StackFiles() {
    }

    public static RawConfig read(Path projectDir, String stackName) {
        checkProject(projectDir);
        String fileName = "Pulumi." + stackName + ".yaml";
        Path file = projectDir.resolve(fileName);
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(java.util.List.of(new Problem(fileName, "(file)", "no such stack file in "
                    + projectDir.toAbsolutePath().normalize() + ", perhaps one of "
                    + StackInputs.stackNames(projectDir, stackName).stream().filter(s -> !s.equals(stackName)).toList())));
        }
        JsonNode root = parse(file, fileName);
        Problems problems = new Problems();
        Map<String, String> values = new TreeMap<>();
        Set<String> secrets = new TreeSet<>();
        for (Iterator<String> keys = root.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!STACK_FILE_KEYS.contains(key)) {
                problems.add(fileName, key, ClosestKey.unknownKeyMessage(key, STACK_FILE_KEYS));
            }
        }
        root.path("config").fields().forEachRemaining(entry -> {
            JsonNode value = entry.getValue();
            if (value.isObject() && value.has("secure")) {
                values.put(entry.getKey(), PLACEHOLDER);
                secrets.add(entry.getKey());
            } else {
                values.put(entry.getKey(), RawConfig.text(value));
            }
        });
        problems.throwIfAny();
        return new RawConfig(fileName, values, secrets);
    }

    private static void checkProject(Path projectDir) {
        Path project = projectDir.resolve("Pulumi.yaml");
        if (!Files.isRegularFile(project)) {
            throw new ConfigException(java.util.List.of(new Problem("Pulumi.yaml", "(file)",
                    "not found in " + projectDir.toAbsolutePath().normalize()
                            + ", perhaps run from the edxstack checkout or pass --project-dir")));
        }
        String name = parse(project, "Pulumi.yaml").path("name").asText();
        if (!PROJECT_NAME.equals(name)) {
            throw new ConfigException(java.util.List.of(new Problem("Pulumi.yaml", "name",
                    "must be '" + PROJECT_NAME + "' (got '" + name + "'): config keys live under that namespace")));
        }
    }

    private static JsonNode parse(Path file, String fileName) {
        try {
            JsonNode node = YAML.readTree(file.toFile());
            if (node == null || !node.isObject()) {
                throw new ConfigException(java.util.List.of(new Problem(fileName, "(file)", "must be a YAML mapping")));
            }
            return node;
        } catch (IOException e) {
            throw new ConfigException(java.util.List.of(new Problem(fileName, "(file)", "is not valid YAML: " + e.getMessage())));
        }
    }
}
