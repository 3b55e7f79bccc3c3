package io.edxstack.review.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.edxstack.review.change.ChangeOp;
import io.edxstack.review.change.PropertyChange;
import io.edxstack.review.change.ResourceChange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the catalogue or stack-file line behind a change: a platform's resources point into
 * {@code stacks/platforms/<platform>.yaml}, cluster template inputs into
 * {@code stacks/cluster-templates/<version>.yaml} (the version the stack file names), everything else
 * into {@code Pulumi.<stack>.yaml}. Within a file: the mapped key, else the line holding the new value,
 * else the section the property belongs to, the file's {@code name} key or first {@code edxstack:} key,
 * else line 1.
 */
final class SourceLocator {

    private static final ObjectMapper YAML = io.edxstack.reading.Mappers.ownYaml().build();

    private final Path root;
    private final Map<String, Optional<YamlLines>> files = new HashMap<>();

    SourceLocator(Path root) {
        this.root = root;
    }

    /** Where a change (or one of its properties, when not null) comes from, if the files are at hand. */
    Optional<SourceLocation> locate(String stack, ResourceChange change, PropertyChange property) {
        Optional<String> platform = PlatformOf.of(change);
        if (platform.isPresent()) {
            String file = "stacks/platforms/" + platform.get() + ".yaml";
            List<List<String>> keys = property == null ? List.of() : CatalogueKeys.platformKeys(change, property);
            List<List<String>> fallbacks = new ArrayList<>();
            if (property != null) {
                fallbacks.addAll(CatalogueKeys.platformSections(change, property));
            } else if (change.op() == ChangeOp.DELETE) {
                // A platform leaves a stack when its 'stacks' list drops the stack.
                fallbacks.add(List.of("stacks"));
            }
            fallbacks.add(List.of("name"));
            Optional<SourceLocation> found = inFile(file, keys, property, fallbacks);
            if (found.isPresent()) {
                return found;
            }
        }
        boolean templateInput = property != null && (change.type().equals(CatalogueKeys.CLUSTER_TEMPLATE)
                || (change.type().equals(CatalogueKeys.CLUSTER)
                && CatalogueKeys.TEMPLATE_INPUTS.contains(CatalogueKeys.firstKey(property.path()))));
        if (templateInput) {
            Optional<SourceLocation> found = templateFile(stack).flatMap(file ->
                    inFile(file, CatalogueKeys.templateKeys(property), property, List.of()));
            if (found.isPresent()) {
                return found;
            }
        }
        String stackFile = "Pulumi." + stack + ".yaml";
        return lines(stackFile).map(lines -> {
            for (List<String> key : CatalogueKeys.stackKeys(change, property)) {
                Optional<Integer> line = lines.key(key);
                if (line.isPresent()) {
                    return new SourceLocation(stackFile, line.get());
                }
            }
            return new SourceLocation(stackFile, lines.firstConfigKey("edxstack:").orElse(1));
        });
    }

    private Optional<SourceLocation> inFile(String file, List<List<String>> keys, PropertyChange property,
                                            List<List<String>> fallbackKeys) {
        return lines(file).map(lines -> {
            for (List<String> key : keys) {
                Optional<Integer> line = lines.key(key);
                if (line.isPresent()) {
                    return new SourceLocation(file, line.get());
                }
            }
            if (property != null && property.newValue() instanceof String value && !value.isBlank()) {
                Optional<Integer> line = lines.scalar(value);
                if (line.isPresent()) {
                    return new SourceLocation(file, line.get());
                }
            }
            for (List<String> key : fallbackKeys) {
                Optional<Integer> line = lines.key(key);
                if (line.isPresent()) {
                    return new SourceLocation(file, line.get());
                }
            }
            return new SourceLocation(file, 1);
        });
    }

    /** The cluster template file the stack file names in {@code edxstack:cluster.template}. */
    private Optional<String> templateFile(String stack) {
        try {
            Path stackFile = root.resolve("Pulumi." + stack + ".yaml");
            if (!Files.isRegularFile(stackFile)) {
                return Optional.empty();
            }
            String template = YAML.readTree(stackFile.toFile()).path("config").path("edxstack:cluster.template").asText("");
            return template.isEmpty() ? Optional.empty() : Optional.of("stacks/cluster-templates/" + template + ".yaml");
        } catch (IOException unreadable) {
            return Optional.empty();
        }
    }

    private Optional<YamlLines> lines(String file) {
        return files.computeIfAbsent(file, name -> {
            Path path = root.resolve(name);
            return Files.isRegularFile(path) ? YamlLines.of(path) : Optional.empty();
        });
    }
}
