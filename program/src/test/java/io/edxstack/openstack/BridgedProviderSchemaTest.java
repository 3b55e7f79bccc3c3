package io.edxstack.openstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edxstack.testing.TestProject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bridge rules of {@link BridgedSchema} against the bridge itself: the schema pulumi-terraform-bridge's tfgen
 * generates for the provider {@code engine/pulumi-resource-openstack} builds (an end-to-end tool, hence the tag).
 */
@Tag("e2e")
class BridgedProviderSchemaTest {

    @Test
    void bridgeRules_equalTheSchemaTheBridgeGenerates_forEveryBoundResourceAndTheProviderConfig() throws Exception {
        JsonNode generated = new ObjectMapper().readTree(bridgedProviderSchema().toFile());
        ProviderSchema derived = ProviderSchema.load();

        assertThat(SchemaSummary.keys(generated.path("resources"))).isEqualTo(new TreeSet<>(ProviderSchema.BOUND.keySet()));
        for (String token : ProviderSchema.BOUND.keySet()) {
            JsonNode expected = generated.path("resources").path(token);
            JsonNode actual = derived.resource(token);
            assertThat(SchemaSummary.properties(actual.path("inputProperties"))).as(token + " inputs")
                    .isEqualTo(SchemaSummary.properties(expected.path("inputProperties")));
            assertThat(SchemaSummary.names(actual.path("requiredInputs"))).as(token + " required inputs")
                    .isEqualTo(SchemaSummary.names(expected.path("requiredInputs")));
            assertThat(SchemaSummary.properties(actual.path("properties"))).as(token + " outputs")
                    .isEqualTo(SchemaSummary.properties(expected.path("properties")));
            assertThat(SchemaSummary.names(actual.path("required"))).as(token + " outputs always present")
                    .isEqualTo(SchemaSummary.names(expected.path("required")));
        }
        assertThat(SchemaSummary.types(derived.providerConfig()))
                .isEqualTo(SchemaSummary.types(generated.path("config").path("variables")));
    }

    private static Path bridgedProviderSchema() throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", TestProject.REPOSITORY.resolve("scripts/engine-tools").toString(),
                "dir", "pulumi-resource-openstack").redirectErrorStream(true).start();
        String dir = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor()).as(dir).isZero();
        Path schema = Path.of(dir, "schema.json");
        assertThat(schema).as("perhaps run 'bash scripts/engine-tools build pulumi-resource-openstack' first").isRegularFile();
        return schema;
    }
}
