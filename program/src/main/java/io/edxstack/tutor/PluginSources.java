package io.edxstack.tutor;

import io.edxstack.config.Problems;
import io.edxstack.config.TutorPlugin;
import io.edxstack.config.TutorPluginFiles;
import io.edxstack.tutorenv.InstalledPlugins;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Where the plugins of a Tutor installation ({@code PLUGINS} of its config.yml) can come from in edxstack: a YAML
 * plugin already in the repository ({@code tutor/plugins/}), a YAML plugin of the Tutor installation's plugins root
 * ({@code --plugins-dir}, copied into the repository when edxstack can load it), or a plugin installed in the
 * pinned Tutor environment (asked only when needed: that installs the environment on first use).
 *
 * @param repository the YAML plugins of the repository, by name
 * @param found      usable YAML plugins of the plugins root, by name
 * @param unusable   plugins of the plugins root edxstack cannot load, by name: why
 * @param installed  the plugins of the pinned Tutor environment
 */
public record PluginSources(Set<String> repository, Map<String, TutorPlugin.Yaml> found, Map<String, String> unusable,
                            Supplier<Set<String>> installed) {

    public static PluginSources of(Path projectDir, Optional<Path> pluginsRoot) {
        Set<String> repository = TutorPluginFiles.load(projectDir, new Problems()).keySet();
        Map<String, TutorPlugin.Yaml> found = new LinkedHashMap<>();
        Map<String, String> unusable = new LinkedHashMap<>();
        pluginsRoot.ifPresent(root -> {
            for (Path file : files(root)) {
                String name = file.getFileName().toString();
                if (name.endsWith(".py")) {
                    unusable.put(name.substring(0, name.length() - 3), "a Python plugin file (" + file + "): edxstack "
                            + "loads YAML plugins of the repository and pip plugins pinned in tutor/requirements.lock; "
                            + "package it, pin it (tutor/requirements.in, tutor/lock.sh), then list it under plugins:");
                } else if (name.endsWith(TutorPluginFiles.SUFFIX)) {
                    Problems problems = new Problems();
                    String stem = name.substring(0, name.length() - TutorPluginFiles.SUFFIX.length());
                    TutorPluginFiles.read(root, file, problems).ifPresentOrElse(plugin -> found.put(plugin.name(), plugin),
                            () -> unusable.put(stem, "a YAML plugin edxstack cannot load as it is (" + file + "): "
                                    + String.join("; ", problems.list().stream()
                                    .map(p -> p.key() + ": " + p.message()).toList())));
                }
            }
        });
        return new PluginSources(Set.copyOf(repository), Map.copyOf(found), Map.copyOf(unusable),
                InstalledPlugins::names);
    }

    private static List<Path> files(Path root) {
        if (!Files.isDirectory(root)) {
            throw new UncheckedIOException(new IOException(root + " is not a folder, perhaps $(tutor plugins printroot)"));
        }
        try (Stream<Path> files = Files.list(root)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
