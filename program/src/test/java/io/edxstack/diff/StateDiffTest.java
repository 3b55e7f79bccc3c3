package io.edxstack.diff;

import io.edxstack.render.DesiredState;
import io.edxstack.testing.TestProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Diffs between renders of real changes to this repository's files. */
class StateDiffTest {
    private static final String TEMPLATE = "stacks/cluster-templates/k8s-1-28-fcos38.yaml";

    @TempDir
    Path tempDir;

    @Test
    void diff_changedClusterFlavor_isFlaggedStatefulAndListedFirst() {
        TestProject project = TestProject.copyOfRepository(tempDir);
        DesiredState base = project.render("prod-primary");
        project.replace(TEMPLATE, "flavor: m1.xlarge", "flavor: m1.2xlarge")
                .replace("stacks/platforms/demo.yaml", "pods: 100", "pods: 120");

        StateDiff diff = StateDiff.between(base, project.render("prod-primary"));

        assertThat(diff.changes()).hasSize(2);
        ResourceChange first = diff.changes().get(0);
        assertThat(first.stateful()).isTrue();
        assertThat(first.name()).isEqualTo("edx-primary-k8s-1-28-fcos38");
        assertThat(first.properties()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("flavor");
            assertThat(p.oldValue()).isEqualTo("m1.xlarge");
            assertThat(p.newValue()).isEqualTo("m1.2xlarge");
        });
        ResourceChange quota = diff.changes().get(1);
        assertThat(quota.stateful()).isFalse();
        assertThat(quota.properties()).extracting(PropertyChange::path).containsExactly("spec.hard.pods");
        assertThat(StateDiffWriter.text(diff)).contains("edx-primary-k8s-1-28-fcos38  [stateful]")
                .contains("~ flavor: \"m1.xlarge\" => \"m1.2xlarge\"")
                .contains("!! this change touches resources that hold data");
    }

    @Test
    void diff_platformRemoved_deletesItsProtectedNamespaceFlaggedStateful() {
        TestProject project = TestProject.copyOfRepository(tempDir);
        DesiredState base = project.render("prod-primary");
        project.delete("stacks/platforms/training.yaml");

        StateDiff diff = StateDiff.between(base, project.render("prod-primary"));

        assertThat(diff.count(ResourceChange.Op.delete)).isEqualTo(resourcesOf(base, "training")).isGreaterThanOrEqualTo(7);
        assertThat(diff.changes()).allSatisfy(c -> assertThat(c.op()).isEqualTo(ResourceChange.Op.delete));
        assertThat(diff.changes()).filteredOn(c -> c.type().equals("kubernetes:core/v1:Namespace")).singleElement()
                .satisfies(change -> assertThat(change.stateful()).isTrue());
        // Everything that holds data is listed before the rest.
        assertThat(diff.changes().get(0).stateful()).isTrue();
        assertThat(diff.changes().subList(0, (int) diff.changes().stream().filter(ResourceChange::stateful).count()))
                .allSatisfy(c -> assertThat(c.stateful()).isTrue());
        assertThat(StateDiffWriter.json(diff)).contains("\"delete\" : " + diff.count(ResourceChange.Op.delete));
    }

    @Test
    void diff_platformAddedToDr_createsOnlyThatPlatform() {
        TestProject project = TestProject.copyOfRepository(tempDir);
        DesiredState base = project.render("prod-dr");
        project.replace("stacks/platforms/training.yaml", "stacks: [prod-primary]", "stacks: [prod-primary, prod-dr]");

        DesiredState head = project.render("prod-dr");
        StateDiff diff = StateDiff.between(base, head);

        assertThat(diff.changes()).allSatisfy(c -> assertThat(c.op()).isEqualTo(ResourceChange.Op.create))
                .allSatisfy(c -> assertThat(c.name()).startsWith("training"))
                .extracting(ResourceChange::name).contains("training", "training-restore-mysql", "training-restore-mongodb");
        assertThat(diff.count(ResourceChange.Op.create)).isEqualTo(resourcesOf(head, "training"));
    }

    /** What the stack runs for a platform: resources named after it, and the DNS records of its hosts. */
    private static long resourcesOf(DesiredState state, String platform) {
        return state.states().stream()
                .filter(s -> s.name().equals(platform) || s.name().startsWith(platform + "-")
                        || ("edxstack platform " + platform).equals(s.input("description")))
                .count();
    }

    @Test
    void diff_rendersOfDifferentStacks_isRefused() {
        var error = assertThrows(IllegalArgumentException.class, () -> StateDiff.between(
                TestProject.REPOSITORY_RENDER.primary(), TestProject.REPOSITORY_RENDER.dr()));
        assertThat(error.getMessage()).contains("different stacks (prod-primary and prod-dr)");
    }
}
