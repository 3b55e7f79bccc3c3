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

    private static ResourceChange change(String type, List<PropertyChange> properties) {
        return new ResourceChange("urn:pulumi:s::p::" + type + "::n", type, "n", ChangeOp.UPDATE, null, null,
                properties, List.of(), false);
    }
}
