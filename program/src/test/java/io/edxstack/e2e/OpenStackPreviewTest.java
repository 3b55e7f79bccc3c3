package io.edxstack.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edxstack.testing.FreePorts;
import io.edxstack.testing.TestProject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Magnum path of a fresh stack previewed by the real engine with a real OpenStack provider and no cloud: the
 * Terraform OpenStack provider bridged by pulumi-terraform-bridge with pulumi-openstack's tokens
 * ({@code engine/pulumi-resource-openstack}). The provider authenticates lazily, so with a clouds.yaml whose Keystone
 * does not exist it checks and plans every OpenStack resource without a single API call; how far the preview goes
 * after the cluster depends on the Kubernetes provider being built (its kubeconfig is unknown until the cluster
 * exists).
 */
@Tag("e2e")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenStackPreviewTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STACK = "prod-dr";

    private Path workDir;
    private PulumiCli pulumi;
    private ProgramHost host;

    @BeforeAll
    void initStacks() throws IOException {
        List<String> needed = new ArrayList<>(List.of("pulumi", "pulumi-resource-openstack"));
        String kubernetes = EngineTools.run(List.of("bash", "scripts/engine-tools", "dir", "pulumi-resource-kubernetes")).strip();
        if (Files.isExecutable(Path.of(kubernetes, "pulumi-resource-kubernetes"))) {
            needed.add("pulumi-resource-kubernetes");
        }
        workDir = Files.createTempDirectory("edxstack-openstack-preview");
        TestProject project = TestProject.copyOfRepository(workDir.resolve("project"));
        pulumi = new PulumiCli(EngineTools.locate(needed), workDir, project.dir());
        String file = "Pulumi." + STACK + ".yaml";
        project.write(file, project.read(file).replaceAll("(?m)^  edxstack:secrets\\.masterKey:\\n    secure: .*\\n", ""));
        // The standby stack reads its peer through a stack reference: the peer exists, not yet deployed.
        pulumi.run("stack", "init", "prod-primary", "--secrets-provider", "passphrase").ok();
        pulumi.run("stack", "init", STACK, "--secrets-provider", "passphrase").ok();
        pulumi.setSecret(STACK, "edxstack:secrets.masterKey", Base64.getEncoder().encodeToString(new byte[48]));
        host = ProgramHost.start(project.dir());
    }

    @AfterAll
    void stop() {
        if (host != null) {
            host.close();
        }
    }

    @Test
    void preview_noCloudsYaml_failsAtTheProviderConfigurationBeforeAnyOpenStackResource() throws IOException {
        pulumi.environment("OS_CLIENT_CONFIG_FILE", workDir.resolve("absent-clouds.yaml").toString());

        PulumiCli.Result preview = preview();

        assertThat(preview.exitCode()).isNotZero();
        JsonNode result = JSON.readTree(preview.stdout());
        assertThat(diagnostics(result)).hasEntrySatisfying(
                "urn:pulumi:prod-dr::edxstack::pulumi:providers:openstack::prod-dr-openstack", message -> assertThat(message)
                        .contains("Preview failed", "unable to load clouds.yaml: no clouds.yml file found: file does not exist"));
        assertThat(openStackSteps(result)).isEmpty();
    }

    @Test
    void preview_cloudWithoutKeystone_plansEveryOpenStackResourceThroughTheProvidersCheck() throws IOException {
        Path clouds = workDir.resolve("clouds.yaml");
        Files.writeString(clouds, """
                clouds:
                  edx-dr:
                    region_name: RegionTwo
                    auth:
                      auth_url: http://127.0.0.1:%d/v3
                      username: e2e
                      password: e2e-not-a-credential
                      project_name: e2e
                      user_domain_name: Default
                      project_domain_name: Default
                """.formatted(FreePorts.next()));
        pulumi.environment("OS_CLIENT_CONFIG_FILE", clouds.toString());

        JsonNode result = JSON.readTree(preview().stdout());

        Map<String, JsonNode> steps = openStackSteps(result);
        assertThat(steps.keySet()).containsExactlyInAnyOrder(
                "openstack:containerinfra/clusterTemplate:ClusterTemplate::edx-dr-k8s-1-28-fcos38",
                "openstack:containerinfra/cluster:Cluster::edx-dr",
                "openstack:identity/ec2CredentialV3:Ec2CredentialV3::prod-dr-backup-s3-credential",
                "openstack:objectstorage/container:Container::prod-dr-backup-bucket");
        assertThat(steps.values()).allSatisfy(step -> {
            assertThat(step.path("op").asText()).isEqualTo("create");
            // Inputs as the provider's Check returned them: the bridge records the Terraform defaults it applied.
            assertThat(step.at("/newState/inputs").has("__defaults")).as(step.path("urn").asText()).isTrue();
        });
        assertThat(steps.get("openstack:objectstorage/container:Container::prod-dr-backup-bucket")
                .at("/newState/inputs/__defaults").toString()).isEqualTo("[\"versioning\"]");
        JsonNode cluster = steps.get("openstack:containerinfra/cluster:Cluster::edx-dr").at("/newState/inputs");
        assertThat(cluster.path("masterCount").asInt()).isEqualTo(3);
        assertThat(cluster.path("nodeCount").asInt()).isEqualTo(3);
        assertThat(cluster.path("keypair").asText()).isEqualTo("edx-ops");
        assertThat(cluster.path("createTimeout").asInt()).isEqualTo(90);
        assertThat(diagnostics(result).keySet()).noneMatch(urn -> urn.contains("openstack"));
    }

    private PulumiCli.Result preview() {
        return pulumi.run("preview", "--stack", STACK, "--client", host.address(), "--json");
    }

    /** Steps of OpenStack resources (not the provider), by {@code type::name}. */
    private static Map<String, JsonNode> openStackSteps(JsonNode preview) {
        Map<String, JsonNode> steps = new TreeMap<>();
        preview.path("steps").forEach(step -> {
            String urn = step.path("urn").asText();
            String type = step.at("/newState/type").asText();
            if (type.startsWith("openstack:")) {
                steps.put(type + "::" + urn.substring(urn.lastIndexOf("::") + 2), step);
            }
        });
        return steps;
    }

    /** Diagnostics by the URN of the resource they are about (empty for the stack-wide ones). */
    private static Map<String, String> diagnostics(JsonNode preview) {
        Map<String, String> messages = new TreeMap<>();
        preview.path("diagnostics").forEach(d ->
                messages.merge(d.path("urn").asText(), d.path("message").asText(), (a, b) -> a + b));
        return messages;
    }
}
