package io.edxstack.platform;

import io.edxstack.config.ConfigException;
import io.edxstack.config.Problem;
import io.edxstack.config.StackInputs;
import io.edxstack.render.Renderer;
import io.edxstack.testing.TestProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** Bad catalogue entries stop the run before the engine starts, naming file and key. */
class CatalogueValidationTest {
    private static final String DEMO = "stacks/platforms/demo.yaml";

    private static Problem onlyProblem(TestProject project, String where, String key) {
        ConfigException error = assertThrows(ConfigException.class,
                () -> StackInputs.load(project.dir(), "prod-primary", project.rawConfig("prod-primary")));
        // The render takes the same path: the config error comes first, nothing is registered.
        assertThrows(ConfigException.class, () -> Renderer.render(project.dir(), "prod-primary"));
        return error.problems().stream()
                .filter(p -> p.where().equals(where) && p.key().equals(key))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no problem for " + where + " " + key + " in " + error.problems()));
    }

    @Test
    void validate_unknownServiceMode_namesFileAndKey(@TempDir Path dir) {
        var project = TestProject.copyOfRepository(dir)
                .replace(DEMO, "mysql: {storage: 50Gi}", "mysql: {mode: managed, storage: 50Gi}");
        Problem problem = onlyProblem(project, DEMO, "services.mysql.mode");
        assertTrue(problem.message().contains("external, internal"), problem.message());
        assertTrue(problem.message().contains("managed"), problem.message());
    }

    @Test
    void validate_externalServiceWithoutSecret_asksForTheExistingSecret(@TempDir Path dir) {
        var project = TestProject.copyOfRepository(dir)
                .replace(DEMO, "redis: {storage: 2Gi}", "redis: {mode: external, host: redis.example.org}");
        assertTrue(onlyProblem(project, DEMO, "services.redis.existingSecret").message().startsWith("missing"));
    }

    @Test
    void validate_malformedHost_namesFileAndKey(@TempDir Path dir) {
        var project = TestProject.copyOfRepository(dir)
                .replace(DEMO, "cms: studio.demo.example.org", "cms: Studio_Demo.example.org");
        assertTrue(onlyProblem(project, DEMO, "hosts.cms").message().contains("DNS name"));
    }

    @Test
    void validate_malformedExternalHost_namesFileAndKey(@TempDir Path dir) {
        var project = TestProject.copyOfRepository(dir)
                .replace("stacks/platforms/training.yaml", "host: mysql.training.db.example.org", "host: 'mysql db'");
        onlyProblem(project, "stacks/platforms/training.yaml", "services.mysql.host");
    }

    @Test
    void validate_negativeReplicas_namesFileAndKey(@TempDir Path dir) {
        var project = TestProject.copyOfRepository(dir)
                .replace(DEMO, "lmsWorker: {replicas: 1}", "lmsWorker: {replicas: -1}");
        assertTrue(onlyProblem(project, DEMO, "sizing.lmsWorker.replicas").message().contains("-1"));
    }

    @Test
    void validate_invalidSettingsJson_namesFileAndLine(@TempDir Path dir) {
        var project = TestProject.copyOfRepository(dir)
                .replace("stacks/platforms/demo.settings.json", "\"SESSION_COOKIE_AGE\": 1209600,",
                        "\"SESSION_COOKIE_AGE\": 1209600,,");
        Problem problem = onlyProblem(project, "stacks/platforms/demo.settings.json", "(file)");
        assertTrue(problem.message().contains("line 8"), problem.message());
    }

    @Test
    void validate_secretInSettingsJson_isRejected(@TempDir Path dir) {
        var project = TestProject.copyOfRepository(dir)
                .replace("stacks/platforms/demo.settings.json", "\"SESSION_COOKIE_AGE\": 1209600,",
                        "\"SESSION_COOKIE_AGE\": 1209600, \"EMAIL_HOST_PASSWORD\": \"hunter2\",");
        assertTrue(onlyProblem(project, "stacks/platforms/demo.settings.json", "lms.EMAIL_HOST_PASSWORD")
                .message().contains("secret"));
    }

    @Test
    void validate_unknownCatalogueKey_suggestsTheClosest(@TempDir Path dir) {
        var project = TestProject.copyOfRepository(dir)
                .replace(DEMO, "  platformName: Demo Academy", "  platformNam: Demo Academy");
        assertTrue(onlyProblem(project, DEMO, "settings.platformNam").message().contains("platformName"));
    }

    @Test
    void validate_mfeImageWithoutHost_asksForBoth(@TempDir Path dir) {
        var project = TestProject.copyOfRepository(dir)
                .replace(DEMO, "  mfe: apps.learn.demo.example.org\n", "");
        assertTrue(onlyProblem(project, DEMO, "hosts.mfe").message().contains("both"));
    }

    @Test
    void validate_meilisearchHostWithExternalMeilisearch_pointsToSettingsJson(@TempDir Path dir) {
        var project = TestProject.copyOfRepository(dir).replace(DEMO, "meilisearch: {storage: 10Gi}",
                "meilisearch: {mode: external, host: search.example.org, existingSecret: demo-meilisearch}");
        String message = onlyProblem(project, DEMO, "hosts.meilisearch").message();
        assertTrue(message.contains("external") && message.contains("demo.settings.json"), message);
    }

    @Test
    void validate_malformedMeilisearchHost_namesFileAndKey(@TempDir Path dir) {
        var project = TestProject.copyOfRepository(dir)
                .replace(DEMO, "meilisearch: meilisearch.learn.demo.example.org", "meilisearch: https://search");
        assertTrue(onlyProblem(project, DEMO, "hosts.meilisearch").message().contains("DNS name"));
    }

    @Test
    void validate_meilisearchHostTakenByAnotherPlatform_namesBoth(@TempDir Path dir) {
        var project = TestProject.copyOfRepository(dir)
                .replace(DEMO, "meilisearch: meilisearch.learn.demo.example.org", "meilisearch: learn.training.example.org");
        String message = onlyProblem(project, "stacks/platforms/training.yaml", "hosts.lms").message();
        assertTrue(message.contains("demo.yaml hosts.meilisearch"), message);
    }
}
