package io.edxstack.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.edxstack.config.Documents;
import io.edxstack.reading.Mappers;
import io.edxstack.config.ConfigException;
import io.edxstack.config.Problem;
import io.edxstack.tutor.ImportReport;
import io.edxstack.tutor.ImportWriter;
import io.edxstack.tutor.PluginSources;
import io.edxstack.tutor.TutorImport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** Turns a Tutor installation's config.yml into a platform of the catalogue. */
@Command(name = "import-tutor", mixinStandardHelpOptions = true,
        description = "Write stacks/platforms/NAME.yaml (and NAME.settings.json) from a Tutor v21 or v22 config.yml, validated "
                + "with the catalogue (and its team plugins into tutor/plugins/). Lists what was mapped and what was not; never writes or prints a Tutor secret, "
                + "but prints the commands that copy the ones the platform keeps into Kubernetes or Pulumi secrets.")
public final class ImportTutorCommand implements Callable<Integer> {
    @Option(names = "--config", required = true, paramLabel = "config.yml", description = "Tutor's config.yml ($(tutor config printroot)/config.yml).")
    Path config;

    @Option(names = "--settings-merge", paramLabel = "FILE", description = "JSON of Django settings to merge over the rendered ones: {\"lms\": {...}, \"cms\": {...}}, or one flat object for both.")
    Path settingsMerge;

    @Option(names = "--plugins-dir", paramLabel = "DIR", description = "Tutor's plugins root ($(tutor plugins printroot)): "
            + "its YAML plugins named in PLUGINS are copied to tutor/plugins/ and enabled.")
    Path pluginsDir;

    @Option(names = "--platform", required = true, paramLabel = "NAME", description = "Platform (and namespace) name.")
    String platform;

    @Option(names = "--project-dir", paramLabel = "DIR", defaultValue = ".", description = "The edxstack checkout (default: the current directory).")
    Path projectDir;

    @Option(names = "--stacks", split = ",", paramLabel = "STACK", description = "Stacks that run the platform (default: every stack of the project).")
    List<String> stacks;

    @Option(names = "--force", description = "Overwrite an existing platform file.")
    boolean force;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        JsonNode tutor = read(config, Mappers.yaml().build(), "YAML");
        if (tutor == null || !tutor.isObject()) {
            throw problem(config, "must be a YAML mapping such as Tutor's config.yml");
        }
        Optional<JsonNode> merge = Optional.ofNullable(settingsMerge).map(file -> read(file, Mappers.json().build(), "JSON"));
        List<String> targets = stacks == null || stacks.isEmpty()
                ? new ArrayList<>(ImportWriter.stackNames(projectDir)) : stacks;
        ImportReport report = TutorImport.map(platform, targets, tutor, merge, config.toString(),
                PluginSources.of(projectDir, Optional.ofNullable(pluginsDir)));
        List<Path> written = ImportWriter.write(projectDir, platform, report, force);
        PrintWriter out = spec.commandLine().getOut();
        out.println("Wrote " + String.join(" and ", written.stream().map(Path::toString).toList())
                + " (valid for the catalogue; review it before committing).");
        section(out, "Mapped", report.mapped().entrySet().stream().map(e -> e.getKey() + " -> " + e.getValue()).toList());
        section(out, "Not mapped", report.notMapped().entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList());
        section(out, "Secrets (values neither written nor shown)", report.secrets().entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue()).toList());
        List<String> commands = new ArrayList<>(report.commands());
        commands.add("# Once for both stacks, the SAME value on each (skip if already set):\n"
                + "key=\"$(openssl rand -base64 48)\"\n" + String.join("\n", targets.stream()
                .map(s -> "printf '%s' \"$key\" | pulumi config set --stack " + s + " --secret edxstack:secrets.masterKey")
                .toList()) + "\nunset key");
        section(out, "Run these (bash; they read secrets from " + config + " without showing them)", commands);
        out.flush();
        return 0;
    }

    private static void section(PrintWriter out, String title, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        out.println();
        out.println(title + ":");
        lines.forEach(line -> out.println("  " + line.replace("\n", "\n  ")));
    }

    private static JsonNode read(Path file, com.fasterxml.jackson.databind.ObjectMapper mapper, String format) {
        try {
            return mapper.readTree(Documents.readText(file));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // The parser's message may quote the offending text, which could be a secret: keep only the place.
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw problem(file, "is not valid " + format + where);
        } catch (Documents.UnreadableException e) {
            throw problem(file, e.getMessage());
        }
    }

    private static ConfigException problem(Path file, String message) {
        return new ConfigException(List.of(new Problem(file.toString(), "(file)", message)));
    }
}
