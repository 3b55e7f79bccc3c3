package io.edxstack.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edxstack.config.ConfigException;
import io.edxstack.config.Problem;
import io.edxstack.config.StackFiles;
import io.edxstack.config.StackInputs;
import io.edxstack.config.TutorPlugin;
import io.edxstack.testing.TestProject;
import io.edxstack.tutorenv.InstalledPlugins;
import io.edxstack.tutorenv.TutorEnvironment;
import io.edxstack.tutorenv.TutorException;
import io.edxstack.tutorenv.TutorRenderer;
import io.edxstack.tutorenv.TutorRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalogue's {@code plugins:} and the team plugins of tutor/plugins/: what validation refuses, by file and key. */
class TutorPluginCatalogueTest {
    private static final String TRAINING = "stacks/platforms/training.yaml";
    private static final String PLUGIN = "tutor/plugins/closed-registration.yml";

    private static List<Problem> problems(TestProject project) {
        ConfigException error = assertThrows(ConfigException.class,
                () -> StackInputs.load(project.dir(), "prod-primary", project.rawConfig("prod-primary")));
        return error.problems();
    }

    private static Problem problem(TestProject project, String where, String key) {
        List<Problem> problems = problems(project);
        return problems.stream().filter(p -> p.where().equals(where) && p.key().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no problem for " + where + " " + key + " in " + problems));
    }

    @Test
    void catalogue_yamlPluginOfTheRepository_isReadWithItsText() {
        var inputs = StackInputs.load(TestProject.REPOSITORY, "prod-primary",
                StackFiles.read(TestProject.REPOSITORY, "prod-primary"));
        var training = inputs.platforms().stream().filter(p -> p.name().equals("training")).findFirst().orElseThrow();
        TutorPlugin.Yaml plugin = (TutorPlugin.Yaml) training.plugins().get(0);
        assertEquals(PLUGIN, plugin.file());
        assertTrue(plugin.text().contains("ALLOW_PUBLIC_ACCOUNT_CREATION"));
        assertEquals(List.of("closed-registration"), TutorConfigs.plugins(training));
        var demo = inputs.platforms().stream().filter(p -> p.name().equals("demo")).findFirst().orElseThrow();
        assertEquals(List.of("mfe"), TutorConfigs.plugins(demo), "tutor-mfe with the MFE, nothing else");
    }

    @Test
    void render_onePythonProcess_loadsAPlatformsPluginForItOnly() throws Exception {
        var inputs = StackInputs.load(TestProject.REPOSITORY, "prod-primary",
                StackFiles.read(TestProject.REPOSITORY, "prod-primary"));
        var training = inputs.platforms().stream().filter(p -> p.name().equals("training")).findFirst().orElseThrow();
        TutorRequest withPlugin = TutorConfigs.request(training, inputs.config());
        TutorRequest without = new TutorRequest("training-without", withPlugin.config(), List.of(), withPlugin.patches());
        TutorRequest again = new TutorRequest("training-again", withPlugin.config(), withPlugin.plugins(),
                withPlugin.patches(), withPlugin.yamlPlugins());
        // Uncached, in this order, in one process: loaded, unloaded, loaded again.
        Map<String, TutorEnvironment> rendered = TutorRenderer.renderUncached(List.of(withPlugin, without, again));
        String flag = "FEATURES[\"ALLOW_PUBLIC_ACCOUNT_CREATION\"] = False";
        assertTrue(lms(rendered.get("training")).contains(flag));
        assertFalse(lms(rendered.get("training-without")).contains(flag));
        assertEquals(1, lms(rendered.get("training-again")).split(java.util.regex.Pattern.quote(flag), -1).length - 1,
                "the patch once, not once per load");
        assertEquals(List.of("closed-registration"), rendered.get("training").plugins());
    }

    @Test
    void render_yamlPluginNamedOtherwise_failsNamingIt() throws Exception {
        var inputs = StackInputs.load(TestProject.REPOSITORY, "prod-primary",
                StackFiles.read(TestProject.REPOSITORY, "prod-primary"));
        var training = inputs.platforms().stream().filter(p -> p.name().equals("training")).findFirst().orElseThrow();
        TutorRequest request = TutorConfigs.request(training, inputs.config());
        TutorRequest renamed = new TutorRequest("training", request.config(), request.plugins(), request.patches(),
                Map.of("closed-registration", "name: open-registration\n"));
        TutorException error = assertThrows(TutorException.class, () -> TutorRenderer.renderUncached(List.of(renamed)));
        assertTrue(error.getMessage().contains("YAML plugin 'closed-registration'"), error.getMessage());
    }

    private static String lms(TutorEnvironment environment) {
        return environment.file("apps/openedx/settings/lms/production.py");
    }

    @Test
    void validate_pluginNotInThePinnedTutor_namesPlatformKeyAndLock(@TempDir Path dir) {
        var project = TestProject.copyOfRepository(dir)
                .replace(TRAINING, "plugins: [closed-registration]", "plugins: [closed-registraton]");
        Problem problem = problem(project, TRAINING, "plugins");
        assertTrue(problem.message().contains("'closed-registraton'"), problem.message());
        assertTrue(problem.message().contains("tutor/requirements.lock"), problem.message());
        assertTrue(problem.message().contains("perhaps 'closed-registration'"), problem.message());
    }

    @Test
    void pinnedEnvironment_listsTutorMfe() {
        assertTrue(InstalledPlugins.names().contains("mfe"), InstalledPlugins.names().toString());
    }

    @Test
    void validate_mfeListed_pointsToImagesAndHosts(@TempDir Path dir) {
        var project = TestProject.copyOfRepository(dir)
                .replace(TRAINING, "plugins: [closed-registration]", "plugins: [closed-registration, mfe]");
        assertTrue(problem(project, TRAINING, "plugins").message().contains("images.mfe and hosts.mfe"));
    }

    @Test
    void validate_pluginListedTwice_isRefused(@TempDir Path dir) {
        var project = TestProject.copyOfRepository(dir)
                .replace(TRAINING, "plugins: [closed-registration]", "plugins: [closed-registration, closed-registration]");
        assertTrue(problem(project, TRAINING, "plugins").message().contains("twice"));
    }

    @Test
    void validate_yamlPluginOverridingTheConfig_isRefused(@TempDir Path dir) {
        var project = TestProject.copyOfRepository(dir)
                .replace(PLUGIN, "version: 1.0.0", "version: 1.0.0\nconfig:\n  set:\n    RUN_MYSQL: true\n  add:\n    TOKEN: x");
        List<Problem> problems = problems(project);
        assertTrue(problems.stream().anyMatch(p -> p.where().equals(PLUGIN) && p.key().equals("config.set")
                && p.message().contains("derives from the catalogue")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.where().equals(PLUGIN) && p.key().equals("config.add")
                && p.message().contains("random")), problems.toString());
        // The platform that enables it is not told the plugin is missing as well.
        assertFalse(problems.stream().anyMatch(p -> p.where().equals(TRAINING)), problems.toString());
    }

    @Test
    void validate_secretInAPluginPatch_isRefusedWithoutShowingIt(@TempDir Path dir) {
        var project = TestProject.copyOfRepository(dir)
                .replace(PLUGIN, "    FEATURES[\"SHOW_REGISTRATION_LINKS\"] = False",
                        "    FEATURES[\"SHOW_REGISTRATION_LINKS\"] = False\n    EMAIL_HOST_PASSWORD = \"hunter2secret\"");
        Problem problem = problem(project, PLUGIN, "patches.openedx-lms-common-settings");
        assertTrue(problem.message().contains("EMAIL_HOST_PASSWORD"), problem.message());
        assertFalse(problem.message().contains("hunter2secret"), problem.message());
    }

    @Test
    void validate_pluginWithTemplatesOrAnotherName_isRefused(@TempDir Path dir) {
        var project = TestProject.copyOfRepository(dir)
                .replace(PLUGIN, "name: closed-registration", "name: open-registration\ntemplates: /srv/templates");
        List<Problem> problems = problems(project);
        assertTrue(problems.stream().anyMatch(p -> p.key().equals("name") && p.message().contains("closed-registration")),
                problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.key().equals("templates") && p.message().contains("pip plugin")),
                problems.toString());
    }

    @Test
    void validate_pluginSavedAsYaml_suggestsYml(@TempDir Path dir) {
        var project = TestProject.copyOfRepository(dir);
        project.write("tutor/plugins/extra.yaml", "name: extra\n");
        Problem problem = problem(project, "tutor/plugins/extra.yaml", "(file name)");
        assertTrue(problem.message().contains("extra.yml"), problem.message());
    }
}
