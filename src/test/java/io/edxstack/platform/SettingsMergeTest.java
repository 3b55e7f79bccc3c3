package io.edxstack.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.edxstack.render.DesiredState;
import io.edxstack.testing.TestProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.edxstack.platform.Rendered.*;
import static org.junit.jupiter.api.Assertions.*;

/** settings.json over the catalogue's settings: objects merge recursively, everything else replaces. */
class SettingsMergeTest {
    private static final YAMLMapper YAML = new YAMLMapper();

    private static ObjectNode json(String text) throws Exception {
        return (ObjectNode) DjangoSettings.JSON.readTree(text);
    }

    @Test
    void merge_objectsRecursively_arraysScalarsAndNullReplace() throws Exception {
        ObjectNode base = json("""
                {"FEATURES": {"A": true, "B": {"x": 1, "y": 2}}, "HOSTS": ["a", "b"], "NAME": "base", "KEEP": 1}""");
        ObjectNode overlay = json("""
                {"FEATURES": {"B": {"y": 3, "z": 4}, "C": false}, "HOSTS": ["c"], "NAME": null, "NEW": "n"}""");
        ObjectNode merged = JsonMerge.merge(base, overlay);
        assertEquals(json("""
                {"FEATURES": {"A": true, "B": {"x": 1, "y": 3, "z": 4}, "C": false}, "HOSTS": ["c"], "NAME": null,
                 "KEEP": 1, "NEW": "n"}"""), merged);
        assertEquals(json("""
                {"FEATURES": {"A": true, "B": {"x": 1, "y": 2}}, "HOSTS": ["a", "b"], "NAME": "base", "KEEP": 1}"""),
                base, "the base is not modified");
    }

    @Test
    void merge_objectOverScalar_replacesIt() throws Exception {
        assertEquals(json("{\"A\": {\"b\": 1}}"), JsonMerge.merge(json("{\"A\": 5}"), json("{\"A\": {\"b\": 1}}")));
    }

    private static JsonNode lmsSettings(DesiredState state, String platform) throws Exception {
        var configMap = named(state, CONFIG_MAP, platform + "-lms-settings-").get(0);
        return YAML.readTree((String) map(configMap.state().inputs(), "data").get("lms.yml"));
    }

    @Test
    void render_settingsJson_isMergedOverTheCatalogueSettings(@TempDir Path dir) throws Exception {
        DesiredState state = TestProject.copyOfRepository(dir).render("prod-primary");
        JsonNode lms = lmsSettings(state, "demo");
        assertTrue(lms.at("/FEATURES/ENABLE_COURSE_DISCOVERY").asBoolean(), "from settings.json");
        assertTrue(lms.at("/FEATURES/ENABLE_CORS_HEADERS").asBoolean(), "rendered, kept by the recursive merge");
        assertEquals(1209600, lms.get("SESSION_COOKIE_AGE").asInt());
        assertEquals("Demo Academy", lms.get("PLATFORM_NAME").asText());
        assertEquals("support@demo.example.org", lms.get("CONTACT_EMAIL").asText());
        assertEquals("Europe/Paris", lms.get("TIME_ZONE").asText());
        assertEquals("https://learn.demo.example.org", lms.get("LMS_ROOT_URL").asText());
        assertEquals("edx-prod-demo-media", lms.get("AWS_STORAGE_BUCKET_NAME").asText());
        assertEquals("https://rgw.regionone.example.org", lms.get("AWS_S3_ENDPOINT_URL").asText());
        assertEquals("path", lms.get("AWS_S3_ADDRESSING_STYLE").asText());
        assertEquals("storages.backends.s3boto3.S3Boto3Storage", lms.get("DEFAULT_FILE_STORAGE").asText());
        assertEquals("fr", lmsSettings(state, "training").get("LANGUAGE_CODE").asText());
        assertEquals("https://meilisearch.learn.demo.example.org", lms.get("MEILISEARCH_PUBLIC_URL").asText());
        assertTrue(lmsSettings(state, "training").path("MEILISEARCH_PUBLIC_URL").isMissingNode(),
                "training serves no Meilisearch host");
    }

    @Test
    void render_settingsChange_renamesTheConfigMapAndRollsPodsAndJobs(@TempDir Path dir) throws Exception {
        var project = TestProject.copyOfRepository(dir);
        DesiredState before = project.render("prod-primary");
        DesiredState after = project.replace("stacks/platforms/demo.settings.json", "\"MKTG_URLS\": {\"ROOT\": \"https://www.demo.example.org\"}",
                        "\"MKTG_URLS\": {\"ROOT\": \"https://www.demo.example.org\"}, \"ALLOWED_HOSTS\": [\"learn.demo.example.org\"]")
                .render("prod-primary");
        String oldName = named(before, CONFIG_MAP, "demo-lms-settings-").get(0).state().name();
        String newName = named(after, CONFIG_MAP, "demo-lms-settings-").get(0).state().name();
        assertNotEquals(oldName, newName);
        assertEquals(named(before, CONFIG_MAP, "demo-cms-settings-").get(0).state().name(),
                named(after, CONFIG_MAP, "demo-cms-settings-").get(0).state().name(), "cms settings unchanged");
        assertEquals(newName.substring("demo-".length()),
                at(podSpec(after.get(DEPLOYMENT, "demo-lms")), "volumes[0].configMap.name"));
        assertNotEquals(named(before, JOB, "demo-lms-init-").get(0).state().name(),
                named(after, JOB, "demo-lms-init-").get(0).state().name(), "migrations run again");
        assertEquals(named(before, JOB, "demo-cms-init-").get(0).state().name(),
                named(after, JOB, "demo-cms-init-").get(0).state().name());
        JsonNode lms = lmsSettings(after, "demo");
        assertEquals(1, lms.get("ALLOWED_HOSTS").size(), "arrays replace");
    }
}
