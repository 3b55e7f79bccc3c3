package io.edxstack.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edxstack.cluster.KubernetesPlugin;
import io.edxstack.e2e.EngineBench.Measured;
import io.edxstack.e2e.EngineBench.Phases;
import io.edxstack.render.DesiredState;
import io.edxstack.render.Renderer;
import io.edxstack.testing.TestProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The engine benchmark's parts that need no engine (its dry test): the generated catalogue renders, the kubectl
 * baseline gets exactly the Kubernetes objects of a state export with their secrets, the program host starts in a
 * JVM of its own, processes are sampled and grouped, and the report's arithmetic (ratio, program share, slopes).
 */
class EngineBenchDryTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void catalogue_ofThreeCopies_rendersThreePlatformsAndNoDemo(@TempDir Path dir) {
        TestProject project = BenchCatalogue.generate(dir.resolve("project"), 3);

        DesiredState state = Renderer.render(project.dir(), "prod-primary");
        assertThat(state.ofType("kubernetes:core/v1:Namespace")).extracting(r -> r.state().name())
                .containsExactlyInAnyOrder("p001", "p002", "p003");
        assertThat(Files.exists(project.file("stacks/platforms/p002.settings.json"))).isTrue();
        assertThat(project.read("stacks/platforms/p003.yaml")).contains("learn.p003.example.org").doesNotContain("prod-dr");
    }

    @Test
    void appliedObjects_areTheKubernetesInputsWithSecretsInTheClear() throws Exception {
        JsonNode export = JSON.readTree("""
                {"deployment": {"resources": [
                  {"urn": "u1", "type": "pulumi:providers:kubernetes", "custom": true, "inputs": {"kubeconfig": "k"}},
                  {"urn": "u2", "type": "edxstack:platform:Platform", "custom": false, "inputs": {}},
                  {"urn": "u3", "type": "openstack:objectstorage/container:Container", "custom": true, "inputs": {"name": "b"}},
                  {"urn": "u4", "type": "kubernetes:core/v1:ConfigMap", "custom": true,
                   "inputs": {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "c"}, "data": {"a": "1"}}},
                  {"urn": "u5", "type": "kubernetes:core/v1:Secret", "custom": true,
                   "inputs": {"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "s"},
                              "stringData": {"4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270",
                                             "plaintext": "{\\"password\\":\\"p4ss\\"}"}}},
                  {"urn": "u6", "type": "kubernetes:core/v1:ConfigMap", "custom": true, "delete": true,
                   "inputs": {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "old"}}}
                ]}}""");

        ObjectNode list = AppliedObjects.fromExport(export);

        assertThat(list.get("kind").asText()).isEqualTo("List");
        assertThat(list.get("items")).extracting(item -> item.at("/metadata/name").asText()).containsExactly("c", "s");
        assertThat(list.at("/items/1/stringData/password").asText()).isEqualTo("p4ss");
    }

    @Test
    void appliedObjects_ofAnExportWithoutShowSecrets_isRefused() throws Exception {
        JsonNode export = JSON.readTree("""
                {"deployment": {"resources": [{"urn": "u5", "type": "kubernetes:core/v1:Secret", "custom": true,
                  "inputs": {"data": {"4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270",
                                      "ciphertext": "v1:abc"}}}]}}""");

        assertThatThrownBy(() -> AppliedObjects.fromExport(export)).hasMessageContaining("u5").hasMessageContaining("--show-secrets");
    }

    @Test
    void programHost_inAJvmOfItsOwn_listensForTheCli(@TempDir Path dir) throws Exception {
        TestProject project = TestProject.copyOfRepository(dir.resolve("project"));
        // With the Zuul jobs' JVM options: the JVM refuses options it does not know, so they are checked here too.
        try (ProgramProcess program = ProgramProcess.start(project.dir(), dir.resolve("host.log"), EngineBench.zuulJavaOptions());
             ProcessSampler sampler = new ProcessSampler(EngineBench::group)) {
            sampler.add(program.handle());
            assertThat(program.awaitAddress()).matches("127\\.0\\.0\\.1:\\d+");
            sampler.sampleNow();
            assertThat(sampler.cpuSeconds()).containsKey("program");
            assertThat(sampler.peakRssMib()).isGreaterThan(10);
            assertThat(sampler.peakProcessMib().get("program")).isGreaterThan(10);
        }
        assertThat(Files.readString(dir.resolve("host.log"))).contains("Picked up " + ProgramProcess.JAVA_OPTIONS);
    }

    @Test
    void processes_areGroupedByExecutable() {
        assertThat(EngineBench.group("pulumi")).isEqualTo("engine");
        assertThat(EngineBench.group("pulumi-resource-kubernetes")).isEqualTo("provider");
        assertThat(EngineBench.group("java")).isEqualTo("program");
        assertThat(EngineBench.group("python3.11")).isEqualTo("program");
        assertThat(EngineBench.group("kubectl")).isEqualTo("kubectl");
        assertThat(EngineBench.group("sh")).isEqualTo("other");
    }

    @Test
    void report_givesTheRatioTheProgramShareAndTheSlopes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BenchReport report = new BenchReport(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        report.header(EngineTools.versions());
        Phases phases = new Phases(1, 2, 3, 4, 1, 2.5, 300, 0.5);
        report.row(new Measured(5, BenchReport.PREVIEW, 300, 10, 900, Map.of("engine", 6.0, "provider", 2.0, "program", 2.0),
                Map.of(), 1, "1.00 2.00 3.00", phases));
        report.row(new Measured(5, BenchReport.KUBECTL, 280, 2, 60, Map.of("kubectl", 0.5), Map.of(), 1, "1.00 2.00 3.00", null));
        report.row(new Measured(20, BenchReport.PREVIEW, 1200, 25, 900, Map.of("engine", 15.0, "provider", 4.0, "program", 1.0),
                Map.of(), 1, "1.00 2.00 3.00", phases));
        report.row(new Measured(20, BenchReport.KUBECTL, 1100, 12.5, 60, Map.of("kubectl", 2.0), Map.of(), 4, "1.00 2.00 3.00", null));

        report.summary();

        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("load 1/5/15 min").contains("pulumi-resource-kubernetes " + KubernetesPlugin.VERSION).contains("1.00 2.00 3.00");
        // 10 s against 2 s, program 2 of 10 CPU seconds; the goal is judged at the largest size only.
        assertThat(text).containsPattern("5\\s+pulumi preview \\(no change\\)\\s+5\\.0x\\s+20 %\\s+40 %\\n");
        // 25 s against 12.5 s, program 1 of 20 CPU seconds: the ratio is met, the share too.
        assertThat(text).containsPattern("20\\s+pulumi preview \\(no change\\)\\s+2\\.0x\\s+5 %\\s+16 %\\s+goal \\(2\\.0x, under 10 %\\): met");
        // (25 - 10) / 15 platforms; engine (15 - 6) / 15.
        assertThat(text).contains("5->20  wall 1.00, engine CPU 0.60, provider CPU 0.13, program CPU -0.07");
        assertThat(BenchReport.verdict(2.5, 0.2)).isEqualTo("NOT met: ratio and program share");
    }
}
