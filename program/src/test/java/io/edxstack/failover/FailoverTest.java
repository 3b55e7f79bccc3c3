package io.edxstack.failover;

import io.edxstack.render.DesiredState;
import io.edxstack.render.DesiredStateJson;
import io.edxstack.config.ConfigException;
import io.edxstack.config.Problem;
import io.edxstack.render.RenderedResource;
import io.edxstack.state.ResourceState;
import io.edxstack.testing.TestProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Promotion of the DR stack by a reviewed config change, the split-brain guard, and independence of the
 * DR stack from the primary region. The peer's recorded role comes from its stack file under render.
 */
class FailoverTest {
    private static final String DR = "prod-dr";
    private static final String CRON_JOB = "kubernetes:batch/v1:CronJob";
    private static final String RECORD_SET = "openstack:dns/recordSet:RecordSet";

    @TempDir
    Path tempDir;

    @Test
    void promotion_whilePrimaryIsRecordedActive_isRefusedAsSplitBrain() {
        TestProject project = TestProject.copyOfRepository(tempDir).setConfig(DR, "edxstack:role", "active");

        ConfigException error = assertThrows(ConfigException.class, () -> project.render(DR));

        assertThat(error.problems()).extracting(Problem::key).containsExactly("edxstack:role");
        assertThat(error.getMessage()).contains("prod-dr and prod-primary would both be active (split brain)")
                .contains("edxstack:failover.primaryUnreachable");
    }

    @Test
    void splitBrainGuard_refusesBeforeAnyResourceIsRegistered() {
        TestProject project = TestProject.copyOfRepository(tempDir).setConfig(DR, "edxstack:role", "active");
        var config = io.edxstack.config.StackInputs.load(project.dir(), DR, project.rawConfig(DR)).config();

        assertThrows(SplitBrainException.class, () -> SplitBrainGuard.check(config, PeerState.known("prod-primary", "active")));
        assertThat(SplitBrainGuard.check(config, PeerState.known("prod-primary", "standby"))).isEmpty();
    }

    @Test
    void splitBrainGuard_unreadablePeer_refusesActivationUnlessItsRegionIsStatedDown() {
        TestProject project = TestProject.copyOfRepository(tempDir);
        var primary = io.edxstack.config.StackInputs.load(project.dir(), "prod-primary", project.rawConfig("prod-primary"))
                .config();
        PeerState unreadable = PeerState.unreadable("prod-dr", "the stack prod-dr could not be read: timeout");

        SplitBrainException refused = assertThrows(SplitBrainException.class, () -> SplitBrainGuard.check(primary, unreadable));
        assertThat(refused.getMessage()).contains("the role of prod-dr cannot be read (the stack prod-dr could not be read: timeout)")
                .contains("nothing was changed").contains("edxstack:failover.primaryUnreachable: true");

        project.setConfig("prod-primary", "edxstack:failover.primaryUnreachable", "true");
        var stated = io.edxstack.config.StackInputs.load(project.dir(), "prod-primary", project.rawConfig("prod-primary"))
                .config();
        assertThat(SplitBrainGuard.check(stated, unreadable))
                .hasValueSatisfying(w -> assertThat(w).contains("without knowing the role of prod-dr"));

        var standby = io.edxstack.config.StackInputs.load(project.dir(), DR, project.rawConfig(DR)).config();
        assertThat(SplitBrainGuard.check(standby, unreadable)).isEmpty();
        assertThat(SplitBrainGuard.check(primary, PeerState.none())).isEmpty();
    }

    @Test
    void render_activeStackWhosePeerIsNotInTheProject_isRefusedNamingPeerStack() {
        // A peer the project has no stack file for is never found in the backend either: refused before any render,
        // even with the primary declared unreachable (a misspelt peer would otherwise pass as "unreadable").
        TestProject project = TestProject.copyOfRepository(tempDir)
                .setConfig("prod-primary", "edxstack:peerStack", "other-org/edxstack/prod-dr-eu")
                .setConfig("prod-primary", "edxstack:failover.primaryUnreachable", "true");

        ConfigException error = assertThrows(ConfigException.class, () -> project.render("prod-primary"));

        assertThat(error.getMessage()).contains("edxstack:peerStack").contains("prod-dr-eu");
    }

