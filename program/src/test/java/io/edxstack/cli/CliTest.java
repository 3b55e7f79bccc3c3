package io.edxstack.cli;

import io.edxstack.testing.TestProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The operator's commands, run as the jar runs them (exit code, standard output, standard error). */
class CliTest {
    @TempDir
    Path tempDir;

    record Run(int exitCode, String out, String err) {
    }

    static Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        var stdout = new ByteArrayOutputStream();
        var stderr = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(stdout, true));
            System.setErr(new PrintStream(stderr, true));
            int code = EdxstackCli.run(args);
            return new Run(code, stdout.toString(), stderr.toString());
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void validate_validStack_exitsZeroAndSummarises() {
        Run run = run("validate", "--stack", "prod-dr");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("prod-dr: valid (region RegionTwo, role standby, 1 platforms: demo; ")
                .contains(" resources, policies pass)");
    }

    @Test
    void validate_invalidStack_exitsOneWithEveryProblemAndNoStackTrace() {
        TestProject project = TestProject.copyOfRepository(tempDir)
                .setConfig("prod-primary", "edxstack:cluster.masterCount", "2")
                .setConfig("prod-primary", "edxstack:rol", "active");

        Run run = run("validate", "--stack", "prod-primary", "--project-dir", project.dir().toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("error: 2 configuration problems, nothing was changed")
                .contains("Pulumi.prod-primary.yaml: edxstack:cluster.masterCount: must be 1, 3 or 5 (got 2)")
                .contains("Pulumi.prod-primary.yaml: edxstack:rol: unknown key, perhaps 'edxstack:role'")
                .doesNotContain("at io.edxstack");
    }

    @Test
    void validate_unknownStack_namesTheMissingFileAndTheStacksThatExist() {
        Run run = run("validate", "--stack", "prod-primay");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("Pulumi.prod-primay.yaml: (file): no such stack file").contains("prod-primary");
    }

    @Test
    void render_toFile_thenDiffAgainstAChange_reportsTheChange() throws Exception {
        TestProject project = TestProject.copyOfRepository(tempDir);
        Path base = tempDir.resolve("base.json");
        Path head = tempDir.resolve("head.json");
        assertThat(run("render", "--stack", "prod-dr", "--project-dir", project.dir().toString(),
                "--format", "json", "--out", base.toString()).exitCode()).isZero();
        project.setConfig("prod-dr", "edxstack:cluster.nodeCount", "4");
        assertThat(run("render", "--stack", "prod-dr", "--project-dir", project.dir().toString(),
                "--format", "json", "--out", head.toString()).exitCode()).isZero();

        Run diff = run("diff", base.toString(), head.toString());

        assertThat(diff.exitCode()).isZero();
        assertThat(diff.out()).contains("prod-dr: 0 to create, 1 to update, 0 to delete")
                .contains("~ update  openstack:containerinfra/cluster:Cluster  edx-dr  [stateful]")
                .contains("~ nodeCount: 3 => 4");
        assertThat(Files.readString(base)).contains("\"stack\" : \"prod-dr\"");
    }

    @Test
    void render_text_listsResourcesWithParentsAndProviders() {
        Run run = run("render", "--stack", "prod-primary");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("# edxstack desired state of stack prod-primary (role active): ")
                .contains("kubernetes:core/v1:Namespace  demo\n  parent:   demo (edxstack:platform:Platform)\n"
                        + "  provider: edx-primary-k8s (pulumi:providers:kubernetes)\n  protect:  true\n");
    }

    @Test
    void noCommandAndUnknownOption_exitTwoWithAShortHint() {
        assertThat(run("render", "--stak", "prod-primary").exitCode()).isEqualTo(2);
        Run none = run();
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("a command is required, perhaps 'render --stack prod-primary'");
    }

    /** One realistic mistake per kind of file, as validate and render meet it. */
    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> mistakes() {
        return java.util.stream.Stream.of(
                org.junit.jupiter.params.provider.Arguments.of("duplicate key in a stack file",
                        (java.util.function.Consumer<TestProject>) p -> p.write("Pulumi.prod-primary.yaml",
                                p.read("Pulumi.prod-primary.yaml") + "  edxstack:cluster.nodeCount: 4\n"),
                        "Pulumi.prod-primary.yaml: (file): is not valid YAML: Duplicate field 'edxstack:cluster.nodeCount'"),
                org.junit.jupiter.params.provider.Arguments.of("alias in a stack file",
                        (java.util.function.Consumer<TestProject>) p -> p.write("Pulumi.prod-primary.yaml",
                                p.read("Pulumi.prod-primary.yaml").replace("config:", "config: &config")),
                        "Pulumi.prod-primary.yaml: (file): defines the YAML anchor '&config'"),
                org.junit.jupiter.params.provider.Arguments.of("Latin-1 comment in a stack file",
                        (java.util.function.Consumer<TestProject>) p -> writeLatin1(p, "Pulumi.prod-primary.yaml",
                                "# R\u00e9gion principale\n" + p.read("Pulumi.prod-primary.yaml")),
                        "Pulumi.prod-primary.yaml: (file): is not UTF-8: byte 0xE9 (byte offset 3) at line 1, column 4"),
                org.junit.jupiter.params.provider.Arguments.of("quota below the peak in a platform file",
                        (java.util.function.Consumer<TestProject>) p -> p.replace("stacks/platforms/demo.yaml",
                                "limitsMemory: 64Gi", "limitsMemory: 16Gi"),
                        "stacks/platforms/demo.yaml: quota.limitsMemory: is below the platform's peak"),
                org.junit.jupiter.params.provider.Arguments.of("secret-looking key in the settings JSON",
                        (java.util.function.Consumer<TestProject>) p -> p.write("stacks/platforms/demo.settings.json",
                                "{\"lms\": {\"EMAIL_HOST_PASSWORD\": \"hunter2\"}}"),
                        "stacks/platforms/demo.settings.json: lms.EMAIL_HOST_PASSWORD: looks like a secret"),
                org.junit.jupiter.params.provider.Arguments.of("bad CIDR in a cluster template",
                        (java.util.function.Consumer<TestProject>) p -> p.write("stacks/cluster-templates/k8s-1-28-fcos38.yaml",
                                p.read("stacks/cluster-templates/k8s-1-28-fcos38.yaml") + "masterLbAllowedCidrs: 10.0.0.0/40\n"),
                        "stacks/cluster-templates/k8s-1-28-fcos38.yaml: masterLbAllowedCidrs: must be comma-separated IPv4 CIDRs"));
    }

    private static void writeLatin1(TestProject project, String file, String content) {
        try {
            Files.write(project.file(file), content.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("mistakes")
    void validateAndRender_mistake_refusedNamingFileAndKeyWithNothingRendered(String title,
            java.util.function.Consumer<TestProject> breakIt, String expected) {
        TestProject project = TestProject.copyOfRepository(tempDir);
        breakIt.accept(project);
        Path rendered = tempDir.resolve("rendered.json");

        Run validate = run("validate", "--stack", "prod-primary", "--project-dir", project.dir().toString());
        Run render = run("render", "--stack", "prod-primary", "--project-dir", project.dir().toString(),
                "--format", "json", "--out", rendered.toString());

        for (Run refused : java.util.List.of(validate, render)) {
            assertThat(refused.exitCode()).isEqualTo(1);
            assertThat(refused.err()).contains(expected).contains("nothing was changed").doesNotContain("\tat ");
        }
        assertThat(rendered).doesNotExist();
    }

    @Test
    void render_outInAMissingDirectory_failsBeforeRendering() {
        // The stack is invalid too: the --out error coming first shows nothing was rendered or even validated.
        TestProject project = TestProject.copyOfRepository(tempDir).setConfig("prod-primary", "edxstack:cluster.masterCount", "2");
        Path missing = tempDir.resolve("no-such-dir/prod-primary.json");

        Run run = run("render", "--stack", "prod-primary", "--project-dir", project.dir().toString(), "--out", missing.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--out " + missing + ": cannot be written: the directory " + missing.getParent()
                + " does not exist, perhaps 'mkdir -p " + missing.getParent() + "'").doesNotContain("masterCount");
    }

    @Test
    void render_outIsADirectory_failsBeforeRendering() {
        Run run = run("render", "--stack", "prod-dr", "--out", tempDir.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--out " + tempDir + ": is a directory, perhaps " + tempDir.resolve("prod-dr.txt"));
    }

    @Test
    void progress_ofARealRender_reportsEachPlatformAndTheTotalOnStandardError() {
        var err = new java.io.StringWriter();
        var progress = new ProgressReport(new java.io.PrintWriter(err), "prod-primary", System::currentTimeMillis, 0);

        var state = io.edxstack.render.Renderer.render(TestProject.REPOSITORY, "prod-primary", progress);
        progress.done(state.resources().size());

        assertThat(err.toString().lines().toList()).hasSize(3)
                .anySatisfy(line -> assertThat(line).matches("prod-primary: platform 1/2 \\((demo|training)\\), \\d+ resources registered"))
                .anySatisfy(line -> assertThat(line).matches("prod-primary: platform 2/2 \\((demo|training)\\), \\d+ resources registered"))
                .last().asString().startsWith("prod-primary: rendered " + state.resources().size() + " resources in ");
    }

    @Test
    void progress_ofAShortRender_staysSilent() {
        var err = new java.io.StringWriter();
        var progress = new ProgressReport(new java.io.PrintWriter(err), "prod-dr", () -> 0L, ProgressReport.QUIET_MILLIS);

        progress.registered(1, 1, "demo", 10);
        progress.done(64);

        assertThat(err.toString()).isEmpty();
    }

    @Test
    void render_programFailingUnderTheMocks_failsInOneLineWithoutAStackTrace() {
        // Both stacks active, read past the checks that refuse it: the program's own guard throws inside the SDK.
        TestProject project = TestProject.copyOfRepository(tempDir).setConfig("prod-dr", "edxstack:role", "active");
        var inputs = io.edxstack.config.StackInputs.load(project.dir(), "prod-dr", project.rawConfig("prod-dr"));
        PrintStream err = System.err;
        var stderr = new ByteArrayOutputStream();
        io.edxstack.render.RenderException error;
        try {
            System.setErr(new PrintStream(stderr, true));
            error = org.junit.jupiter.api.Assertions.assertThrows(io.edxstack.render.RenderException.class,
                    () -> io.edxstack.render.Renderer.record(project.dir(), inputs, project.rawConfig("prod-dr"),
                            io.edxstack.render.Renderer.PeerRoles.FROM_STACK_FILES));
        } finally {
            System.setErr(err);
        }

        assertThat(error.getMessage()).contains("the program failed for stack prod-dr").contains("split brain")
                .doesNotContain("\tat ");
        assertThat(stderr.toString()).doesNotContain("\tat ").doesNotContain("SEVERE");
    }
}
