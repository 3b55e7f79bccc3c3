package io.edxstack.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Reads the catalogue's YAML files: one mapping per file, duplicate keys rejected. */
public final class CatalogueFiles {
    private CatalogueFiles() {
    }

    /** The {@code *.yaml} files of a directory, sorted so that every run reads them in the same order. */
    public static List<Path> yamlFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".yaml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Parses a file into a validating reader; a syntax error becomes a problem naming the file and line. */
    public static YamlObject read(Path root, Path file, Problems problems) {
        String name = root.relativize(file).toString();
        try {
            JsonNode node = Documents.readYaml(file);
            if (node == null || node.isMissingNode() || node.isNull()) {
                problems.add(name, "(file)", "is empty");
                node = MissingNode.getInstance();
            } else if (!node.isObject()) {
                problems.add(name, "(file)", "must be a mapping of keys to values");
                node = MissingNode.getInstance();
            }
            return new YamlObject(name, "", node, problems);
        } catch (Documents.UnreadableException e) {
            problems.add(name, "(file)", e.getMessage());
        }
        return new YamlObject(name, "", MissingNode.getInstance(), problems);
    }
}
