package io.edxstack.tutor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.edxstack.config.Catalogue;
import io.edxstack.config.ConfigException;
import io.edxstack.config.Problem;
import io.edxstack.config.Problems;
import io.edxstack.config.SettingsOverridesFile;
import io.edxstack.config.TutorPluginFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Writes an import into the catalogue and validates the whole catalogue with it, as every stack would
 * read it; files that do not pass are removed again, so a failed import leaves the checkout as it was.
 */
public final class ImportWriter {
    private static final YAMLMapper YAML = io.edxstack.reading.Mappers.yaml()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .build();
    private static final String HEADER = "# Imported from a Tutor config.yml by 'edxstack import-tutor': review it, then\n"
            + "# run the printed commands for the secrets it keeps. See docs/platforms.md.\n";

    private ImportWriter() {
    }

    /** The files written, relative to the project. */
    public static List<Path> write(Path projectDir, String platform, ImportReport report, boolean force) {
        Path dir = projectDir.resolve(Catalogue.PLATFORMS_DIR);
        Path yamlFile = dir.resolve(platform + ".yaml");
        Path settingsFile = dir.resolve(platform + SettingsOverridesFile.SUFFIX);
        for (Path file : List.of(yamlFile, settingsFile)) {
            if (Files.exists(file) && !force) {
                throw new ConfigException(List.of(new Problem(projectDir.relativize(file).toString(), "(file)",
                        "exists already, perhaps import under another --platform name or pass --force")));
            }
        }
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            Files.writeString(yamlFile, HEADER + YAML.writeValueAsString(report.platform()));
            written.add(yamlFile);
            if (report.settings().isPresent()) {
                Files.writeString(settingsFile, DjangoJson.JSON.writerWithDefaultPrettyPrinter()
                        .with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                        .writeValueAsString(report.settings().get()) + "\n");
                written.add(settingsFile);
            } else {
                Files.deleteIfExists(settingsFile);
            }
            written.addAll(writePlugins(projectDir, report.pluginFiles()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the imported platform", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Problems problems = new Problems();
        Catalogue.load(projectDir, stackNames(projectDir), problems);
        if (!problems.isEmpty()) {
            written.forEach(ImportWriter::delete);
            delete(settingsFile);
            problems.throwIfAny();
        }
        return written.stream().map(projectDir::relativize).toList();
    }

    /** The installation's YAML plugins, into tutor/plugins/: never over a different plugin of the same name. */
    private static List<Path> writePlugins(Path projectDir, Map<String, String> plugins) throws IOException {
        List<Path> written = new ArrayList<>();
        for (var plugin : new TreeMap<>(plugins).entrySet()) {
            Path file = projectDir.resolve(TutorPluginFiles.DIR).resolve(plugin.getKey() + TutorPluginFiles.SUFFIX);
            if (Files.exists(file)) {
                if (!Files.readString(file).equals(plugin.getValue())) {
                    written.forEach(ImportWriter::delete);
                    throw new ConfigException(List.of(new Problem(projectDir.relativize(file).toString(), "(file)",
                            "exists already with other content than the installation's plugin '" + plugin.getKey()
                                    + "', perhaps compare the two and keep one")));
                }
                continue;
            }
            Files.createDirectories(file.getParent());
            Files.writeString(file, plugin.getValue());
            written.add(file);
        }
        return written;
    }

    /** The project's stacks: one {@code Pulumi.<stack>.yaml} each. */
    public static Set<String> stackNames(Path projectDir) {
        try (Stream<Path> files = Files.list(projectDir)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(f -> f.startsWith("Pulumi.") && f.endsWith(".yaml") && !f.equals("Pulumi.yaml"))
                    .map(f -> f.substring("Pulumi.".length(), f.length() - ".yaml".length()))
                    .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + projectDir, e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
