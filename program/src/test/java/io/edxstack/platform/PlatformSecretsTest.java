package io.edxstack.platform;

import io.edxstack.config.ConfigException;
import io.edxstack.config.RawConfig;
import io.edxstack.render.DesiredState;
import io.edxstack.render.DesiredStateJson;
import io.edxstack.render.Renderer;
import io.edxstack.testing.TestProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static io.edxstack.platform.Rendered.*;
import static org.junit.jupiter.api.Assertions.*;

/** Derived secrets: stable, the same in both regions, and never visible outside Secrets. */
class PlatformSecretsTest {
    private static final String MASTER_KEY = "test-master-key-0123456789-abcdefghijklmnop";
    private static final String S3_SECRET = "s3-secret-key-do-not-leak-123456";

    @Test
    void derivation_isStablePerPlatformAndPurpose() {
        var keys = new SecretDerivation(MASTER_KEY);
        assertEquals(keys.password("demo", "mysql/root"), new SecretDerivation(MASTER_KEY).password("demo", "mysql/root"));
        assertNotEquals(keys.password("demo", "mysql/root"), keys.password("training", "mysql/root"));
        assertNotEquals(keys.password("demo", "mysql/root"), keys.password("demo", "mysql/openedx"));
        assertNotEquals(keys.password("demo", "mysql/root"), new SecretDerivation(MASTER_KEY + "x").password("demo", "mysql/root"));
        assertTrue(keys.password("demo", "x").matches("[A-Za-z0-9_-]{43}"));
        assertTrue(keys.hex("demo", "x").matches("[0-9a-f]{64}"));
        assertTrue(keys.uuid("demo", "x").matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"));
    }

    @Test
    void meilisearchApiKey_isHmacOfTheUidUnderTheMasterKey() throws Exception {
        // The value Meilisearch derives for a key uid: hex(HMAC-SHA256(key = master key, message = uid)).
        var mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec("master".getBytes(), "HmacSHA256"));
        String expected = java.util.HexFormat.of().formatHex(mac.doFinal("5f1a2b3c-0000-4000-8000-000000000000".getBytes()));
        assertEquals(expected, SecretDerivation.meilisearchApiKey("master", "5f1a2b3c-0000-4000-8000-000000000000"));
    }

    @Test
    void render_withKnownMasterKey_showsNeitherTheKeyNorAnyDerivedValue(@TempDir Path dir) {
        var project = TestProject.copyOfRepository(dir);
        RawConfig files = project.rawConfig("prod-primary");
        Map<String, String> values = new HashMap<>(files.values());
        values.put("edxstack:secrets.masterKey", MASTER_KEY);
        values.put("edxstack:media.accessKeyId", "AKIAEXAMPLEACCESSKEY");
        values.put("edxstack:media.secretAccessKey", S3_SECRET);
        var secrets = new HashSet<>(files.secretKeys());
        secrets.addAll(List.of("edxstack:media.accessKeyId", "edxstack:media.secretAccessKey"));
        DesiredState state = Renderer.render(project.dir(), "prod-primary", new RawConfig(files.source(), values, secrets));
        String json = DesiredStateJson.write(state);

        var keys = new SecretDerivation(MASTER_KEY);
        List<String> derived = List.of(keys.password("demo", "mysql/root"), keys.password("demo", "mysql/openedx"),
                keys.hex("demo", "django/secret-key"), keys.password("demo", "oauth2/cms-sso"),
                keys.password("demo", "redis/default"), keys.hex("demo", "meilisearch/master-key"),
                keys.password("demo", "admin/password"), keys.password("training", "mongodb/openedx"));
        assertFalse(json.contains(MASTER_KEY), "the master key leaked into the render");
        assertFalse(json.contains(S3_SECRET), "the S3 secret leaked into the render");
        for (String value : derived) {
            assertFalse(json.contains(value), "a derived secret leaked into the render");
        }
        for (var configMap : state.ofType(CONFIG_MAP)) {
            String data = configMap.state().inputs().toString();
            derived.forEach(value -> assertFalse(data.contains(value), configMap.state().name()));
        }
        var mysql = state.get(SECRET, "demo-mysql-credentials");
        assertEquals("[secret]", at(mysql, "stringData"));
        assertTrue(mysql.additionalSecretOutputs().contains("stringData"));
        assertEquals("[secret]", at(state.get(SECRET, "demo-media-s3-credentials"), "stringData"));
        var lms = settingsFiller(state.get(DEPLOYMENT, "demo-lms"));
        assertEquals(Map.of("name", "media-s3-credentials", "key", "AWS_ACCESS_KEY_ID"),
                at(env(lms, "AWS_ACCESS_KEY_ID"), "valueFrom.secretKeyRef"));
        for (Object env : list(lms, "env")) {
            Object literal = at(env, "value");
            assertFalse(literal != null && derived.contains(literal), "secret as env literal");
        }
    }

    @Test
    void validate_masterKeyInPlainText_isRejected(@TempDir Path dir) {
        var project = TestProject.copyOfRepository(dir);
        String stackFile = project.read("Pulumi.prod-primary.yaml");
        String plain = stackFile.replaceAll("(?m)^  edxstack:secrets\\.masterKey:\\n    secure: .*$",
                "  edxstack:secrets.masterKey: " + MASTER_KEY);
        assertNotEquals(stackFile, plain);
        project.write("Pulumi.prod-primary.yaml", plain);
        ConfigException error = assertThrows(ConfigException.class, () -> project.render("prod-primary"));
        assertTrue(error.problems().stream().anyMatch(p -> p.key().equals("edxstack:secrets.masterKey")
                && p.message().contains("plain text")), error.getMessage());
        assertFalse(error.getMessage().contains(MASTER_KEY), "the error must not repeat the secret");
    }

    @Test
    void validate_missingMasterKey_isRejected(@TempDir Path dir) {
        var project = TestProject.copyOfRepository(dir);
        project.write("Pulumi.prod-dr.yaml", project.read("Pulumi.prod-dr.yaml")
                .replaceAll("(?m)^  edxstack:secrets\\.masterKey:\\n    secure: .*\\n", ""));
        ConfigException error = assertThrows(ConfigException.class, () -> project.render("prod-dr"));
        assertTrue(error.problems().stream().anyMatch(p -> p.where().equals("Pulumi.prod-dr.yaml")
                && p.key().equals("edxstack:secrets.masterKey") && p.message().startsWith("missing")), error.getMessage());
    }
}
