package io.edxstack.platform;

import static io.edxstack.platform.Rendered.CONFIG_MAP;
import static io.edxstack.platform.Rendered.DEPLOYMENT;
import static io.edxstack.platform.Rendered.at;
import static io.edxstack.platform.Rendered.container;
import static io.edxstack.platform.Rendered.list;
import static io.edxstack.platform.Rendered.map;
import static io.edxstack.platform.Rendered.named;
import static io.edxstack.platform.Rendered.podSpec;
import static io.edxstack.platform.Rendered.settingsFiller;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edxstack.render.DesiredState;
import io.edxstack.testing.TestProject;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The settings an Open edX pod of the demo platform would load, executed here: the ConfigMap edxstack renders
 * (Tutor's output) is filled by the pod's own init step ({@code edxstack_fill.py}) with the environment its
 * Deployment gives it, then {@code lms.envs.tutor.production} / {@code cms.envs.tutor.production} is imported by a
 * real Python (Debian's python3 with PyYAML, PyJWT and cryptography, which edx-platform ships too) over stand-ins
 * for the few edx-platform modules it imports (program/src/test/resources/.../openedx-stubs). edx-platform itself cannot
 * run here: what its production module does with the YAML first is reproduced by the stand-in.
 */
@Tag("integration")
class TutorSettingsTest {
    private static final String PYTHON = "/usr/bin/python3";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STUBS = "/io/edxstack/platform/openedx-stubs/";
    private static final Map<String, String> SECRETS = Map.ofEntries(
            Map.entry("EDXSTACK_SECRET_KEY", "django-secret"),
            Map.entry("EDXSTACK_JWT_SECRET_KEY", "jwt-common"),
            Map.entry("EDXSTACK_CMS_OAUTH2_SECRET", "cms-sso-secret"),
            Map.entry("EDXSTACK_MYSQL_PASSWORD", "mysql \"quoted\" \\ pass"),
            Map.entry("EDXSTACK_MONGODB_PASSWORD", "mongo-pass"),
            Map.entry("EDXSTACK_REDIS_PASSWORD", "redis-pass"),
            Map.entry("EDXSTACK_MEILISEARCH_API_KEY", "meili-key"),
            Map.entry("EDXSTACK_MEILISEARCH_API_KEY_UID", "meili-uid"),
            Map.entry("AWS_ACCESS_KEY_ID", "media-access"),
            Map.entry("AWS_SECRET_ACCESS_KEY", "media-secret"),
            Map.entry("EDXSTACK_JWT_SIGNING_SEED", "3f".repeat(32)));

    /** Folders Tutor's image has (its Dockerfile makes them), which the settings therefore leave alone. */
    private static final List<String> IMAGE_FOLDERS = List.of("/openedx/staticfiles");

    private static DesiredState state;

    @BeforeAll
    static void render() {
        state = TestProject.REPOSITORY_RENDER.primary();
    }

    /** The filled settings folders of a platform, as its init container writes them. */
    private static Path fill(Path dir, String platform, Map<String, String> env) throws Exception {
        var configMap = named(state, CONFIG_MAP, platform + "-openedx-settings-").get(0);
        Path templates = Files.createDirectories(dir.resolve("templates"));
        for (var entry : map(configMap.state().inputs(), "data").entrySet()) {
            Files.writeString(templates.resolve(entry.getKey()), (String) entry.getValue());
        }
        Path rendered = dir.resolve("rendered");
        run(dir, List.of(PYTHON, templates.resolve(PlatformSettings.FILL_SCRIPT).toString(), templates.toString(),
                rendered.toString()), env);
        return rendered;
    }

    /** The environment the Deployment's settings init container gets, with test values for its Secrets. */
    private static Map<String, String> fillerEnv(String deployment) {
        Map<String, String> env = new HashMap<>();
        for (Object entry : list(settingsFiller(state.get(DEPLOYMENT, deployment)), "env")) {
            String name = (String) at(entry, "name");
            Object literal = at(entry, "value");
            env.put(name, literal != null ? (String) literal : SECRETS.get(name));
        }
        return env;
    }

    /** Imports {@code <service>.envs.tutor.production} over the stand-ins; returns its upper-case settings. */
    private static JsonNode load(Path dir, Path rendered, String service) throws Exception {
        Path root = Files.createDirectories(dir.resolve("python"));
        for (String variant : List.of("lms", "cms")) {
            Path envs = Files.createDirectories(root.resolve(variant).resolve("envs"));
            Files.writeString(root.resolve(variant).resolve("__init__.py"), "");
            Files.writeString(envs.resolve("__init__.py"), "");
            copyStub("upstream_production.py", envs.resolve("production.py"));
            copyTree(rendered.resolve(variant), envs.resolve("tutor"));
        }
        Path modulestore = Files.createDirectories(root.resolve("xmodule/modulestore"));
        Files.writeString(root.resolve("xmodule/__init__.py"), "");
        Files.writeString(modulestore.resolve("__init__.py"), "");
        copyStub("modulestore_settings.py", modulestore.resolve("modulestore_settings.py"));
        Files.createDirectories(root.resolve("codejail"));
        Files.writeString(root.resolve("codejail/__init__.py"), "");
        copyStub("jail_code.py", root.resolve("codejail/jail_code.py"));
        copyStub("driver.py", root.resolve("driver.py"));
        Map<String, String> env = Map.of("SERVICE_VARIANT", service, "PYTHONPATH", root.toString(),
                service.toUpperCase() + "_CFG", rendered.resolve("config").resolve(service + ".env.yml").toString());
        return JSON.readTree(run(root, List.of(PYTHON, "driver.py"), env));
    }

    @Test
    void lmsSettings_loadWithEveryCredentialAndRepairedStores(@TempDir Path dir) throws Exception {
        Path rendered = fill(dir, "demo", fillerEnv("demo-lms"));
        JsonNode lms = load(dir, rendered, "lms");

        // No KeyError: the YAML carries USER and PASSWORD when upstream's loop reads them.
        assertEquals("openedx", lms.at("/DATABASES/default/USER").asText());
        assertEquals(SECRETS.get("EDXSTACK_MYSQL_PASSWORD"), lms.at("/DATABASES/default/PASSWORD").asText());
        assertEquals("mysql", lms.at("/DATABASES/default/HOST").asText());
        assertEquals("utf8mb4", lms.at("/DATABASES/default/OPTIONS/charset").asText());
        // The modulestore points at the platform's MongoDB, not upstream's localhost default.
        for (JsonNode store : lms.at("/MODULESTORE/default/OPTIONS/stores")) {
            assertEquals("mongodb", store.at("/DOC_STORE_CONFIG/host").asText(), store.toString());
            assertEquals("openedx", store.at("/DOC_STORE_CONFIG/db").asText());
            assertEquals("mongo-pass", store.at("/DOC_STORE_CONFIG/password").asText());
        }
        assertTrue(lms.at("/FEATURES/ENABLE_OAUTH2_PROVIDER").asBoolean(), "Studio logs in through /oauth2/");
        assertTrue(lms.get("ENABLE_MFE_CONFIG_API").asBoolean());
        assertEquals("https://learn.demo.example.org", lms.at("/MFE_CONFIG/LMS_BASE_URL").asText());
        assertEquals("https://studio.demo.example.org", lms.at("/MFE_CONFIG/STUDIO_BASE_URL").asText());
        assertEquals("https://apps.learn.demo.example.org/learning", lms.get("LEARNING_MICROFRONTEND_URL").asText());
        assertEquals("django-secret", lms.get("SECRET_KEY").asText());
        assertEquals("redis://default:redis-pass@redis:6379/1", lms.at("/CACHES/default/LOCATION").asText());
        assertEquals("meili-key", lms.get("MEILISEARCH_API_KEY").asText());
        assertEquals("search.meilisearch.MeilisearchEngine", lms.get("SEARCH_ENGINE").asText());
        assertEquals("django-secret", lms.at("/JWT_AUTH/JWT_ISSUERS/0/SECRET_KEY").asText(), "Tutor's: the secret key");
        assertEquals("https://learn.demo.example.org/oauth2", lms.at("/JWT_AUTH/JWT_ISSUER").asText());
        // edxstack's patches: media in S3, time zone; settings.json merged over Tutor's (objects key by key).
        assertEquals("storages.backends.s3boto3.S3Boto3Storage", lms.at("/STORAGES/default/BACKEND").asText());
        assertEquals("edx-prod-demo-media", lms.get("AWS_STORAGE_BUCKET_NAME").asText());
        assertEquals("media-secret", lms.get("AWS_SECRET_ACCESS_KEY").asText());
        assertEquals("Europe/Paris", lms.get("TIME_ZONE").asText());
        assertTrue(lms.at("/FEATURES/ENABLE_COURSE_DISCOVERY").asBoolean(), "from demo.settings.json");
        assertTrue(lms.at("/FEATURES/CERTIFICATES_HTML_VIEW").asBoolean(), "Tutor's, kept by the merge");
        assertEquals(1209600, lms.get("SESSION_COOKIE_AGE").asInt());
        assertEquals("https://www.demo.example.org", lms.at("/MKTG_URLS/ROOT").asText());
        assertEquals("Demo Academy", lms.get("PLATFORM_NAME").asText());
        assertTrue(lms.get("SESSION_COOKIE_SECURE").asBoolean(), "HTTPS platform");
    }

    @Test
    void cmsSettings_loginThroughTheLmsWithTheClientSecret(@TempDir Path dir) throws Exception {
        JsonNode cms = load(dir, fill(dir, "demo", fillerEnv("demo-cms")), "cms");
        assertEquals("cms-sso", cms.get("SOCIAL_AUTH_EDX_OAUTH2_KEY").asText());
        assertEquals("cms-sso-secret", cms.get("SOCIAL_AUTH_EDX_OAUTH2_SECRET").asText());
        assertEquals("openedx", cms.at("/DATABASES/default/USER").asText());
        assertEquals(100, cms.get("MAX_ASSET_UPLOAD_FILE_SIZE_IN_MB").asInt(), "from demo.settings.json");
        assertTrue(cms.at("/FEATURES/ENABLE_LIBRARY_INDEX").asBoolean());
    }

    @Test
    void filledSettings_holdNoPlaceholder_andTheJwkSignsWithTheDerivedKey(@TempDir Path dir) throws Exception {
        Path rendered = fill(dir, "demo", fillerEnv("demo-lms"));
        try (Stream<Path> files = Files.walk(rendered)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertFalse(Files.readString(file).contains("@@"), file + " keeps a placeholder");
            }
        }
        JsonNode jwt = load(dir, rendered, "lms").get("JWT_AUTH");
        JsonNode privateJwk = JSON.readTree(jwt.get("JWT_PRIVATE_SIGNING_JWK").asText());
        BigInteger p = number(privateJwk, "p");
        BigInteger q = number(privateJwk, "q");
        BigInteger n = number(privateJwk, "n");
        assertEquals(n, p.multiply(q));
        assertEquals(2048, n.bitLength());
        assertEquals(q.modInverse(p), number(privateJwk, "qi"));
        assertEquals(number(privateJwk, "d").mod(p.subtract(BigInteger.ONE)), number(privateJwk, "dp"));
        JsonNode publicJwk = JSON.readTree(jwt.get("JWT_PUBLIC_SIGNING_JWK_SET").asText()).at("/keys/0");
        assertEquals(privateJwk.get("n"), publicJwk.get("n"));
        assertFalse(publicJwk.has("d"));
    }

    @Test
    void fill_missingSecret_stopsThePodWritingNothing(@TempDir Path dir) throws Exception {
        Map<String, String> env = fillerEnv("demo-lms");
        env.remove("EDXSTACK_MYSQL_PASSWORD");
        var configMap = named(state, CONFIG_MAP, "demo-openedx-settings-").get(0);
        Path templates = Files.createDirectories(dir.resolve("templates"));
        for (var entry : map(configMap.state().inputs(), "data").entrySet()) {
            Files.writeString(templates.resolve(entry.getKey()), (String) entry.getValue());
        }
        ProcessBuilder builder = new ProcessBuilder(PYTHON, templates.resolve(PlatformSettings.FILL_SCRIPT).toString(),
                templates.toString(), dir.resolve("rendered").toString());
        builder.environment().clear();
        builder.environment().putAll(env);
        Process python = builder.redirectErrorStream(true).start();
        String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(python.waitFor(60, TimeUnit.SECONDS));
        assertEquals(1, python.exitValue(), out);
        assertTrue(out.contains("EDXSTACK_MYSQL_PASSWORD"), out);
    }

    @Test
    void foldersTheSettingsCreate_areOnWritableMounts_andTheFilesWhereTutorMountsThem(@TempDir Path dir) throws Exception {
        JsonNode lms = load(dir, fill(dir, "demo", fillerEnv("demo-lms")), "lms");
        var deployment = state.get(DEPLOYMENT, "demo-lms");
        List<String> writable = new ArrayList<>();
        Map<String, String> readOnly = new HashMap<>();
        for (Object mount : list(container(deployment, "lms"), "volumeMounts")) {
            if (Boolean.TRUE.equals(at(mount, "readOnly"))) {
                readOnly.put((String) at(mount, "mountPath"), (String) at(mount, "subPath"));
            } else {
                writable.add((String) at(mount, "mountPath"));
            }
        }
        assertFalse(lms.get("_created_folders").isEmpty());
        for (JsonNode folder : lms.get("_created_folders")) {
            if (IMAGE_FOLDERS.contains(folder.asText())) {
                continue;
            }
            assertTrue(writable.stream().anyMatch(m -> folder.asText().startsWith(m)),
                    folder.asText() + " is created at import on a read-only root filesystem; writable: " + writable);
        }
        // Where Tutor's image and manifests have them (uwsgi.ini moved to /openedx in Tutor v19).
        assertEquals("uwsgi.ini", readOnly.get("/openedx/uwsgi.ini"));
        assertEquals("lms", readOnly.get("/openedx/edx-platform/lms/envs/tutor/"));
        assertEquals("cms", readOnly.get("/openedx/edx-platform/cms/envs/tutor/"));
        assertEquals("config", readOnly.get("/openedx/config"));
        assertEquals("settings-templates", at(podSpec(deployment), "volumes[0].name"));
    }

    /**
     * Tutor keeps Learning Core's private media in /openedx/media-private, a folder of the image, which is read-only
     * in the pods: they go to the platform's bucket instead, and every storage folder left is on a writable mount.
     */
    @Test
    void storages_privateMediaInTheBucket_andEveryFolderOnAWritableMount(@TempDir Path dir) throws Exception {
        for (String service : List.of("lms", "cms")) {
            Path work = Files.createDirectories(dir.resolve(service));
            JsonNode settings = load(work, fill(work, "demo", fillerEnv("demo-" + service)), service);
            JsonNode media = settings.at("/OPENEDX_LEARNING/MEDIA");
            assertEquals("storages.backends.s3boto3.S3Boto3Storage", media.path("BACKEND").asText(), service + ": " + media);
            assertEquals(TutorConfigs.LEARNING_CORE_MEDIA, media.at("/OPTIONS/location").asText());
            assertTrue(media.at("/OPTIONS/querystring_auth").asBoolean(), "private: signed URLs only");
            assertTrue(media.at("/OPTIONS/default_acl").isNull(), "private: no public ACL");
            assertTrue(settings.path("AWS_STORAGE_BUCKET_NAME").asText().endsWith("demo-media"));

            List<String> writable = new ArrayList<>();
            for (Object mount : list(container(state.get(DEPLOYMENT, "demo-" + service), service), "volumeMounts")) {
                if (!Boolean.TRUE.equals(at(mount, "readOnly"))) {
                    writable.add((String) at(mount, "mountPath"));
                }
            }
            List<String> folders = new ArrayList<>();
            locations(settings, folders);
            assertFalse(folders.isEmpty());
            for (String folder : folders) {
                assertTrue(writable.stream().anyMatch(folder::startsWith),
                        service + ": a storage writes to " + folder + " on a read-only root filesystem; writable: " + writable);
            }
        }
    }

    /** Every absolute folder a storage of the settings is given ("location"). */
    private static void locations(JsonNode node, List<String> out) {
        node.fields().forEachRemaining(field -> {
            if (field.getKey().equals("location") && field.getValue().asText().startsWith("/")) {
                out.add(field.getValue().asText());
            }
            locations(field.getValue(), out);
        });
        if (node.isArray()) {
            node.forEach(item -> locations(item, out));
        }
    }

    private static BigInteger number(JsonNode jwk, String field) {
        return new BigInteger(1, Base64.getUrlDecoder().decode(jwk.get(field).asText()));
    }

    private static void copyStub(String name, Path target) throws IOException {
        try (InputStream in = TutorSettingsTest.class.getResourceAsStream(STUBS + name)) {
            Files.write(target, in.readAllBytes());
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }

    private static byte[] run(Path dir, List<String> command, Map<String, String> env) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().clear();
        builder.environment().put("PATH", "/usr/bin:/bin");
        builder.environment().putAll(env);
        Path errors = dir.resolve("stderr-" + System.nanoTime());
        builder.redirectError(errors.toFile());
        Process python = builder.start();
        byte[] out = python.getInputStream().readAllBytes();
        assertTrue(python.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, python.exitValue(), () -> readQuietly(errors));
        return out;
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
