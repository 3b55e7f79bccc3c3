package io.edxstack.openstack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.Import;
import com.pulumi.core.annotations.ResourceType;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-written OpenStack bindings against the provider schema they target (pulumi-openstack 5.5.1). */
class BindingSchemaTest {
    private final ProviderSchema schema = ProviderSchema.load();
    private final BindingSchemaChecker checker = new BindingSchemaChecker(schema);

    @Test
    void bindings_matchTheSchema_tokenPropertyNamesTypesAndRequiredInputs() {
        assertThat(checker.checkResource(ClusterTemplate.class, ClusterTemplateArgs.class)).isEmpty();
        assertThat(checker.checkResource(Cluster.class, ClusterArgs.class)).isEmpty();
        assertThat(checker.checkResource(Ec2CredentialV3.class, Ec2CredentialV3Args.class)).isEmpty();
        assertThat(checker.checkResource(Container.class, ContainerArgs.class)).isEmpty();
        assertThat(checker.checkResource(RecordSet.class, RecordSetArgs.class)).isEmpty();
        assertThat(checker.checkProvider(OpenStackProviderArgs.class)).isEmpty();
    }

    @Test
    void pluginVersion_isTheSchemasVersionEverywhereItIsPinned() throws Exception {
        assertThat(OpenStackPlugin.VERSION).isEqualTo(schema.providerVersion());
        try (InputStream in = getClass().getResourceAsStream("/com/pulumi/openstack/plugin.json")) {
            var plugin = new ObjectMapper().readTree(in);
            assertThat(plugin.path("name").asText()).isEqualTo("openstack");
            assertThat(plugin.path("resource").asBoolean()).isTrue();
            assertThat(plugin.path("version").asText()).isEqualTo(schema.providerVersion());
        }
    }

    @Test
    void checker_renamedProperty_isReported() {
        assertThat(checker.checkResource(ClusterTemplate.class, RenamedArgs.class))
                .contains("RenamedArgs.dockerVolumeSizeGb: no such property in the schema");
    }

    @Test
    void checker_mistypedProperties_areReported() {
        assertThat(checker.checkResource(ClusterTemplate.class, MistypedArgs.class)).containsExactlyInAnyOrder(
                "MistypedArgs.masterLbEnabled: schema type boolean, binding type string",
                "MistypedArgs.labels: schema type map<string>, binding type map<integer>");
    }

    @Test
    void checker_droppedRequiredInput_isReported() {
        assertThat(checker.checkResource(ClusterTemplate.class, NoCoeArgs.class))
                .contains("NoCoeArgs: required input 'coe' is missing");
        assertThat(checker.checkResource(ClusterTemplate.class, OptionalCoeArgs.class))
                .contains("OptionalCoeArgs.coe: required by the schema, not marked required");
    }

    @Test
    void checker_wrongTokenOrMistypedOutput_isReported() {
        assertThat(checker.checkResource(WrongToken.class, ClusterArgs.class))
                .containsExactly("WrongToken: token openstack:containerinfra/clusters:Cluster is not in the schema");
        assertThat(checker.checkResource(MistypedOutput.class, ClusterArgs.class))
                .containsExactly("MistypedOutput.kubeconfig: schema type map<string>, binding type string");
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

    @ResourceType(type = "openstack:containerinfra/clusters:Cluster")
    static final class WrongToken {
    }

    @ResourceType(type = "openstack:containerinfra/cluster:Cluster")
    static final class MistypedOutput {
        @Export(name = "kubeconfig", refs = {String.class}, tree = "[0]")
        private Output<String> kubeconfig;
    }
}
