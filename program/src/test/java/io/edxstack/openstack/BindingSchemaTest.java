package io.edxstack.openstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.Import;
import com.pulumi.core.annotations.ResourceType;
import io.edxstack.testing.TestProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The hand-written OpenStack bindings against the real schema of the provider they target: the Terraform OpenStack
 * provider that pulumi-openstack 5.5.1 bridges, built from its Go module ({@code scripts/engine-tools build
 * openstack-schema}) and mapped with the bridge's rules. pulumi-openstack's own published schema (an excerpt) checks
 * that the mapping reproduces what the bridge generated.
 */
class BindingSchemaTest {
    private final ProviderSchema schema = ProviderSchema.load();
    private final BindingSchemaChecker checker = new BindingSchemaChecker(schema);

    @Test
    void bindings_matchTheRealSchema_tokenPropertyNamesTypesRequiredInputsAndSecrets() {
        assertThat(checker.checkResource(ClusterTemplate.class, ClusterTemplateArgs.class, ClusterTemplate.SECRET_OUTPUTS)).isEmpty();
        assertThat(checker.checkResource(Cluster.class, ClusterArgs.class, Cluster.SECRET_OUTPUTS)).isEmpty();
        assertThat(checker.checkResource(Ec2CredentialV3.class, Ec2CredentialV3Args.class, Ec2CredentialV3.SECRET_OUTPUTS)).isEmpty();
        assertThat(checker.checkResource(Container.class, ContainerArgs.class, Container.SECRET_OUTPUTS)).isEmpty();
        assertThat(checker.checkResource(RecordSet.class, RecordSetArgs.class, RecordSet.SECRET_OUTPUTS)).isEmpty();
        assertThat(checker.checkProvider(OpenStackProviderArgs.class)).isEmpty();
    }

    @Test
    void versions_thePluginBridgesTheTerraformReleaseTheSchemaIsBuiltFrom() throws Exception {
        JsonNode published = ProviderSchema.excerpt().root().path("source");
        assertThat(OpenStackPlugin.VERSION).isEqualTo(published.path("providerVersion").asText());
        try (InputStream in = getClass().getResourceAsStream("/com/pulumi/openstack/plugin.json")) {
            var plugin = new ObjectMapper().readTree(in);
            assertThat(plugin.path("name").asText()).isEqualTo("openstack");
            assertThat(plugin.path("resource").asBoolean()).isTrue();
            assertThat(plugin.path("version").asText()).isEqualTo(OpenStackPlugin.VERSION);
        }
        Properties versions = new Properties();
        try (var in = Files.newBufferedReader(TestProject.REPOSITORY.resolve("engine/versions.properties"))) {
            versions.load(in);
        }
        String terraform = versions.getProperty(TerraformSchema.TOOL);
        assertThat(terraform).isEqualTo(published.path("terraformProviderVersion").asText());
        assertThat(Files.readString(TestProject.REPOSITORY.resolve("engine/openstack-schema/go.mod")))
                .contains("github.com/terraform-provider-openstack/terraform-provider-openstack/v3 v" + terraform + "\n");
        assertThat(TerraformSchema.locate().version()).isEqualTo("v" + terraform);
    }

