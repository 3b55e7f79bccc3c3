package io.edxstack.config;

import io.edxstack.tutorenv.InstalledPlugins;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The platform catalogue and the cluster-template versions under {@code stacks/}, shared by every stack:
 * both regions read the same files, so the DR region is defined by the same review as the primary.
 */
public record Catalogue(List<PlatformSpec> platforms, Map<String, ClusterTemplateSpec> templates) {

    public static final String PLATFORMS_DIR = "stacks/platforms";
    public static final String TEMPLATES_DIR = "stacks/cluster-templates";

    public Catalogue {
        platforms = List.copyOf(platforms);
        templates = Map.copyOf(templates);
    }

    public static Catalogue load(Path projectDir, Set<String> knownStacks, Problems problems) {
        List<Path> platformFiles = CatalogueFiles.yamlFiles(projectDir.resolve(PLATFORMS_DIR));
        Map<String, TutorPlugin.Yaml> yamlPlugins = TutorPluginFiles.load(projectDir, problems);
        List<PlatformSpec> platforms = platformFiles.stream()
                .map(file -> PlatformSpecParser.parse(file.getFileName().toString(),
                        CatalogueFiles.read(projectDir, file, problems), knownStacks,
                        SettingsOverridesFile.read(projectDir, file, problems), yamlPlugins))
                .toList();
        checkPluginsInstalled(projectDir, platforms, yamlPlugins.keySet(), problems);
        SettingsOverridesFile.checkOrphans(projectDir, projectDir.resolve(PLATFORMS_DIR), platformFiles.stream()
                .map(f -> f.getFileName().toString().replaceFirst("\\.yaml$", ""))
                .collect(java.util.stream.Collectors.toSet()), problems);
        Map<String, ClusterTemplateSpec> templates = new LinkedHashMap<>();
        for (Path file : CatalogueFiles.yamlFiles(projectDir.resolve(TEMPLATES_DIR))) {
            ClusterTemplateSpec spec = ClusterTemplateSpecParser.parse(file.getFileName().toString(),
                    CatalogueFiles.read(projectDir, file, problems));
            templates.put(spec.version(), spec);
        }
        checkHostsUnique(platforms, problems);
        return new Catalogue(platforms, templates);
    }

    /**
     * A plugin that is not a YAML plugin of the repository must be installed in the pinned Tutor environment
     * (asked only when a platform lists one: that installs the environment on first use).
     */
    private static void checkPluginsInstalled(Path projectDir, List<PlatformSpec> platforms, Set<String> yamlPlugins,
                                              Problems problems) {
        Set<String> installed = null;
        for (PlatformSpec platform : platforms) {
            for (TutorPlugin plugin : platform.plugins()) {
                if (!(plugin instanceof TutorPlugin.Installed) || Files.exists(projectDir
                        .resolve(TutorPluginFiles.DIR).resolve(plugin.name() + TutorPluginFiles.SUFFIX))) {
                    continue; // a YAML plugin, or one whose file has problems of its own
                }
                if (installed == null) {
                    installed = InstalledPlugins.names();
                }
                if (installed.contains(plugin.name())) {
                    continue;
                }
                Set<String> known = new TreeSet<>(installed);
                known.addAll(yamlPlugins);
                known.remove(PlatformSpecParser.MFE_PLUGIN);
                problems.add(platform.file(), "plugins", "'" + plugin.name() + "' is neither installed in the pinned "
                        + "Tutor (tutor/requirements.lock) nor a YAML plugin " + TutorPluginFiles.DIR + "/" + plugin.name()
                        + TutorPluginFiles.SUFFIX + ClosestKey.among(plugin.name(), known).map(best -> ", perhaps '" + best + "'")
                        .orElse("") + "; a pip plugin: add its package to tutor/requirements.in and run tutor/lock.sh");
            }
        }
    }

    /** Two platforms answering on one host would each steal the other's traffic (and certificate). */
    private static void checkHostsUnique(List<PlatformSpec> platforms, Problems problems) {
        Map<String, String> owners = new HashMap<>();
        for (PlatformSpec platform : platforms) {
            var hosts = platform.hosts();
            Map<String, String> byKey = new LinkedHashMap<>();
            byKey.put("hosts.lms", hosts.lms());
            byKey.put("hosts.cms", hosts.cms());
            hosts.mfe().ifPresent(mfe -> byKey.put("hosts.mfe", mfe));
            hosts.meilisearch().ifPresent(meilisearch -> byKey.put("hosts.meilisearch", meilisearch));
            byKey.forEach((key, host) -> {
                if (host.isEmpty()) {
                    return;
                }
                String here = platform.file() + " " + key;
                String previous = owners.putIfAbsent(host, here);
                if (previous != null) {
                    problems.add(platform.file(), key, "host '" + host + "' is already used by " + previous
                            + "; every host must be unique across the catalogue");
                }
            });
        }
    }

    public List<PlatformSpec> platformsOf(String stackName) {
        return platforms.stream().filter(p -> p.runsOn(stackName)).toList();
    }

    public Optional<ClusterTemplateSpec> template(String version) {
        return Optional.ofNullable(templates.get(version));
    }
}