    @Test
    void program_peerUnreadableUnderTheEngine_passesTheDryRunGateButRegistersNothing() {
        TestProject project = TestProject.copyOfRepository(tempDir);
        java.util.concurrent.atomic.AtomicInteger engineRuns = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger registered = new java.util.concurrent.atomic.AtomicInteger();
        List<Throwable> failures = new java.util.ArrayList<>();

        // The engine's peer read finds no role output (the SDK's mocks, as for a stack the backend cannot serve).
        io.edxstack.program.EdxstackProgram.launch(project.dir(), "prod-primary", project.rawConfig("prod-primary"), program -> {
            engineRuns.incrementAndGet();
            var cloud = new io.edxstack.render.RenderMocks(project.dir(), false);
            var result = com.pulumi.test.PulumiTest.withMocks(new com.pulumi.test.Mocks() {
                @Override
                public java.util.concurrent.CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
                    if (!args.type.equals("pulumi:pulumi:StackReference")) {
                        registered.incrementAndGet();
                    }
                    return cloud.newResourceAsync(args);
                }
            }).runTest(program);
            failures.addAll(result.exceptions());
        });
        com.pulumi.test.PulumiTest.cleanup();

        assertThat(engineRuns).hasValue(1);
        assertThat(failures).anySatisfy(e -> assertThat(e).hasRootCauseInstanceOf(SplitBrainException.class));
        assertThat(registered).hasValue(0);
    }

    @Test
    void promotion_withPrimaryUnreachable_swapsRestoresForBackupsAndPointsDnsHere() {
        TestProject project = TestProject.copyOfRepository(tempDir)
                .setConfig(DR, "edxstack:role", "active")
                .setConfig(DR, "edxstack:failover.primaryUnreachable", "true");

        DesiredState dr = project.render(DR);

        assertThat(dr.ofType(CRON_JOB)).extracting(r -> r.state().name())
                .containsExactlyInAnyOrder("demo-backup-mysql", "demo-backup-mongodb", "demo-prune-backups");
        assertThat(dr.ofType(RECORD_SET)).extracting(r -> r.state().input("name")).containsExactlyInAnyOrder(
                "learn.demo.example.org.", "studio.demo.example.org.", "apps.learn.demo.example.org.",
                "meilisearch.learn.demo.example.org.");
        assertThat(dr.ofType(RECORD_SET)).allSatisfy(r -> assertThat(r.state().inputs())
                .containsEntry("records", List.of("198.51.100.10"))
                .containsEntry("type", "A")
                .containsEntry("ttl", 120L)
                .containsEntry("region", "RegionTwo"));
        assertThat(dr.outputs()).containsEntry("role", "active");
    }

    @Test
    void promotedDr_dependsOnNothingOfThePrimaryRegion() {
        TestProject project = TestProject.copyOfRepository(tempDir)
                .setConfig(DR, "edxstack:role", "active")
                .setConfig(DR, "edxstack:failover.primaryUnreachable", "true");

        DesiredState dr = project.render(DR);

        String json = DesiredStateJson.write(dr);
        assertThat(json).doesNotContain("RegionOne").doesNotContain("edx-primary").doesNotContain("203.0.113.10")
                .doesNotContain("urn:pulumi:prod-primary");
        for (RenderedResource resource : dr.resources()) {
            ResourceState state = resource.state();
            if (state.provider() != null) {
                assertThat(state.provider()).startsWith("urn:pulumi:prod-dr::");
            }
        }
    }

    @Test
    void standby_ownsNoDnsRecords_activePrimaryOwnsThemAll() {
        assertThat(TestProject.REPOSITORY_RENDER.dr().ofType(RECORD_SET)).isEmpty();
        assertThat(TestProject.REPOSITORY_RENDER.primary().ofType(RECORD_SET)).hasSize(6)
                .allSatisfy(r -> assertThat(r.state().input("records")).isEqualTo(List.of("203.0.113.10")));
    }

    @Test
    void failback_primaryComingBackActiveWhileDrIsActive_isRefused() {
        TestProject project = TestProject.copyOfRepository(tempDir)
                .setConfig(DR, "edxstack:role", "active")
                .setConfig(DR, "edxstack:failover.primaryUnreachable", "true");

        ConfigException error = assertThrows(ConfigException.class, () -> project.render("prod-primary"));

        assertThat(error.getMessage()).contains("Pulumi.prod-primary.yaml: edxstack:role: prod-primary and prod-dr would both be active");
        project.setConfig("prod-primary", "edxstack:role", "standby");
        DesiredState primary = project.render("prod-primary");
        assertThat(primary.ofType(CRON_JOB)).extracting(r -> r.state().name()).contains("demo-restore-mysql")
                .noneMatch(name -> name.contains("backup-"));
        assertThat(primary.ofType(RECORD_SET)).isEmpty();
    }

    @Test
    void render_peerLabelledInStackOutputs_roleOutputIsWhatThePeerReads() {
        Map<String, Object> outputs = TestProject.REPOSITORY_RENDER.primary().outputs();
        assertThat(outputs).containsEntry("role", "active").containsEntry("region", "RegionOne");
    }
}
