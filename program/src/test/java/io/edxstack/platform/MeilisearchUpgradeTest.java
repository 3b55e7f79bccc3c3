package io.edxstack.platform;

import static io.edxstack.platform.Rendered.STATEFUL_SET;
import static io.edxstack.platform.Rendered.at;
import static io.edxstack.platform.Rendered.list;
import static io.edxstack.platform.Rendered.map;
import static io.edxstack.platform.Rendered.podSpec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edxstack.render.DesiredState;
import io.edxstack.testing.TestProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Meilisearch's on-disk format change (1.8 to 1.36 with Tutor v22): the StatefulSet's prepare step removes a
 * database another major.minor wrote, run here by a real shell on a scratch folder, and a new Meilisearch image
 * re-runs the jobs that recreate the key and rebuild the indexes.
 */
class MeilisearchUpgradeTest {

    private static Map<String, Object> prepare(DesiredState state) {
        return map(list(podSpec(state.get(STATEFUL_SET, "demo-meilisearch")), "initContainers").get(0), "");
    }

    private static boolean runCheck(Path dir, String written, String engine) throws Exception {
        Path db = Files.createDirectories(dir.resolve("data.ms"));
        Files.writeString(db.resolve("VERSION"), written);
        Files.writeString(db.resolve("data.mdb"), "index");
        ProcessBuilder builder = new ProcessBuilder("sh", "-c", DataServices.MEILISEARCH_FORMAT_CHECK);
        builder.environment().put("MEILI_DB_PATH", db.toString());
        builder.environment().put("EDXSTACK_MEILISEARCH_VERSION", engine);
        Process check = builder.redirectErrorStream(true).start();
        check.getInputStream().readAllBytes();
        assertTrue(check.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, check.exitValue());
        return Files.exists(db.resolve("data.mdb"));
    }

    @Test
    void prepare_removesADatabaseOfAnotherMinorVersion_only(@TempDir Path dir) throws Exception {
        Map<String, Object> prepare = prepare(TestProject.REPOSITORY_RENDER.primary());
        assertEquals(List.of("sh", "-c", DataServices.MEILISEARCH_FORMAT_CHECK), prepare.get("command"));
        String engine = (String) list(prepare, "env").stream()
                .filter(e -> "EDXSTACK_MEILISEARCH_VERSION".equals(at(e, "name"))).findFirst()
                .map(e -> at(e, "value")).orElseThrow();
        assertEquals("1.36", engine, "from the image tag v1.36.0");
        assertTrue(list(prepare, "env").stream().noneMatch(e -> at(e, "valueFrom") != null), "no secret");

        assertFalse(runCheck(dir.resolve("old"), "1.8.4", engine), "a 1.8 database is removed");
        assertTrue(runCheck(dir.resolve("same"), "1.36.0", engine), "a 1.36 database is kept");
        assertTrue(runCheck(dir.resolve("patch"), "1.36.2", engine), "patch releases share the format");
    }

    @Test
    void newMeilisearchImage_rerunsTheKeyAndIndexJobs(@TempDir Path dir) {
        var project = TestProject.copyOfRepository(dir);
        DesiredState before = project.render("prod-primary");
        DesiredState after = project.replace("stacks/platforms/demo.yaml", "  mfe: localhost:5000/overhangio/openedx-mfe:22.1.0\n",
                "  mfe: localhost:5000/overhangio/openedx-mfe:22.1.0\n  meilisearch: localhost:5000/getmeili/meilisearch:v1.37.0\n")
                .render("prod-primary");
        for (String job : List.of("meilisearch-init", "lms-init", "cms-init")) {
            assertNotEquals(Rendered.named(before, Rendered.JOB, "demo-" + job + "-").get(0).state().name(),
                    Rendered.named(after, Rendered.JOB, "demo-" + job + "-").get(0).state().name(), job);
        }
    }
}
