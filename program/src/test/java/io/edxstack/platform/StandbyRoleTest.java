package io.edxstack.platform;

import io.edxstack.render.DesiredState;
import io.edxstack.render.RenderedResource;
import io.edxstack.testing.TestProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static io.edxstack.platform.Rendered.*;
import static org.junit.jupiter.api.Assertions.*;

/** The DR stack: data services run (restores land there), nothing serves, nothing migrates. */
class StandbyRoleTest {
    private static final List<String> SCALED = List.of("demo-lms", "demo-cms", "demo-lms-worker", "demo-cms-worker",
            "demo-mfe", "demo-caddy");

    @Test
    void render_standbyStack_scalesWebAndWorkersToZeroAndRunsNoJobs(@TempDir Path dir) {
        DesiredState state = TestProject.copyOfRepository(dir).render("prod-dr");
        assertEquals("standby", state.role());
        for (String name : SCALED) {
            assertEquals(0L, at(state.get(DEPLOYMENT, name), "spec.replicas"), name);
        }
        assertTrue(state.ofType(HPA).isEmpty(), "an autoscaler would raise the standby's replicas");
        assertTrue(state.ofType(JOB).isEmpty(), "a standby's databases are restores: no migrations");
        assertTrue(state.ofType(CERTIFICATE).isEmpty(), "the hosts point at the active region");
        for (String name : List.of("mysql", "mongodb", "redis", "meilisearch")) {
            RenderedResource set = state.get(STATEFUL_SET, "demo-" + name);
            assertEquals(1L, at(set, "spec.replicas"), name);
            assertTrue(set.state().protect(), name);
        }
        // Same derived Secrets as the active region: restored databases keep working.
        state.get(SECRET, "demo-mysql-credentials");
        assertEquals(1, state.ofType(CLUSTER_ISSUER).size());
        assertTrue(named(state, DEPLOYMENT, "training-").isEmpty(), "training runs on prod-primary only");
    }

    @Test
    void render_standbyWithWarmReplicas_keepsOneOfEachWithoutAutoscaler(@TempDir Path dir) {
        DesiredState state = TestProject.copyOfRepository(dir)
                .setConfig("prod-dr", "edxstack:standby.warmReplicas", "1")
                .render("prod-dr");
        for (String name : SCALED) {
            assertEquals(1L, at(state.get(DEPLOYMENT, name), "spec.replicas"), name);
        }
        assertTrue(state.ofType(HPA).isEmpty());
        assertTrue(state.ofType(JOB).isEmpty());
    }

    @Test
    void render_promotedStandby_runsJobsAndAutoscalersLikeTheActive(@TempDir Path dir) {
        DesiredState state = TestProject.copyOfRepository(dir)
                .setConfig("prod-dr", "edxstack:role", "active")
                .setConfig("prod-dr", "edxstack:failover.primaryUnreachable", "true")
                .render("prod-dr");
        assertFalse(named(state, JOB, "demo-lms-init-").isEmpty());
        assertEquals(2L, at(state.get(HPA, "demo-lms"), "spec.minReplicas"));
        assertNull(at(state.get(DEPLOYMENT, "demo-lms"), "spec.replicas"));
        assertEquals(1, state.ofType(CERTIFICATE).size());
    }
}
