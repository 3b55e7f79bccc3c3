package io.edxstack.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Files edxstack would silently skip: a platform saved as {@code demo.yml}, settings as
 * {@code demo.setting.json}, a stack file as {@code Pulumi.prod-dr.yml}. Each is refused with the name it
 * probably meant, since a platform that is never read is a platform that is never deployed.
 */
final class FileNames {
    private static final List<String> STACKS_DIRS = List.of("platforms", "cluster-templates");

    private FileNames() {
    }

    static void checkProject(Path projectDir, Problems problems) {
        list(projectDir).forEach(file -> {
            String name = file.getFileName().toString();
            if (name.startsWith("Pulumi.") && !name.endsWith(".yaml") && isYamlLike(name)) {
                problems.add(name, "(file name)", "is not read: stack files are Pulumi.<stack>.yaml, perhaps rename "
                        + "it to " + stem(name) + ".yaml");
            }
        });
        Path stacks = projectDir.resolve("stacks");
        list(stacks).forEach(file -> {
            String name = file.getFileName().toString();
            if (hidden(name) || Files.isDirectory(file) && STACKS_DIRS.contains(name)) {
                return;
            }
            problems.add("stacks/" + name, "(file name)", "is not read: stacks/ holds only "
                    + String.join("/ and ", STACKS_DIRS) + "/" + ClosestKey.among(name, STACKS_DIRS)
                    .map(best -> ", perhaps stacks/" + best + "/").orElse(""));
        });
        list(projectDir.resolve(Catalogue.PLATFORMS_DIR)).forEach(file -> {
            String name = file.getFileName().toString();
            if (hidden(name) || name.endsWith(".yaml") && !name.endsWith(".settings.yaml")
                    || name.endsWith(SettingsOverridesFile.SUFFIX)) {
                return;
            }
            String lower = name.toLowerCase(Locale.ROOT);
            String meant = lower.contains("setting") || lower.endsWith(".json")
                    ? stem(name) + SettingsOverridesFile.SUFFIX : stem(name) + ".yaml";
            problems.add(Catalogue.PLATFORMS_DIR + "/" + name, "(file name)", "is not read: platforms are <name>.yaml "
                    + "and their settings <name>" + SettingsOverridesFile.SUFFIX + ", perhaps rename it to " + meant);
        });
        list(projectDir.resolve(Catalogue.TEMPLATES_DIR)).forEach(file -> {
            String name = file.getFileName().toString();
            if (!hidden(name) && !name.endsWith(".yaml")) {
                problems.add(Catalogue.TEMPLATES_DIR + "/" + name, "(file name)", "is not read: template versions are "
                        + "<version>.yaml, perhaps rename it to " + stem(name) + ".yaml");
            }
        });
    }

    /** Editors' and Git's own files (.gitkeep, .demo.yaml.swp) are nobody's mistake. */
    private static boolean hidden(String name) {
        return name.startsWith(".") || name.endsWith("~") || name.equalsIgnoreCase("README.md");
    }

    private static boolean isYamlLike(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".yml") || lower.endsWith(".yaml") || lower.endsWith(".yaml.txt");
    }

    /** The name without what follows its platform or stack name: demo.setting.json becomes demo. */
    private static String stem(String name) {
        if (name.startsWith("Pulumi.")) {
            return name.replaceFirst("(?i)\\.ya?ml(\\.txt)?$", "");
        }
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    private static List<Path> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }
}
