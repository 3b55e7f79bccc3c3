package io.edxstack.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edxstack.cli.EdxstackCli;
import io.edxstack.testing.TestProject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The program under the real Pulumi engine (CLI v3.276.0 and the Kubernetes provider built from Go modules) against a
 * real kube-apiserver on loopback, with a local file backend, in the order an operator meets it: first {@code up},
 * a no-change preview, a reviewed catalogue change, the DR stack reading the primary, refusals, and protection.
 * Each step depends on the state the previous ones left, as in production.
 */
@Tag("e2e")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EngineEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PRIMARY = "prod-primary";
    private static final String DR = "prod-dr";
    private static final List<String> PLATFORMS = List.of("demo", "training");

    private Path workDir;
    private LocalCluster primaryCluster;
    private LocalCluster drCluster;
    private TestProject project;
    private PulumiCli pulumi;
    private ProgramHost host;

    @BeforeAll
    void startEngineAndCluster() throws IOException {
        EngineTools tools = EngineTools.locate();
        workDir = Files.createTempDirectory("edxstack-e2e");
        primaryCluster = LocalCluster.start(tools, workDir.resolve("cluster-primary"));
        drCluster = LocalCluster.start(tools, workDir.resolve("cluster-dr"));
        Path crds = Path.of("src/test/resources/e2e/cert-manager-crds.yaml").toAbsolutePath();
        primaryCluster.apply(crds);
        drCluster.apply(crds);
        project = TestProject.copyOfRepository(workDir.resolve("project"));
        pulumi = new PulumiCli(tools, workDir, project.dir());
        host = ProgramHost.start(project.dir());
        String masterKey = Base64.getEncoder().encodeToString(randomBytes());
        EngineStacks.init(pulumi, project, PRIMARY, primaryCluster, masterKey);
        EngineStacks.init(pulumi, project, DR, drCluster, masterKey);
    }

    @AfterAll
    void stop() {
        if (host != null) {
            host.close();
        }
        if (drCluster != null) {
            drCluster.close();
        }
        if (primaryCluster != null) {
            primaryCluster.close();
        }
    }

    @Test
    @Order(1)
    void up_primary_createsEveryObjectInTheApiServer() {
        up(PRIMARY).ok();

        for (String platform : PLATFORMS) {
            JsonNode namespace = primaryCluster.get("namespace", platform);
            assertThat(namespace.at("/metadata/labels/edxstack.io~1platform").asText()).isEqualTo(platform);
            assertThat(namespace.at("/metadata/labels/pod-security.kubernetes.io~1enforce").asText()).isEqualTo("restricted");
            // Set by the API server, not the program.
            assertThat(namespace.at("/metadata/labels/kubernetes.io~1metadata.name").asText()).isEqualTo(platform);
            for (String kind : List.of("deployments", "statefulsets", "services", "configmaps", "cronjobs")) {
                JsonNode items = primaryCluster.get(kind, "-n", platform).get("items");
                List<JsonNode> ours = new ArrayList<>();
                items.forEach(item -> {
                    if (!item.at("/metadata/name").asText().equals("kube-root-ca.crt")) {
                        ours.add(item);
                    }
                });
                assertThat(ours).as(kind + " in " + platform).isNotEmpty().allSatisfy(item -> {
                    assertThat(item.at("/metadata/labels/edxstack.io~1platform").asText()).isEqualTo(platform);
                    assertThat(item.at("/metadata/labels/app.kubernetes.io~1managed-by").asText()).isEqualTo("edxstack");
                });
            }
            // Server-side defaults the program leaves to the API server.
            primaryCluster.get("deployments", "-n", platform).get("items").forEach(deployment -> {
                assertThat(deployment.at("/spec/revisionHistoryLimit").asInt()).isEqualTo(10);
                assertThat(deployment.at("/spec/template/spec/restartPolicy").asText()).isEqualTo("Always");
                assertThat(deployment.at("/spec/template/spec/dnsPolicy").asText()).isEqualTo("ClusterFirst");
            });
            primaryCluster.get("services", "-n", platform).get("items").forEach(service ->
                    assertThat(service.at("/spec/clusterIP").asText()).isNotEmpty());
        }
        assertSecretsAreNotInConfigMaps();
        assertThat(stackOutputs(PRIMARY).get("role").asText()).isEqualTo("active");
    }

    @Test
    @Order(2)
    void preview_afterUp_expectsNoChanges() {
        pulumi.run("preview", "--stack", PRIMARY, "--client", host.address(), "--expect-no-changes", "--diff").ok();
    }

    private void assertSecretsAreNotInConfigMaps() {
        for (String platform : PLATFORMS) {
            Set<String> secretValues = new HashSet<>();
            primaryCluster.get("secrets", "-n", platform).get("items").forEach(secret ->
                    secret.path("data").forEach(value -> {
                        String decoded = new String(Base64.getDecoder().decode(value.asText()), StandardCharsets.UTF_8);
                        if (decoded.length() >= 12) {
                            secretValues.add(decoded);
                        }
                    }));
            assertThat(secretValues).as("generated secrets of " + platform).isNotEmpty();
            primaryCluster.get("configmaps", "-n", platform).get("items").forEach(configMap ->
                    configMap.path("data").forEach(value -> assertThat(secretValues)
                            .as("a Secret value in ConfigMap " + configMap.at("/metadata/name").asText())
                            .noneMatch(secret -> value.asText().contains(secret))));
        }
    }

    private PulumiCli.Result up(String stack) {
        return pulumi.run("up", "--stack", stack, "--client", host.address(), "--yes", "--skip-preview");
    }

    private JsonNode stackOutputs(String stack) {
        return readJson(pulumi.run("stack", "output", "--stack", stack, "--json").ok().stdout());
    }

    static JsonNode readJson(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[48];
        new java.security.SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