    @Test
    void bridgeRules_reproducePulumiOpenstacksPublishedSchema_forEveryResourceOfTheExcerpt() {
        ProviderSchema published = ProviderSchema.excerpt();
        Map<String, String> tokens = new TreeMap<>();
        published.root().path("resources").fields().forEachRemaining(e ->
                tokens.put(e.getKey(), e.getValue().path("tfResource").asText()));
        assertThat(tokens).hasSizeGreaterThanOrEqualTo(ProviderSchema.BOUND.size()).containsAllEntriesOf(ProviderSchema.BOUND);
        ProviderSchema derived = BridgedSchema.derive(TerraformSchema.locate(), tokens);

        for (String token : tokens.keySet()) {
            JsonNode expected = published.resource(token);
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
        assertThat(SchemaSummary.types(derived.providerConfig())).isEqualTo(SchemaSummary.types(published.providerConfig()));
    }

    @Test
    void terraformSchema_notBuilt_namesTheCommandThatBuildsIt(@TempDir Path emptyCache) {
        assertThatThrownBy(() -> TerraformSchema.locate(Map.of("EDXSTACK_ENGINE_CACHE", emptyCache.toString())))
                .hasMessageContaining(emptyCache.resolve("openstack-schema-").toString())
                .hasMessageContaining("perhaps run 'bash scripts/engine-tools build openstack-schema' first");
    }

    @Test
    void checker_renamedProperty_isReported() {
        assertThat(checker.checkResource(ClusterTemplate.class, RenamedArgs.class, List.of()))
                .contains("RenamedArgs.dockerVolumeSizeGb: no such property in the schema");
    }

    @Test
    void checker_mistypedProperties_areReported() {
        assertThat(checker.checkResource(ClusterTemplate.class, MistypedArgs.class, List.of())).containsExactlyInAnyOrder(
                "MistypedArgs.masterLbEnabled: schema type boolean, binding type string",
                "MistypedArgs.labels: schema type map<string>, binding type map<integer>");
    }

    @Test
    void checker_droppedRequiredInput_isReported() {
        assertThat(checker.checkResource(ClusterTemplate.class, NoCoeArgs.class, List.of()))
                .contains("NoCoeArgs: required input 'coe' is missing");
        assertThat(checker.checkResource(ClusterTemplate.class, OptionalCoeArgs.class, List.of()))
                .contains("OptionalCoeArgs.coe: required by the schema, not marked required");
        assertThat(checker.checkResource(RecordSet.class, OptionalZoneArgs.class, List.of()))
                .containsExactly("OptionalZoneArgs.zoneId: required by the schema, not marked required");
    }

    @Test
    void checker_inputRequiredOnlyByTheBinding_isReported() {
        // Terraform requires the template's image, but defaults it from OS_MAGNUM_IMAGE: not a required input.
        assertThat(checker.checkResource(ClusterTemplate.class, RequiredImageArgs.class, List.of()))
                .containsExactly("RequiredImageArgs.image: marked required, the schema does not require it");
    }

    @Test
    void checker_wrongTokenOrMistypedOutput_isReported() {
        assertThat(checker.checkResource(WrongToken.class, ClusterArgs.class, List.of()))
                .containsExactly("WrongToken: token openstack:containerinfra/clusters:Cluster is not in the schema");
        assertThat(checker.checkResource(MistypedOutput.class, ClusterArgs.class, List.of("kubeconfig")))
                .containsExactly("MistypedOutput.kubeconfig: schema type map<string>, binding type string");
    }

    @Test
    void checker_sensitiveOutputNotKeptSecret_isReported() {
        assertThat(checker.checkResource(Ec2CredentialV3.class, Ec2CredentialV3Args.class, List.of()))
                .containsExactly("Ec2CredentialV3.secret: secret in the schema, not among the binding's secret outputs");
        assertThat(checker.checkResource(Cluster.class, ClusterArgs.class, List.of("kubeconfig", "kubeConfig")))
                .containsExactly("Cluster: secret output 'kubeConfig' is not in the schema");
    }

    @Test
    void checker_deprecatedProperty_isReported() {
        assertThat(checker.checkResource(Container.class, LegacyVersioningArgs.class, List.of()))
                .contains("LegacyVersioningArgs.versioningLegacy: deprecated in the schema");
    }

    @Test
    void realSchema_forceNewAttributes_areTheInputsThatReplace() {
        // The template id of a cluster updates in place (a Magnum cluster upgrade); its node flavor replaces it.
        assertThat(schema.replaceOnChanges(Cluster.TYPE)).contains("flavor", "masterFlavor", "labels")
                .doesNotContain("clusterTemplateId", "nodeCount");
        assertThat(schema.replaceOnChanges(RecordSet.TYPE)).contains("zoneId", "name").doesNotContain("records");
    }

    // Deliberately broken bindings: each must be caught by the checker.

    static final class RenamedArgs extends com.pulumi.resources.ResourceArgs {
        @Import(name = "coe", required = true)
        private Output<String> coe;
        @Import(name = "dockerVolumeSizeGb")
        private Output<Integer> dockerVolumeSize;
    }

    static final class MistypedArgs extends com.pulumi.resources.ResourceArgs {
        @Import(name = "coe", required = true)
        private Output<String> coe;
        @Import(name = "masterLbEnabled")
        private Output<String> masterLbEnabled;
        @Import(name = "labels")
        private Output<Map<String, Integer>> labels;
    }

    static final class NoCoeArgs extends com.pulumi.resources.ResourceArgs {
        @Import(name = "image")
        private Output<String> image;
    }

    static final class OptionalCoeArgs extends com.pulumi.resources.ResourceArgs {
        @Import(name = "coe")
        private Output<String> coe;
    }

    static final class OptionalZoneArgs extends com.pulumi.resources.ResourceArgs {
        @Import(name = "zoneId")
        private Output<String> zoneId;
        @Import(name = "records", required = true)
        private Output<List<String>> records;
    }

    static final class RequiredImageArgs extends com.pulumi.resources.ResourceArgs {
        @Import(name = "coe", required = true)
        private Output<String> coe;
        @Import(name = "image", required = true)
        private Output<String> image;
    }

    static final class LegacyVersioningArgs extends com.pulumi.resources.ResourceArgs {
        @Import(name = "versioningLegacy")
        private Output<Map<String, String>> versioningLegacy;
    }

    @ResourceType(type = "openstack:containerinfra/clusters:Cluster")
    static final class WrongToken {
    }

    @ResourceType(type = "openstack:containerinfra/cluster:Cluster")
    static final class MistypedOutput {
        @Export(name = "kubeconfig", refs = {String.class}, tree = "[0]")
        private Output<String> kubeconfig;
    }
}
