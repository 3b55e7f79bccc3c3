package io.edxstack.review.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.edxstack.review.change.ChangeOp;
import io.edxstack.review.change.PropertyChange;
import io.edxstack.review.change.ResourceChange;
import io.edxstack.state.ResourceState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretMaskingTest {

    @Test
    void mask_secretLookingKeysAndEnvValues_areMaskedReferencesAreNot() {
        Map<String, Object> env = Map.of("name", "SMTP_PASSWORD", "value", "hunter2");
        Map<String, Object> reference = Map.of("name", "DB", "valueFrom",
                Map.of("secretKeyRef", Map.of("name", "openedx-secrets", "key", "MYSQL_PASSWORD")));
        ResourceChange masked = SecretMasking.mask(change("kubernetes:apps/v1:Deployment", List.of(
                new PropertyChange("spec.env[0]", PropertyChange.Kind.ADD, null, env, false),
                new PropertyChange("spec.env[1]", PropertyChange.Kind.ADD, null, reference, false),
                new PropertyChange("spec.apiToken", PropertyChange.Kind.UPDATE, "old-token", "new-token", false))));

        assertEquals(Map.of("name", "SMTP_PASSWORD", "value", ResourceState.SECRET), masked.properties().get(0).newValue());
        assertEquals(reference, masked.properties().get(1).newValue());
        assertEquals(ResourceState.SECRET, masked.properties().get(2).oldValue());
        assertEquals(ResourceState.SECRET, masked.properties().get(2).newValue());
    }

    @Test
    void mask_kubernetesSecretData_isMaskedWhateverTheKey() {
        ResourceChange masked = SecretMasking.mask(change("kubernetes:core/v1:Secret", List.of(
                new PropertyChange("stringData.LMS_HOST", PropertyChange.Kind.UPDATE, "a", "b", false))));

        assertEquals(ResourceState.SECRET, masked.properties().get(0).newValue());
    }

    @Test
    void mask_settingsFileInConfigMap_masksPasswordLinesOnly() {
        String settings = "PLATFORM_NAME: Demo\nEMAIL_HOST_PASSWORD: hunter2\nSECRET_KEY = 'abc'\n";
        ResourceChange masked = SecretMasking.mask(change("kubernetes:core/v1:ConfigMap", List.of(
                new PropertyChange("data[\"lms.yml\"]", PropertyChange.Kind.UPDATE, null, settings, false))));

        assertEquals("PLATFORM_NAME: Demo\nEMAIL_HOST_PASSWORD: [secret]\nSECRET_KEY = [secret]\n",
                masked.properties().get(0).newValue());
    }

    @Test
    void mask_envValueKnownFromPreviewState_isMasked() {
        Map<String, Object> inputs = Map.of("spec", Map.of("env", List.of(Map.of("name", "MYSQL_PASSWORD", "value", "x"))));
        ResourceState state = new ResourceState("urn:pulumi:s::p::t::n", "kubernetes:apps/v1:Deployment", "n", null,
                null, false, inputs);
        ResourceChange change = new ResourceChange(state.urn(), state.type(), "n", ChangeOp.UPDATE, state, state,
                List.of(new PropertyChange("spec.env[0].value", PropertyChange.Kind.UPDATE, "x", "y", false)),
                List.of(), false);

        assertEquals(ResourceState.SECRET, SecretMasking.mask(change).properties().get(0).newValue());
    }

    @Test
    void mask_quotedKeysInSettingsJson_areMasked() {
        String json = "{\n  \"PLATFORM_NAME\": \"Demo\",\n  \"MEILI_MASTER_KEY\": \"m4st3r\",\n"
                + "  'JWT_PRIVATE_SIGNING_JWK': '{\"k\": 1}',\n  \"SECRET_KEY\": \"abc\"\n}";
        ResourceChange masked = SecretMasking.mask(change("kubernetes:core/v1:ConfigMap", List.of(
                new PropertyChange("data[\"lms.json\"]", PropertyChange.Kind.UPDATE, null, json, false))));

        assertEquals("{\n  \"PLATFORM_NAME\": \"Demo\",\n  \"MEILI_MASTER_KEY\": [secret],\n"
                + "  'JWT_PRIVATE_SIGNING_JWK': [secret],\n  \"SECRET_KEY\": [secret]\n}", masked.properties().get(0).newValue());
    }

    @Test
    void mask_keyNamedSecretAndMasterAndSigningKeys_areMaskedButAVolumeSecretSourceIsNot() {
        Map<String, Object> volume = Map.of("name", "certs", "secret", Map.of("secretName", "lms-certs"));
        ResourceChange masked = SecretMasking.mask(change("kubernetes:apps/v1:Deployment", List.of(
                new PropertyChange("spec.secret", PropertyChange.Kind.UPDATE, "a", "b", false),
                new PropertyChange("spec.env[0]", PropertyChange.Kind.ADD, null,
                        Map.of("name", "MEILI_MASTER_KEY", "value", "m4st3r"), false),
                new PropertyChange("spec.volumes[0]", PropertyChange.Kind.ADD, null, volume, false),
                new PropertyChange("spec.config", PropertyChange.Kind.ADD, null,
                        Map.of("secret", "s3cr3t", "JWT_SIGNING_KEY", "k"), false))));

        assertEquals(ResourceState.SECRET, masked.properties().get(0).newValue());
        assertEquals(Map.of("name", "MEILI_MASTER_KEY", "value", ResourceState.SECRET), masked.properties().get(1).newValue());
        assertEquals(volume, masked.properties().get(2).newValue());
        assertEquals(Map.of("secret", ResourceState.SECRET, "JWT_SIGNING_KEY", ResourceState.SECRET),
                masked.properties().get(3).newValue());
    }

    @Test
    void mask_passwordInsideAUrl_isMaskedTheRestStays() {
        ResourceChange masked = SecretMasking.mask(change("kubernetes:apps/v1:Deployment", List.of(
                new PropertyChange("spec.args[0]", PropertyChange.Kind.UPDATE, null,
                        "--db=mysql://openedx:hunter2@mysql.demo:3306/openedx", false),
                new PropertyChange("spec.host", PropertyChange.Kind.UPDATE, null, "https://learn.example.org/x", false))));

        assertEquals("--db=mysql://openedx:[secret]@mysql.demo:3306/openedx", masked.properties().get(0).newValue());
        assertEquals("https://learn.example.org/x", masked.properties().get(1).newValue());
    }

    @Test
    void maskedLog_masksAPulumiLog(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path raw = dir.resolve("up.raw");
        java.nio.file.Path out = dir.resolve("up.log");
        java.nio.file.Files.writeString(raw, """
                Updating (prod-primary):
                    ~ kubernetes:core/v1:ConfigMap demo-lms-settings updated
                      redis_url: "redis://:r3dis@redis.demo:6379/0"
                      MYSQL_ROOT_PASSWORD: "hunter2"
                Resources: 1 updated
                """);

        MaskedLog.main(new String[] {raw.toString(), out.toString()});

        String log = java.nio.file.Files.readString(out);
        assertEquals(false, log.contains("r3dis") || log.contains("hunter2"), log);
        assertEquals(true, log.contains("demo-lms-settings updated") && log.contains("Resources: 1 updated"), log);
    }

    private static ResourceChange change(String type, List<PropertyChange> properties) {
        return new ResourceChange("urn:pulumi:s::p::" + type + "::n", type, "n", ChangeOp.UPDATE, null, null,
                properties, List.of(), false);
    }
}
