package io.edxstack.config;

import io.edxstack.reading.Mappers;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
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
    private static final YAMLMapper YAML = Mappers.yaml().build();
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
        readConfigSection(file, fileName, values, secrets);
        problems.throwIfAny();
        return new RawConfig(fileName, values, secrets);
    }

    /**
     * Scalars are kept as written: the Pulumi CLI reads {@code yes} or {@code 010} as text, while a YAML 1.1
     * reader would turn them into {@code true} and {@code 8} and accept what the engine would reject.
     */
    private static void readConfigSection(Path file, String fileName, Map<String, String> values, Set<String> secrets) {
        try (JsonParser parser = YAML.getFactory().createParser(Documents.readText(file))) {
            parser.nextToken();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String section = parser.currentName();
                parser.nextToken();
                if (!section.equals("config") || parser.currentToken() != JsonToken.START_OBJECT) {
                    parser.skipChildren();
                    continue;
                }
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    JsonToken token = parser.nextToken();
                    if (token.isScalarValue()) {
                        values.put(key, token == JsonToken.VALUE_NULL ? "" : parser.getText());
                        continue;
                    }
                    JsonNode value = parser.readValueAsTree();
                    if (value.isObject() && value.has("secure")) {
                        values.put(key, PLACEHOLDER);
                        secrets.add(key);
                    } else {
                        values.put(key, RawConfig.text(value));
                    }
                }
            }
        } catch (IOException e) {
            throw new ConfigException(java.util.List.of(new Problem(fileName, "config", "cannot be read: " + e.getMessage())));
        }
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
            JsonNode node = Documents.readYaml(file);
            if (node == null || !node.isObject()) {
                throw new ConfigException(java.util.List.of(new Problem(fileName, "(file)", "must be a YAML mapping")));
            }
            return node;
        } catch (Documents.UnreadableException e) {
            throw new ConfigException(java.util.List.of(new Problem(fileName, "(file)", e.getMessage())));
        }
    }
}
