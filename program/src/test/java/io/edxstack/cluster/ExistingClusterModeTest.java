package io.edxstack.cluster;

import io.edxstack.config.RawConfig;
import io.edxstack.render.DesiredState;
import io.edxstack.render.DesiredStateJson;
import io.edxstack.render.Renderer;
import io.edxstack.testing.TestProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bring your own cluster: a kubeconfig from a secret config value, or from each run's KUBECONFIG file (nothing in
 * the state), and not a single OpenStack resource.
 */
class ExistingClusterModeTest {
    private static final String KUBECONFIG = "apiVersion: v1\nkind: Config\nclusters: [{name: own, cluster: {server: https://198.51.100.7:6443}}]\n";

    @TempDir
    Path tempDir;

    @Test
    void render_existingCluster_createsNoOpenStackResourceAndUsesTheSecretKubeconfig() {
        TestProject project = TestProject.copyOfRepository(tempDir);
        RawConfig raw = project.existingCluster("prod-dr", KUBECONFIG);

        DesiredState state = Renderer.render(project.dir(), "prod-dr", raw);

        assertThat(state.resources()).noneMatch(r -> r.state().type().startsWith("openstack:")
                || r.state().type().equals("pulumi:providers:openstack"));
        var provider = state.get("pulumi:providers:kubernetes", "prod-dr-cluster-k8s");
        assertThat(provider.state().inputs()).containsEntry("kubeconfig", "[secret]");
        assertThat(state.ofType("kubernetes:core/v1:Namespace")).extracting(r -> r.state().provider())
                .containsOnly(provider.state().urn() + "::prod-dr-cluster-k8s-id");
        assertThat(state.outputs()).doesNotContainKey("kubeconfig").containsEntry("clusterName", "prod-dr-cluster");
        assertThat(DesiredStateJson.write(state)).doesNotContain("198.51.100.7").doesNotContain("byo-secret-key")
                .doesNotContain("byo-access-key");
    }

    @Test
    void render_existingClusterWithoutKubeconfig_providerHoldsOnlyTheStacksContextName() {
        TestProject project = TestProject.copyOfRepository(tempDir);
        RawConfig raw = project.existingCluster("prod-dr", null);

        DesiredState state = Renderer.render(project.dir(), "prod-dr", raw);

        // No kubeconfig input at all: the provider reads KUBECONFIG's file, and only its edxstack-prod-dr context.
        var provider = state.get("pulumi:providers:kubernetes", "prod-dr-cluster-k8s");
        assertThat(provider.state().inputs()).doesNotContainKey("kubeconfig").containsEntry("context", "edxstack-prod-dr");
        assertThat(state.ofType("kubernetes:core/v1:Namespace")).extracting(r -> r.state().provider())
                .containsOnly(provider.state().urn() + "::prod-dr-cluster-k8s-id");
    }
}
