package io.edxstack.config;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the team plugins of the repository, {@code tutor/plugins/<name>.yml}: Tutor's YAML plugins (its "v0"
 * plugins: {@code name}, {@code version}, {@code patches}, {@code config}) limited to what renders the same on
 * every run and keeps secrets out of ConfigMaps. Each file is checked whether a platform enables it or not.
 */
public final class TutorPluginFiles {
    public static final String DIR = "tutor/plugins";
    public static final String SUFFIX = ".yml";
    /** Tutor's plugin names as its plugin indexes use them; the name also names the plugin's hooks context. */
    static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,62}");
    private static final Pattern PATCH_NAME = Pattern.compile("[a-z0-9][a-z0-9_-]*");
    /** An assignment of a string literal to a setting that looks like a secret: it would land in a ConfigMap. */
    private static final Pattern SECRET_ASSIGNMENT = Pattern.compile(
            "(?m)^\\s*[\\w\\[\\]\"'.]*(PASSWORD|SECRET|PRIVATE_KEY|API_KEY|TOKEN)[\\w\"'\\]]*\\s*=\\s*[rbf]?[\"'][^\"']+[\"']");
    private static final Map<String, String> REFUSED = Map.of(
            "hooks", "needs template files beside the plugin; perhaps make it a pip plugin pinned in tutor/requirements.lock",
            "templates", "points to a folder of templates; perhaps make it a pip plugin pinned in tutor/requirements.lock",
            "command", "adds a tutor command, which edxstack never runs");
    private static final Map<String, String> REFUSED_CONFIG = Map.of(
            "set", "would override the Tutor config edxstack derives from the catalogue (hosts, services, secrets); "
                    + "perhaps a catalogue key or <platform>.settings.json",
            "add", "declares values Tutor generates at random (secrets): the render would change from run to run; "
                    + "perhaps 'defaults', with secrets kept in Kubernetes Secrets");

    private TutorPluginFiles() {
    }

    /** Every YAML plugin of the project, by name; problems name the file and key. */
    public static Map<String, TutorPlugin.Yaml> load(Path projectDir, Problems problems) {
        Map<String, TutorPlugin.Yaml> plugins = new LinkedHashMap<>();
        for (Path file : files(projectDir.resolve(DIR))) {
            String name = file.getFileName().toString();
            String relative = DIR + "/" + name;
            if (name.startsWith(".")) {
                continue;
            }
            if (!name.endsWith(SUFFIX)) {
                problems.add(relative, "(file name)", name.endsWith(".yaml")
                        ? "is not read: Tutor's YAML plugins are <name>.yml, perhaps rename it to "
                                + name.replaceFirst("\\.yaml$", SUFFIX)
                        : "is not read: " + DIR + "/ holds YAML plugins (<name>.yml); a Python plugin must be a package "
                                + "pinned in tutor/requirements.lock");
                continue;
            }
            read(projectDir, file, problems).ifPresent(plugin -> plugins.put(plugin.name(), plugin));
        }
        return plugins;
    }

    /** One plugin file, checked; empty when it cannot be used. */
    public static Optional<TutorPlugin.Yaml> read(Path projectDir, Path file, Problems problems) {
        String relative = projectDir.relativize(file).toString();
        String stem = file.getFileName().toString().replaceFirst("\\.yml$", "");
        YamlObject yaml = CatalogueFiles.read(projectDir, file, problems);
        int before = problems.list().size();
        yaml.allowOnly(Set.of("name", "version", "patches", "config", "hooks", "templates", "command"));
        REFUSED.forEach((key, reason) -> {
            if (yaml.has(key)) {
                yaml.problem(key, "is not supported by edxstack: it " + reason);
            }
        });
        String name = yaml.requiredString("name");
        if (!name.isEmpty() && !NAME.matcher(name).matches()) {
            yaml.problem("name", "must be a plugin name of lower-case letters, digits, '-' and '_' (got '" + name + "')");
        } else if (!name.isEmpty() && !name.equals(stem)) {
            yaml.problem("name", "must match the file name '" + stem + "' (got '" + name + "'), perhaps rename the file");
        }
        yaml.string("version");
        patches(yaml, yaml.object("patches"));
        YamlObject config = yaml.object("config");
        config.allowOnly(Set.of("defaults", "set", "add"));
        REFUSED_CONFIG.forEach((key, reason) -> {
            if (config.has(key)) {
                config.problem(key, "is not supported by edxstack: it " + reason);
            }
        });
        config.object("defaults");
        if (problems.list().size() > before || name.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new TutorPlugin.Yaml(name, relative, Documents.readText(file)));
        } catch (Documents.UnreadableException e) {
            problems.add(relative, "(file)", e.getMessage());
            return Optional.empty();
        }
    }

    private static void patches(YamlObject yaml, YamlObject patches) {
        JsonNode node = patches.node();
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            var field = fields.next();
            String patch = field.getKey();
            if (!PATCH_NAME.matcher(patch).matches()) {
                patches.problem(patch, "is not a Tutor patch name such as openedx-lms-common-settings");
            }
            if (!field.getValue().isTextual()) {
                patches.problem(patch, "must be the text of the patch (a YAML block such as '|')");
                continue;
            }
            Matcher secret = SECRET_ASSIGNMENT.matcher(field.getValue().asText());
            if (secret.find()) {
                patches.problem(patch, "sets a secret in plain text (" + secret.group().strip().replaceFirst("=.*", "= ...")
                        + "): patches end up in ConfigMaps; keep secrets in Kubernetes Secrets");
            }
        }
    }

    private static List<Path> files(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }
}
