package io.edxstack.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.edxstack.cli.EdxstackCli;
import io.edxstack.diff.StateDiff;
import io.edxstack.diff.StateDiffWriter;
import io.edxstack.render.DesiredStateJson;
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
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The drift job's identity against the real engine and a real, RBAC-enforcing kube-apiserver: a stack of an
 * existing cluster whose kubeconfig comes from each run's KUBECONFIG file (edxstack:cluster.kubeconfig unset), deployed
 * with the admin's file; then {@code pulumi refresh --preview-only --expect-no-changes} as the program's own
 * kube-system/edxstack-reader ServiceAccount, with a token from the TokenRequest API, exactly as the drift job runs it.
 */
@Tag("e2e")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReaderIdentityEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STACK = "prod-dr";
    private static final String CONTEXT = "edxstack-" + STACK;
    private static final String PLATFORM = "demo";

    private Path workDir;
    private LocalCluster cluster;
    private PulumiCli pulumi;
    private ProgramHost host;
    private TestProject project;
    private Path adminKubeconfig;
    private Path readerKubeconfig;

    @BeforeAll
    void deployWithTheAdminsKubeconfigFile() throws IOException {
        EngineTools tools = EngineTools.locate();
        workDir = Files.createTempDirectory("edxstack-e2e-reader");
        cluster = LocalCluster.start(tools, workDir.resolve("cluster"));
        cluster.aggregateClusterRoles();
        cluster.apply(Path.of("program/src/test/resources/e2e/cert-manager-crds.yaml").toAbsolutePath());
        project = TestProject.copyOfRepository(workDir.resolve("project"));
        pulumi = new PulumiCli(tools, workDir, project.dir());
        host = ProgramHost.start(project.dir());
        initWithoutKubeconfig();
        adminKubeconfig = kubeconfigFile("admin-kubeconfig", adminUser());
        pulumi.environment("KUBECONFIG", adminKubeconfig.toString());
        pulumi.run("up", "--stack", STACK, "--client", host.address(), "--yes", "--skip-preview").ok();
        // The token the operator (or the deploy job) asks the TokenRequest API for, as the reader's kubeconfig holds it.
        String token = cluster.kubectl(List.of("create", "token", "edxstack-reader", "-n", "kube-system", "--duration", "1h")).strip();
        readerKubeconfig = kubeconfigFile("reader-kubeconfig", Map.of("token", token));
    }

    @AfterAll
    void stop() {
        if (host != null) {
            host.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void state_holdsNoKubeconfig_onlyTheContextName() {
        String state = pulumi.run("stack", "export", "--stack", STACK, "--show-secrets").ok().stdout();
        String adminKey = adminUser().get("client-key-data");

        assertThat(state).doesNotContain(adminKey).doesNotContain("client-key-data").doesNotContain("token:");
        JsonNode provider = resources(state).stream().filter(r -> r.get("type").asText().equals("pulumi:providers:kubernetes"))
                .findFirst().orElseThrow();
        assertThat(provider.at("/inputs/context").asText()).isEqualTo(CONTEXT);
        assertThat(provider.at("/inputs").has("kubeconfig")).isFalse();
    }

    @Test
    @Order(2)
    void driftCheck_asTheReader_findsNoChange() {
        PulumiCli.Result refresh = refreshAs(readerKubeconfig);

        assertThat(refresh.exitCode()).as(refresh.describe()).isZero();
    }

    @Test
    @Order(3)
    void deployReview_ofTheRealPreview_reportsOnlyWhatTheDesiredDiffCouldNotKnow() throws IOException {
        // As the deploy job does for a merged change: the desired diff of the change, then the preview, then the review.
        String catalogue = "stacks/platforms/demo.yaml";
        String original = project.read(catalogue);
        Path base = workDir.resolve("known-base.json");
        Path head = workDir.resolve("known-render.json");
        Path knownDiff = workDir.resolve("known-diff.json");
        assertThat(EdxstackCli.run("render", "--stack", STACK, "--project-dir", project.dir().toString(), "--format", "json",
                "--out", base.toString())).isZero();
        project.replace(catalogue, "openedx: localhost:5000/overhangio/openedx:22.0.3", "openedx: localhost:5000/overhangio/openedx:22.0.4");
        try {
            assertThat(EdxstackCli.run("render", "--stack", STACK, "--project-dir", project.dir().toString(), "--format",
                    "json", "--no-policy-gate", "--out", head.toString())).isZero();
            Files.writeString(knownDiff, StateDiffWriter.json(StateDiff.between(DesiredStateJson.read(base), DesiredStateJson.read(head))));
            PulumiCli.Result preview = pulumi.run("preview", "--stack", STACK, "--client", host.address(), "--json", "--show-sames");
            Path previewFile = workDir.resolve("preview-known.json");
            Files.writeString(previewFile, preview.stdout());
            Path full = workDir.resolve("review-full");
            Path narrowed = workDir.resolve("review-narrowed");
            EdxstackCli.run("review", "--preview", STACK + "=" + previewFile, "--catalogue-root", project.dir().toString(),
                    "--out", full.toString());
            EdxstackCli.run("review", "--preview", STACK + "=" + previewFile, "--known-diff", knownDiff.toString(),
                    "--catalogue-root", project.dir().toString(), "--out", narrowed.toString());

            String fullWarnings = EngineEndToEndTest.readJson(Files.readString(full.resolve("zuul_return.json"))).at("/zuul/warnings").toString();
            String narrowedReturn = Files.readString(narrowed.resolve("zuul_return.json"));
            String narrowedWarnings = EngineEndToEndTest.readJson(narrowedReturn).at("/zuul/warnings").toString();
            // The full review repeats the Deployment's image update the desired diff reported; the narrowed one does not.
            assertThat(Files.readString(knownDiff)).contains("containers[0].image").contains("Deployment::demo-lms\"");
            assertThat(Files.readString(full.resolve("review.html"))).contains("<code>demo-lms</code>");
            assertThat(Files.readString(narrowed.resolve("review.html"))).doesNotContain("<code>demo-lms</code>");
            assertThat(narrowedWarnings).contains("pulumi preview, beyond the desired diff");
            assertThat(narrowedReturn.length()).isLessThan(Files.readString(full.resolve("zuul_return.json")).length());
            // Whatever the engine does beyond the desired diff stays: here init Jobs that never finished, which the
            // provider replaces on every run (no kubelet finishes them).
            String narrowedHtml = Files.readString(narrowed.resolve("review.html"));
            EngineEndToEndTest.readJson(preview.stdout()).get("steps").forEach(step -> {
                String urn = step.get("urn").asText();
                if (step.get("op").asText().equals("replace") && urn.contains("kubernetes:batch/v1:Job::")) {
                    assertThat(narrowedHtml).contains(urn.substring(urn.lastIndexOf("::") + 2));
                }
            });
            assertThat(fullWarnings).contains("pulumi preview");
        } finally {
            project.write(catalogue, original);
        }
    }

    @Test
    @Order(4)
    void driftCheck_asViewWithoutSecrets_isRefused_soTheReaderNeedsToGetSecrets() throws IOException {
        // A second identity outside the stack: view plus every extra read of edxstack-reader except Secrets.
        Path role = workDir.resolve("no-secrets.yaml");
        JsonNode readerRole = cluster.get("clusterrole", "edxstack-reader");
        ObjectNode copy = JSON.createObjectNode();
        copy.put("apiVersion", "rbac.authorization.k8s.io/v1");
        copy.put("kind", "ClusterRole");
        copy.putObject("metadata").put("name", "e2e-reader-without-secrets");
        var rules = copy.putArray("rules");
        readerRole.get("rules").forEach(rule -> {
            if (!rule.get("resources").toString().contains("\"secrets\"")) {
                rules.add(rule);
            }
        });
        Files.writeString(role, JSON.writeValueAsString(copy));
        cluster.kubectl(List.of("apply", "-f", role.toString()));
        cluster.kubectl(List.of("create", "serviceaccount", "e2e-no-secrets", "-n", "kube-system"));
        cluster.kubectl(List.of("create", "clusterrolebinding", "e2e-no-secrets-view", "--clusterrole=view",
                "--serviceaccount=kube-system:e2e-no-secrets"));
        cluster.kubectl(List.of("create", "clusterrolebinding", "e2e-no-secrets", "--clusterrole=e2e-reader-without-secrets",
                "--serviceaccount=kube-system:e2e-no-secrets"));
        String token = cluster.kubectl(List.of("create", "token", "e2e-no-secrets", "-n", "kube-system", "--duration", "1h")).strip();

        PulumiCli.Result refresh = refreshAs(kubeconfigFile("no-secrets-kubeconfig", Map.of("token", token)));

        assertThat(refresh.exitCode()).as(refresh.describe()).isNotZero();
        assertThat(refresh.output()).containsIgnoringCase("secrets").containsIgnoringCase("forbidden");
    }

    @Test
    @Order(5)
    void reader_cannotWriteAnything() {
        var reader = List.of("--kubeconfig", readerKubeconfig.toString());

        assertThat(kubectlAs(reader, "auth", "can-i", "get", "deployments", "-n", PLATFORM)).isEqualTo("yes");
        assertThat(kubectlAs(reader, "auth", "can-i", "get", "secrets", "-n", PLATFORM)).isEqualTo("yes");
        assertThat(kubectlAs(reader, "auth", "can-i", "list", "secrets", "-n", PLATFORM)).isEqualTo("no");
        for (String verb : List.of("create", "update", "patch", "delete")) {
            for (String kind : List.of("deployments", "secrets", "configmaps", "serviceaccounts/token")) {
                assertThat(kubectlAs(reader, "auth", "can-i", verb, kind, "-n", PLATFORM)).as(verb + " " + kind).isEqualTo("no");
            }
            for (String clusterKind : List.of("namespaces", "clusterroles", "clusterrolebindings", "storageclasses")) {
                assertThat(kubectlAs(reader, "auth", "can-i", verb, clusterKind)).as(verb + " " + clusterKind).isEqualTo("no");
            }
        }
    }

    @Test
    @Order(6)
    void driftCheck_asTheReader_reportsAChangeMadeInTheCluster() {
        String deployment = firstDeployment();
        cluster.kubectl(List.of("scale", "deployment", deployment, "-n", PLATFORM, "--replicas=2"));

        PulumiCli.Result refresh = refreshAs(readerKubeconfig);

        assertThat(refresh.exitCode()).as(refresh.describe()).isNotZero();
        assertThat(refresh.output()).contains(deployment).doesNotContainIgnoringCase("forbidden");
    }

    @Test
    @Order(7)
    void up_asTheReader_isRefusedByRbacAndChangesNothing() {
        String drifted = firstDeployment();
        Map<String, Integer> before = replicas();
        Map<String, Integer> stateBefore = replicasInState();
        pulumi.setConfig(STACK, "edxstack:standby.warmReplicas", "1");

        pulumi.environment("KUBECONFIG", readerKubeconfig.toString());
        PulumiCli.Result up = pulumi.run("up", "--stack", STACK, "--client", host.address(), "--yes", "--skip-preview");

        assertThat(up.exitCode()).as(up.describe()).isNotZero();
        assertThat(up.output()).containsIgnoringCase("forbidden").contains("system:serviceaccount:kube-system:edxstack-reader");
        assertThat(replicas()).isEqualTo(before).containsEntry(drifted, 2);
        // The state records nothing the reader was refused: each Deployment as it was recorded before, or as the
        // provider read it live during the refused update (the admin's drift), never the warm replicas asked for.
        Map<String, Integer> live = replicas();
        replicasInState().forEach((name, recorded) -> assertThat(recorded).as(name)
                .isIn(stateBefore.get(name), live.get(name)));
    }

    private PulumiCli.Result refreshAs(Path kubeconfig) {
        pulumi.environment("KUBECONFIG", kubeconfig.toString());
        try {
            // As the drift job runs it; the program does not run (the state configures the providers), the host in
            // this JVM only answers the CLI's questions about the project's plugins.
            return pulumi.run("refresh", "--stack", STACK, "--client", host.address(), "--preview-only",
                    "--expect-no-changes", "--suppress-outputs");
        } finally {
            pulumi.environment("KUBECONFIG", adminKubeconfig.toString());
        }
    }

    private String kubectlAs(List<String> identity, String... args) {
        var command = new java.util.ArrayList<>(List.of(EngineTools.locate().binary("kubectl").toString()));
        command.addAll(identity);
        command.addAll(List.of(args));
        try {
            return EngineTools.run(command).strip();
        } catch (IllegalStateException e) {
            // `kubectl auth can-i` prints "no" and exits 1 (after a warning for a cluster-scoped kind).
            assertThat(e.getMessage().strip()).endsWith("no").contains(" failed: ");
            return "no";
        }
    }

    private String firstDeployment() {
        return cluster.get("deployments", "-n", PLATFORM).get("items").get(0).at("/metadata/name").asText();
    }

    private Map<String, Integer> replicas() {
        Map<String, Integer> replicas = new LinkedHashMap<>();
        cluster.get("deployments", "-n", PLATFORM).get("items").forEach(d ->
                replicas.put(d.at("/metadata/name").asText(), d.at("/spec/replicas").asInt()));
        return replicas;
    }

    /**
     * Each Deployment's replicas as the state records the live object. A refused update leaves the engine's
     * record of what it read (the provider reports a partial failure: the live object, and the attempted inputs
     * in `__inputs`), never a change that was not made.
     */
    private Map<String, Integer> replicasInState() {
        Map<String, Integer> replicas = new java.util.TreeMap<>();
        for (JsonNode r : resources(pulumi.run("stack", "export", "--stack", STACK).ok().stdout())) {
            if (r.get("type").asText().equals("kubernetes:apps/v1:Deployment")) {
                replicas.put(r.at("/outputs/metadata/name").asText(), r.at("/outputs/spec/replicas").asInt());
            }
        }
        return replicas;
    }

    private static List<JsonNode> resources(String export) {
        List<JsonNode> resources = new java.util.ArrayList<>();
        EngineEndToEndTest.readJson(export).at("/deployment/resources").forEach(resources::add);
        return resources;
    }

    /** The stack as an operator sets up an existing cluster whose kubeconfig each run brings: no kubeconfig in config. */
    private void initWithoutKubeconfig() {
        String file = "Pulumi." + STACK + ".yaml";
        project.existingCluster(STACK, null);
        project.write(file, project.read(file).replaceAll("(?m)^  edxstack:secrets\\.masterKey:\\n    secure: .*\\n", ""));
        pulumi.run("stack", "init", STACK, "--secrets-provider", "passphrase").ok();
        // The peer exists but was never deployed: a standby comes up without its role, as a new pair does.
        String peerFile = "Pulumi.prod-primary.yaml";
        project.write(peerFile, project.read(peerFile).replaceAll("(?m)^  edxstack:secrets\\.masterKey:\\n    secure: .*\\n", ""));
        pulumi.run("stack", "init", "prod-primary", "--secrets-provider", "passphrase").ok();
        pulumi.run("stack", "select", STACK).ok();
        pulumi.setConfig(STACK, "edxstack:certManager.install", "false");
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        pulumi.setSecret(STACK, "edxstack:secrets.masterKey", Base64.getEncoder().encodeToString(key));
        pulumi.setSecret(STACK, "edxstack:backup.s3AccessKey", "e2e-backup-access-key");
        pulumi.setSecret(STACK, "edxstack:backup.s3SecretKey", "e2e-backup-secret-key-0123456789");
    }

    private Map<String, String> adminUser() {
        try {
            JsonNode user = new YAMLMapper().readTree(cluster.kubeconfigText()).at("/users/0/user");
            return Map.of("client-certificate-data", user.get("client-certificate-data").asText(),
                    "client-key-data", user.get("client-key-data").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A kubeconfig for this cluster whose only context is the stack's, mode 0600 as the jobs write theirs. */
    private Path kubeconfigFile(String name, Map<String, String> user) {
        try {
            JsonNode admin = new YAMLMapper().readTree(cluster.kubeconfigText());
            Map<String, Object> config = Map.of("apiVersion", "v1", "kind", "Config", "current-context", CONTEXT,
                    "clusters", List.of(Map.of("name", "e2e", "cluster", JSON.convertValue(admin.at("/clusters/0/cluster"), Map.class))),
                    "users", List.of(Map.of("name", name, "user", user)),
                    "contexts", List.of(Map.of("name", CONTEXT, "context", Map.of("cluster", "e2e", "user", name))));
            Path file = workDir.resolve(name);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            new YAMLMapper().writeValue(file.toFile(), config);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
