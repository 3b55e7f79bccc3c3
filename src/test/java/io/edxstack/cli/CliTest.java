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
}
