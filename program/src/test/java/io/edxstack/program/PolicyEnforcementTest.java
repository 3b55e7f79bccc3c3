package io.edxstack.program;

import io.edxstack.cli.EdxstackCli;
import io.edxstack.render.RenderMocks;
import io.edxstack.config.ConfigException;
import io.edxstack.testing.TestProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import com.pulumi.test.Mocks;
import com.pulumi.test.PulumiTest;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A platform that breaks a mandatory policy (its image from a registry the policy set does not allow) is
 * stopped everywhere: by render, by the program before any engine starts, and by the review's policy check.
 */
class PolicyEnforcementTest {
    private static final String DEMO = "stacks/platforms/demo.yaml";

    @TempDir
    Path tempDir;

    private TestProject violatingProject() {
        return TestProject.copyOfRepository(tempDir.resolve("project"))
                .replace(DEMO, "openedx: localhost:5000/overhangio/openedx:22.0.3", "openedx: docker.io/overhangio/openedx:22.0.3");
    }

    @Test
    void render_imageFromAForbiddenRegistry_failsNamingTheCatalogueKeyAndTheRule() {
        TestProject project = violatingProject();

        ConfigException error = assertThrows(ConfigException.class, () -> project.render("prod-primary"));

        assertThat(error.problems()).isNotEmpty().allSatisfy(problem -> {
            assertThat(problem.where()).isEqualTo(DEMO);
            assertThat(problem.key()).isEqualTo("images.openedx");
            assertThat(problem.message()).contains("image-registry").contains("docker.io/overhangio/openedx:22.0.3");
        });
        assertThat(error.getMessage()).contains("nothing was changed");
    }

    @Test
    void program_violatingPlatform_neverReachesTheEngine() {
        TestProject project = violatingProject();
        AtomicInteger engineStarts = new AtomicInteger();

        assertThrows(ConfigException.class, () -> EdxstackProgram.launch(project.dir(), "prod-primary",
                project.rawConfig("prod-primary"), program -> engineStarts.incrementAndGet()));

        assertThat(engineStarts).hasValue(0);
    }

    @Test
    void program_compliantStack_runsUnderTheEngineAfterItsOwnPolicyRun() {
        TestProject project = TestProject.copyOfRepository(tempDir.resolve("project"));
        AtomicInteger registered = new AtomicInteger();

        // As under 'pulumi up': the gate's mock run first, then the engine proper in the same JVM. Here the
        // engine proper is the SDK's test engine, a stand-in for the Pulumi CLI that cannot run on this machine.
        EdxstackProgram.launch(project.dir(), "prod-dr", project.rawConfig("prod-dr"), program -> {
            var cloud = new RenderMocks(project.dir(), false);
            var result = PulumiTest.withMocks(new Mocks() {
                @Override
                public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
                    registered.incrementAndGet();
                    return cloud.newResourceAsync(args);
                }
            }).runTest(program);
            assertThat(result.exceptions()).isEmpty();
        });
        PulumiTest.cleanup();

        assertThat(registered.get()).isGreaterThan(20);
    }

    @Test
    void review_violatingPlatform_policyCheckExitsWithMandatoryViolations() throws Exception {
        TestProject project = violatingProject();
        Path render = tempDir.resolve("primary.json");
        // The review job renders without the gate, as it reports the violations itself.
        assertThat(EdxstackCli.run("render", "--stack", "prod-primary", "--project-dir", project.dir().toString(),
                "--format", "json", "--no-policy-gate", "--out", render.toString())).isZero();
        assertThat(EdxstackCli.run("render", "--stack", "prod-primary", "--project-dir", project.dir().toString(),
                "--format", "json", "--out", tempDir.resolve("gated.json").toString())).isEqualTo(1);

        int code = EdxstackCli.run("policy", "check", "--render", render.toString(),
                "--policy-set", TestProject.REPOSITORY.resolve("policies/policy-set.yaml").toString());

        assertThat(code).isEqualTo(3);
    }
}
