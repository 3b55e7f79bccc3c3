package io.edxstack.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The config the Pulumi CLI 3.276.0 really hands the program for this project (seen under the end-to-end suite):
 * the stack's flat keys plus, per dotted prefix Pulumi.yaml declares, one JSON object of the declared defaults.
 */
class RawConfigFromEngineTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void fromEngineEnvironment_declaredDefaultsObject_isNotASetting() throws Exception {
        RawConfig raw = fromEngine(Map.of(
                "edxstack:backup", "{\"bucket\":\"edxstack-backups\",\"createBucket\":false,\"s3Endpoint\":\"\"}",
                "edxstack:backup.s3Endpoint", "https://s3.regiontwo.example.org",
                "edxstack:role", "active"));

        assertThat(raw.values()).containsOnlyKeys("edxstack:backup.s3Endpoint", "edxstack:role")
                .containsEntry("edxstack:backup.s3Endpoint", "https://s3.regiontwo.example.org");
    }

    @Test
    void fromEngineEnvironment_objectWithAnUndeclaredMember_staysForValidationToReject() throws Exception {
        RawConfig raw = fromEngine(Map.of("edxstack:backup", "{\"bucket\":\"b\",\"buckett\":\"typo\"}"));

        assertThat(raw.values()).containsEntry("edxstack:backup", "{\"bucket\":\"b\",\"buckett\":\"typo\"}");
    }

    /** PULUMI_CONFIG as the language host sets it: a JSON object of string values. */
    private static RawConfig fromEngine(Map<String, String> config) throws Exception {
        return RawConfig.fromEngineEnvironment("prod-primary",
                Map.of("PULUMI_CONFIG", JSON.writeValueAsString(config), "PULUMI_CONFIG_SECRET_KEYS", "[]"));
    }
}
