package io.edxstack.cluster;

import io.edxstack.diff.ResourceChange;
import io.edxstack.diff.StateDiff;
import io.edxstack.openstack.Cluster;
import io.edxstack.openstack.ClusterTemplate;
import io.edxstack.openstack.ProviderSchema;
import io.edxstack.render.DesiredState;
import io.edxstack.testing.TestProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Magnum templates are immutable once used and almost every Cluster input forces a replacement, so a
 * template change must never cascade into the running cluster. What would replace is decided by the
 * provider schema's {@code willReplaceOnChanges}, read from the same schema the bindings are checked against.
 */
class TemplateVersioningTest {
    private static final String TEMPLATE_V1 = "stacks/cluster-templates/k8s-1-28-fcos38.yaml";
    private static final String TEMPLATE_V2 = "stacks/cluster-templates/k8s-1-28-fcos38-b.yaml";

    @TempDir
    Path tempDir;

    @Test
    void labelChange_asANewTemplateVersion_addsATemplateAndLeavesTheClusterUntouched() {
        TestProject project = TestProject.copyOfRepository(tempDir);
        DesiredState before = project.render("prod-primary");
        project.write(TEMPLATE_V2, project.read(TEMPLATE_V1).replace("kubeTag: v1.28.9-rancher1", "kubeTag: v1.28.15-rancher1"));

        DesiredState after = project.render("prod-primary");

        StateDiff diff = StateDiff.between(before, after);
        assertThat(diff.changes()).singleElement().satisfies(change -> {
            assertThat(change.op()).isEqualTo(ResourceChange.Op.create);
            assertThat(change.type()).isEqualTo(ClusterTemplate.TYPE);
            assertThat(change.name()).isEqualTo("edx-primary-k8s-1-28-fcos38-b");
        });
        assertThat(after.get(ClusterTemplate.TYPE, "edx-primary-k8s-1-28-fcos38-b").state().input("labels.kube_tag"))
                .isEqualTo("v1.28.15-rancher1");
        assertThat(after.get(Cluster.TYPE, "edx-primary").state()).isEqualTo(before.get(Cluster.TYPE, "edx-primary").state());
    }

    @Test
    void labelChange_editedInPlace_changesOnlyTheTemplateNeverAClusterInput() {
        TestProject project = TestProject.copyOfRepository(tempDir);
        DesiredState before = project.render("prod-primary");
        project.replace(TEMPLATE_V1, "maxNodeCount: 6", "maxNodeCount: 8");

        StateDiff diff = StateDiff.between(before, project.render("prod-primary"));

        assertThat(diff.changes()).singleElement().satisfies(change -> {
            assertThat(change.type()).isEqualTo(ClusterTemplate.TYPE);
            assertThat(change.op()).isEqualTo(ResourceChange.Op.update);
            assertThat(change.stateful()).as("a template in use is flagged for review").isTrue();
            assertThat(change.properties()).extracting(p -> p.path()).containsExactly("labels.max_node_count");
        });
    }

    @Test
    void upgrade_movingTheClusterToANewVersion_changesOnlyAnInputThatUpdatesInPlace() {
        TestProject project = TestProject.copyOfRepository(tempDir);
        project.write(TEMPLATE_V2, project.read(TEMPLATE_V1).replace("kubeTag: v1.28.9-rancher1", "kubeTag: v1.28.15-rancher1"));
        DesiredState before = project.render("prod-primary");
        project.setConfig("prod-primary", "edxstack:cluster.template", "k8s-1-28-fcos38-b");

        StateDiff diff = StateDiff.between(before, project.render("prod-primary"));

        ResourceChange cluster = diff.changes().stream().filter(c -> c.type().equals(Cluster.TYPE)).findFirst().orElseThrow();
        assertThat(cluster.op()).isEqualTo(ResourceChange.Op.update);
        assertThat(cluster.properties()).extracting(p -> p.path()).containsExactly("clusterTemplateId");
        assertThat(ProviderSchema.load().replaceOnChanges(Cluster.TYPE)).doesNotContain("clusterTemplateId");
    }

    @Test
    void cluster_hasNoInputThatATemplateEditCouldReach() {
        Set<String> replacing = ProviderSchema.load().replaceOnChanges(Cluster.TYPE);
        Map<String, Object> inputs = TestProject.REPOSITORY_RENDER.primary().get(Cluster.TYPE, "edx-primary").state().inputs();

        // Each remaining replace-on-change input comes from the stack file alone, never from a template file.
        assertThat(inputs.keySet()).filteredOn(replacing::contains)
                .containsExactlyInAnyOrderElementsOf(List.of("name", "region", "masterCount", "keypair", "createTimeout"));
    }
}
