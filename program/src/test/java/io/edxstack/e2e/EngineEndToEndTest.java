package io.edxstack.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edxstack.cli.EdxstackCli;
import io.edxstack.cluster.KubernetesPlugin;
import io.edxstack.testing.TestProject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

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
    @RegisterExtension
    static final ScratchDirectory SCRATCH = new ScratchDirectory("edxstack-e2e");

    private Path workDir;
    private LocalCluster primaryCluster;
    private LocalCluster drCluster;
    private TestProject project;
    private PulumiCli pulumi;
    private ProgramHost host;

    @BeforeAll
    void startEngineAndCluster() throws IOException {
        EngineTools tools = EngineTools.locate();
        workDir = SCRATCH.path();
        primaryCluster = LocalCluster.start(tools, workDir.resolve("cluster-primary"));
        drCluster = LocalCluster.start(tools, workDir.resolve("cluster-dr"));
        Path crds = Path.of("program/src/test/resources/e2e/cert-manager-crds.yaml").toAbsolutePath();
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
        // A new pair comes up standby first: an active stack refuses to run while its peer has no role output.
        PulumiCli.Result refused = up(PRIMARY);
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.output()).contains("the role of prod-dr cannot be read");
        assertThat(primaryCluster.get("namespaces").get("items").toString()).doesNotContain("\"demo\"");
        up(DR).ok();
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
                assertThat(deployment.at("/spec/template/spec/schedulerName").asText()).isEqualTo("default-scheduler");
                assertThat(deployment.at("/spec/template/spec/containers/0/terminationMessagePath").asText())
                        .isEqualTo("/dev/termination-log");
            });
            primaryCluster.get("services", "-n", platform).get("items").forEach(service ->
                    assertThat(service.at("/spec/clusterIP").asText()).isNotEmpty());
        }
        assertSecretsAreNotInConfigMaps();
        assertThat(stackOutputs(PRIMARY).get("role").asText()).isEqualTo("active");
    }

    @Test
    @Order(2)
    void preview_afterUp_changesNothingButTheUnfinishedInitJobs() {
        assertThat(changes(PRIMARY)).isEmpty();
    }

    @Test
    @Order(3)
    void stackDeployedOnTheSdksProviderVersion_previewsAsAnUpdateOfItsProviderAlone() throws IOException {
        Path current = workDir.resolve("state-current.json");
        pulumi.run("stack", "export", "--stack", PRIMARY, "--file", current.toString()).ok();
        JsonNode state = readJson(Files.readString(current));
        List<ObjectNode> providers = new ArrayList<>();
        state.at("/deployment/resources").forEach(resource -> {
            if (resource.path("type").asText().equals("pulumi:providers:kubernetes")) {
                providers.add((ObjectNode) resource);
            }
        });
        assertThat(providers).isNotEmpty().allSatisfy(provider ->
                assertThat(provider.at("/inputs/version").asText()).isEqualTo(KubernetesPlugin.VERSION));
        // What a stack deployed before the provider was pinned holds: the version the Java SDK stamps (its schema's).
        for (ObjectNode provider : providers) {
            ((ObjectNode) provider.get("inputs")).put("version", "4.0.0");
            ((ObjectNode) provider.get("outputs")).put("version", "4.0.0");
        }
        Path older = workDir.resolve("state-sdk-provider-version.json");
        JSON.writeValue(older.toFile(), state);
        pulumi.run("stack", "import", "--stack", PRIMARY, "--file", older.toString()).ok();
        try {
            // Offline, with only the pinned plugin installed: the engine never needs the 4.0.0 plugin for it.
            List<JsonNode> changed = changes(PRIMARY);
            assertThat(changed).singleElement().satisfies(step -> {
                assertThat(step.get("op").asText()).isEqualTo("update");
                assertThat(step.get("urn").asText()).contains("pulumi:providers:kubernetes::");
            });
        } finally {
            pulumi.run("stack", "import", "--stack", PRIMARY, "--file", current.toString()).ok();
        }
    }

    /** The steps of a {@code pulumi preview --json} that change something ({@link NoChangePreview}). */
    private List<JsonNode> changes(String stack) {
        return NoChangePreview.changes(readJson(pulumi.run("preview", "--stack", stack, "--client", host.address(), "--json").ok().stdout()));
    }

    @Test
    @Order(4)
    void catalogueChange_previewsAsExactlyThoseUpdates_andTheReviewIsMadeFromTheRealPreview() throws IOException {
        String catalogue = "stacks/platforms/demo.yaml";
        String original = project.read(catalogue);
        project.replace(catalogue, "lms: learn.demo.example.org", "lms: courses.demo.example.org");
        project.replace(catalogue, "openedx: localhost:5000/overhangio/openedx:22.0.3", "openedx: localhost:5000/overhangio/openedx:22.0.4");
        try {
            List<JsonNode> changed = changes(PRIMARY);
            // As Zuul runs it (config-project/roles/edxstack-preview-stack): with unchanged resources, which the policies need.
            PulumiCli.Result preview = pulumi.run("preview", "--stack", PRIMARY, "--client", host.address(), "--json",
                    "--show-sames").ok();
            assertThat(changed).isNotEmpty().allSatisfy(step -> {
                assertThat(step.get("op").asText()).as(step.get("urn").asText()).isIn("update", "create", "delete", "replace");
                assertThat(step.get("urn").asText()).contains("::demo");
            });
            // Only the web workloads and their settings follow a host and an image; data services do not move.
            assertThat(changed).noneMatch(step -> step.get("urn").asText().contains("StatefulSet"));
            assertThat(changed).noneMatch(step -> step.get("urn").asText().contains("Namespace"));
            assertThat(changed).anyMatch(step -> step.get("urn").asText().contains("apps/v1:Deployment::demo-lms")
                    && step.get("op").asText().equals("update"));

            Path previewFile = workDir.resolve("preview-catalogue.json");
            Files.writeString(previewFile, preview.stdout());
            Path out = workDir.resolve("review-catalogue");
            int exit = EdxstackCli.run("review", "--preview", PRIMARY + "=" + previewFile,
                    "--catalogue-root", project.dir().toString(), "--out", out.toString());
            assertThat(exit).isZero();
            JsonNode zuulReturn = readJson(Files.readString(out.resolve("zuul_return.json")));
            assertThat(zuulReturn.toString()).contains("demo-lms");
            assertThat(Files.readString(out.resolve("review.md"))).contains("`demo-lms`").doesNotContain("`training-lms`");
        } finally {
            project.write(catalogue, original);
        }
    }

    @Test
    @Order(5)
    void dataVolumeResize_isAReplaceOfProtectedData_blockedByTheGuardAndByTheEngine() throws IOException {
        String catalogue = "stacks/platforms/demo.yaml";
        String original = project.read(catalogue);
        project.replace(catalogue, "mongodb: {storage: 30Gi}", "mongodb: {storage: 40Gi}");
        try {
            // The engine refuses to replace a protected resource, already in preview: exit 1, the JSON still written.
            PulumiCli.Result preview = pulumi.run("preview", "--stack", PRIMARY, "--client", host.address(), "--json",
                    "--show-sames");
            assertThat(preview.exitCode()).isNotZero();
            assertThat(preview.stdout()).contains("marked for protection");
            Path previewFile = workDir.resolve("preview-volume.json");
            Files.writeString(previewFile, preview.stdout());
            // The provider's own table of immutable fields decides: volumeClaimTemplates cannot change in place.
            List<String> replaced = new ArrayList<>();
            readJson(preview.stdout()).get("steps").forEach(step -> {
                if (step.get("op").asText().equals("replace")) {
                    replaced.add(step.get("urn").asText());
                }
            });
            assertThat(replaced).anyMatch(urn -> urn.endsWith("apps/v1:StatefulSet::demo-mongodb"));

            Path blocked = workDir.resolve("review-volume-blocked");
            Path message = workDir.resolve("commit-message-plain");
            Files.writeString(message, "demo: bigger MongoDB volume\n\nChange-Id: I0000000000000000000000000000000000000001\n");
            assertThat(EdxstackCli.run("review", "--preview", PRIMARY + "=" + previewFile, "--commit-message", message.toString(),
                    "--catalogue-root", project.dir().toString(), "--out", blocked.toString())).isEqualTo(3);
            assertThat(Files.readString(blocked.resolve("review.md")))
                    .containsPattern("\\*\\*mandatory\\*\\* \\| `data-loss-guard` \\| prod-primary \\| `demo-mongodb`");

            Path allowed = workDir.resolve("review-volume-allowed");
            Path allowing = workDir.resolve("commit-message-allowing");
            Files.writeString(allowing, "demo: bigger MongoDB volume\n\nBackup taken.\n\nAllow-Replace: demo-mongodb\n"
                    + "Change-Id: I0000000000000000000000000000000000000002\n");
            // The footer turns the guard advisory, but the engine still refuses to replace a protected resource:
            // the failed preview stays mandatory until a reviewed change lifts the protection.
            assertThat(EdxstackCli.run("review", "--preview", PRIMARY + "=" + previewFile, "--commit-message", allowing.toString(),
                    "--catalogue-root", project.dir().toString(), "--out", allowed.toString())).isEqualTo(3);
            assertThat(Files.readString(allowed.resolve("review.md")))
                    .containsPattern("advisory \\| `data-loss-guard` \\| prod-primary \\| `demo-mongodb`")
                    .containsPattern("\\*\\*mandatory\\*\\* \\| `preview-failed` \\| prod-primary \\| `demo-mongodb`")
                    .doesNotContainPattern("\\*\\*mandatory\\*\\* \\| `data-loss-guard`");
        } finally {
            project.write(catalogue, original);
        }
    }

    @Test
    @Order(6)
    void configError_underTheRealEngine_registersNothing() {
        int before = resourceCount(PRIMARY);
        pulumi.setConfig(PRIMARY, "edxstack:backup.rpoMinute", "60");
        try {
            PulumiCli.Result up = up(PRIMARY);
            assertThat(up.exitCode()).isNotZero();
            assertThat(up.output()).contains("edxstack:backup.rpoMinute").contains("edxstack:backup.rpoMinutes");
        } finally {
            pulumi.removeConfig(PRIMARY, "edxstack:backup.rpoMinute");
        }
        assertThat(resourceCount(PRIMARY)).isEqualTo(before);
    }

    @Test
    @Order(7)
    void mandatoryPolicyViolation_underTheRealEngine_registersNothing() {
        int before = resourceCount(PRIMARY);
        String catalogue = "stacks/platforms/training.yaml";
        String original = project.read(catalogue);
        project.replace(catalogue, "openedx: localhost:5000/overhangio/openedx:22.0.3", "openedx: docker.io/openedx/openedx:22.0.9");
        try {
            PulumiCli.Result up = up(PRIMARY);
            assertThat(up.exitCode()).isNotZero();
            // Refused as configuration, on the catalogue key, before the engine registers anything.
            assertThat(up.output()).contains("1 configuration problem,").contains("images.openedx").contains("image-registry");
        } finally {
            project.write(catalogue, original);
        }
        assertThat(resourceCount(PRIMARY)).isEqualTo(before);
        primaryCluster.get("deployments", "-n", "training").get("items").forEach(deployment ->
                assertThat(deployment.toString()).doesNotContain("docker.io/openedx"));
    }

    @Test
    @Order(8)
    void drStack_readsThePrimaryThroughARealStackReference() {
        up(DR).ok();
        assertThat(stackOutputs(DR).get("role").asText()).isEqualTo("standby");
        // Standby: the data services run in the DR region's cluster.
        drCluster.get("statefulset", "-n", "demo", "mongodb");
        assertThat(changes(DR)).isEmpty();
    }

    @Test
    @Order(9)
    void drStack_promotedWhileThePrimaryIsActive_isRefusedAsSplitBrain() {
        int before = resourceCount(DR);
        pulumi.setConfig(DR, "edxstack:role", "active");
        try {
            PulumiCli.Result refused = pulumi.run("preview", "--stack", DR, "--client", host.address());
            assertThat(refused.exitCode()).isNotZero();
            assertThat(refused.output()).contains("split brain");

            pulumi.setConfig(DR, "edxstack:failover.primaryUnreachable", "true");
            PulumiCli.Result allowed = pulumi.run("preview", "--stack", DR, "--client", host.address()).ok();
            assertThat(allowed.output()).contains("primaryUnreachable");
        } finally {
            pulumi.removeConfig(DR, "edxstack:failover.primaryUnreachable");
            pulumi.setConfig(DR, "edxstack:role", "standby");
        }
        assertThat(resourceCount(DR)).isEqualTo(before);
    }

    @Test
    @Order(10)
    void drStack_peerThatCannotBeRead_failsClosedInTheEngine() {
        int before = resourceCount(DR);
        pulumi.setConfig(DR, "edxstack:peerStack", "prod-gone");
        pulumi.setConfig(DR, "edxstack:role", "active");
        try {
            // Refused before any StackReference is read: the project has no stack file of that name.
            PulumiCli.Result refused = pulumi.run("preview", "--stack", DR, "--client", host.address());
            assertThat(refused.exitCode()).isNotZero();
            assertThat(refused.output()).contains("edxstack:peerStack").contains("prod-gone");
        } finally {
            pulumi.setConfig(DR, "edxstack:role", "standby");
            pulumi.setConfig(DR, "edxstack:peerStack", PRIMARY);
        }
        assertThat(resourceCount(DR)).isEqualTo(before);
    }

    @Test
    @Order(11)
    void removedPlatform_isStoppedByProtectOnItsData() {
        String catalogue = "stacks/platforms/training.yaml";
        String original = project.read(catalogue);
        project.delete(catalogue);
        try {
            PulumiCli.Result up = up(PRIMARY);
            assertThat(up.exitCode()).isNotZero();
            assertThat(up.output()).contains("protected");
        } finally {
            project.write(catalogue, original);
        }
        primaryCluster.get("namespace", "training");
        primaryCluster.get("statefulset", "-n", "training", "mongodb");
    }

    @Test
    @Order(12)
    void destroy_isStoppedByProtectOnTheDataHoldingResources() {
        PulumiCli.Result destroy = pulumi.run("destroy", "--stack", PRIMARY, "--yes");
        assertThat(destroy.exitCode()).isNotZero();
        assertThat(destroy.output()).contains("protected");
        for (String platform : PLATFORMS) {
            primaryCluster.get("namespace", platform);
        }
        primaryCluster.get("statefulset", "-n", "demo", "mysql");
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

    /** Resources in the stack's state, read from the backend with {@code pulumi stack export}. */
    private int resourceCount(String stack) {
        return readJson(pulumi.run("stack", "export", "--stack", stack).ok().stdout()).at("/deployment/resources").size();
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
