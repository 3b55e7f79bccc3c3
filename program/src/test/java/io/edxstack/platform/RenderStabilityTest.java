package io.edxstack.platform;

import io.edxstack.diff.PropertyChange;
import io.edxstack.diff.ResourceChange;
import io.edxstack.diff.StateDiff;
import io.edxstack.render.DesiredState;
import io.edxstack.render.DesiredStateJson;
import io.edxstack.testing.TestProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/** Same input, same bytes; a new image changes the images, renames the jobs, and touches nothing else. */
class RenderStabilityTest {

    @Test
    void render_sameInput_isByteIdentical(@TempDir Path dir) {
        var project = TestProject.copyOfRepository(dir);
        String first = DesiredStateJson.write(project.render("prod-primary"));
        String second = DesiredStateJson.write(project.render("prod-primary"));
        assertEquals(first, second);
        assertEquals(DesiredStateJson.write(project.render("prod-dr")), DesiredStateJson.write(project.render("prod-dr")));
    }

    @Test
    void render_newImage_renamesJobsAndUpdatesOnlyTheImages(@TempDir Path dir) {
        var project = TestProject.copyOfRepository(dir);
        DesiredState before = project.render("prod-primary");
        DesiredState after = project.replace("stacks/platforms/demo.yaml", "openedx: localhost:5000/overhangio/openedx:22.0.3",
                "openedx: localhost:5000/overhangio/openedx:22.0.4").render("prod-primary");
        StateDiff diff = StateDiff.between(before, after);

        Set<String> jobs = Set.of("meilisearch-init", "lms-init", "cms-init", "mfe-init", "admin-init");
        assertEquals(jobs, steps(diff, ResourceChange.Op.create), "new jobs");
        assertEquals(jobs, steps(diff, ResourceChange.Op.delete), "old jobs go");
        for (ResourceChange change : diff.changes()) {
            if (change.op() != ResourceChange.Op.update) {
                assertEquals("kubernetes:batch/v1:Job", change.type(), change.name());
                assertTrue(change.name().startsWith("demo-"), change.name());
            }
        }
        List<ResourceChange> updates = diff.changes().stream().filter(c -> c.op() == ResourceChange.Op.update).toList();
        assertEquals(Set.of("demo-lms", "demo-cms", "demo-lms-worker", "demo-cms-worker"),
                updates.stream().map(ResourceChange::name).collect(Collectors.toSet()));
        for (ResourceChange update : updates) {
            // The image of the pod and of its settings-filling init container; the settings are unchanged.
            assertEquals(Set.of("spec.template.spec.containers[0].image", "spec.template.spec.initContainers[0].image"),
                    update.properties().stream().map(PropertyChange::path).collect(Collectors.toSet()),
                    update.name() + ": " + update.properties());
            for (PropertyChange image : update.properties()) {
                assertEquals("localhost:5000/overhangio/openedx:22.0.4", image.newValue());
            }
        }
        assertFalse(diff.touchesStatefulResources(), "no data service changes with the application image");
        assertEquals(new TreeSet<>(List.of("demo-mysql-init")),
                new TreeSet<>(after.ofType("kubernetes:batch/v1:Job").stream().map(r -> r.state().name())
                        .filter(n -> n.startsWith("demo-mysql-init")).map(n -> n.replaceFirst("-[0-9a-f]{10}$", "")).toList()));
        assertEquals(before.ofType("kubernetes:batch/v1:Job").stream().filter(r -> r.state().name().startsWith("demo-mysql-init"))
                .findFirst().orElseThrow().state().name(), after.ofType("kubernetes:batch/v1:Job").stream()
                .filter(r -> r.state().name().startsWith("demo-mysql-init")).findFirst().orElseThrow().state().name(),
                "the MySQL init job does not run the Open edX image: same name");
    }

    private static Set<String> steps(StateDiff diff, ResourceChange.Op op) {
        return diff.changes().stream().filter(c -> c.op() == op)
                .map(c -> c.name().replaceFirst("^demo-", "").replaceFirst("-[0-9a-f]{10}$", ""))
                .collect(Collectors.toSet());
    }
}
