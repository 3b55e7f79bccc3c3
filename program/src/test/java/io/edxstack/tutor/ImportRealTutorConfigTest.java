package io.edxstack.tutor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.edxstack.cli.EdxstackCli;
import io.edxstack.render.DesiredState;
import io.edxstack.render.RenderedResource;
import io.edxstack.testing.TestProject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/**
 * import-tutor on config.yml files written by the real `tutor config save`, with their generated secrets included:
 * Tutor 22.0.3 (the pinned one; program/src/test/resources/tutor/config-v22.yml) and Tutor 21.0.4 with tutor-mfe 21.0.2
 * (config-v21.yml), each with a flat and a split settings_merge.json, with and without Tutor's plugins root. Both
 * were made with `tutor plugins enable mfe campus-settings campus_sso` over the plugins root
 * program/src/test/resources/tutor/plugins-root (a YAML plugin and a Python module plugin). The platform it writes
 * validates, renders with the pinned Tutor (with the YAML plugin when its root is given), and carries no secret.
 */
class ImportRealTutorConfigTest {
    private static final String FLAT = "{\"FEATURES\": {\"ENABLE_COURSE_DISCOVERY\": true}, \"SESSION_COOKIE_AGE\": 86400}";
    private static final String SPLIT = "{\"lms\": " + FLAT + ", \"cms\": " + FLAT + "}";

    private static final Path PLUGINS_ROOT = Path.of("program/src/test/resources/tutor/plugins-root");

    private static int run(StringWriter out, StringWriter err, String... args) {
        CommandLine cli = EdxstackCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    /** The secrets `tutor config save` generated: every value of a key edxstack knows as a secret. */
    private static List<String> secrets(Path configFile) throws Exception {
        JsonNode config = new YAMLMapper().readTree(configFile.toFile());
        List<String> values = new ArrayList<>();
        config.fields().forEachRemaining(e -> {
            if (TutorSecretKeys.isSecret(e.getKey()) && e.getValue().asText().length() >= 8) {
                values.add(e.getKey().equals("JWT_RSA_PRIVATE_KEY")
                        ? e.getValue().asText().lines().skip(1).findFirst().orElseThrow() : e.getValue().asText());
            }
        });
        assertTrue(values.size() >= 7, values.toString());
        return values;
    }

    @ParameterizedTest(name = "{0}, {1} settings_merge, plugins root: {2}")
    @CsvSource({"config-v22.yml, flat, true", "config-v22.yml, split, false", "config-v21.yml, flat, false",
            "config-v21.yml, split, true"})
    void importTutor_realConfigAndSettingsMerge_writesAPlatformThatValidatesAndRenders(String configName, String shape,
            boolean pluginsRoot, @TempDir Path dir) throws Exception {
        Path config = Path.of("program/src/test/resources/tutor").resolve(configName);
        var project = TestProject.copyOfRepository(dir.resolve("project"));
        Path merge = dir.resolve("settings_merge.json");
        Files.writeString(merge, shape.equals("flat") ? FLAT : SPLIT);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> args = new ArrayList<>(List.of("import-tutor", "--config", config.toString(), "--settings-merge",
                merge.toString(), "--platform", "campus", "--project-dir", project.dir().toString(), "--stacks", "prod-primary"));
        if (pluginsRoot) {
            args.addAll(List.of("--plugins-dir", PLUGINS_ROOT.toString()));
        }
        int exit = run(out, err, args.toArray(String[]::new));
        assertEquals(0, exit, err.toString());
        String report = out.toString();
        assertTrue(report.contains("PLUGINS: mfe -> built in"), report);
        if (pluginsRoot) {
            assertTrue(report.contains("PLUGINS: campus-settings -> plugins (its YAML plugin copied to "
                    + "tutor/plugins/campus-settings.yml)"), report);
            assertEquals(Files.readString(PLUGINS_ROOT.resolve("campus-settings.yml")),
                    project.read("tutor/plugins/campus-settings.yml"));
            assertTrue(report.contains("PLUGINS: campus_sso: a Python plugin file"), report);
        } else {
            assertTrue(report.contains("PLUGINS: campus-settings: not in the pinned Tutor (tutor/requirements.lock)"), report);
            assertTrue(report.contains("PLUGINS: campus_sso: not in the pinned Tutor"), report);
            assertFalse(Files.exists(project.file("tutor/plugins/campus-settings.yml")));
        }

        JsonNode settings = new ObjectMapper().readTree(project.read("stacks/platforms/campus.settings.json"));
        for (String service : List.of("lms", "cms")) {
            assertEquals(86400, settings.at("/" + service + "/SESSION_COOKIE_AGE").asInt(), "flat: into " + service);
            assertTrue(settings.at("/" + service + "/FEATURES/ENABLE_COURSE_DISCOVERY").asBoolean());
        }
        String platform = project.read("stacks/platforms/campus.yaml");
        assertTrue(platform.contains("learn.campus.example.org") && platform.contains("apps.learn.campus.example.org"),
                platform);

        DesiredState state = project.render("prod-primary");
        RenderedResource configMap = state.resources().stream()
                .filter(r -> r.state().name().startsWith("campus-openedx-settings-")).findFirst().orElseThrow();
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) configMap.state().inputs().get("data");
        assertTrue(((String) data.get("lms.production.py")).contains("\"SESSION_COOKIE_AGE\" : 86400"));
        // The YAML plugin's patch, where Tutor's own `tutor config save` rendered it for that installation.
        assertEquals(pluginsRoot, platform.contains("plugins:\n- campus-settings"), platform);
        assertEquals(pluginsRoot, ((String) data.get("lms.production.py"))
                .contains("FEATURES[\"ENABLE_COURSEWARE_SEARCH\"] = True"));
        assertTrue(((String) data.get("cms.production.py")).contains("\"SESSION_COOKIE_AGE\" : 86400"));
        assertTrue(((String) data.get("lms.production.py")).contains("PLATFORM_NAME") || data.get("config.lms.env.yml")
                .toString().contains("Campus Online"));
        StringBuilder written = new StringBuilder(platform + settings + out + err);
        state.resources().forEach(r -> written.append(r.state().inputs()));
        for (String secret : secrets(config)) {
            assertFalse(written.toString().contains(secret), "a secret of config.yml was carried into the output");
        }
    }
}
