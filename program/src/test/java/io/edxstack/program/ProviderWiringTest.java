package io.edxstack.program;

import io.edxstack.cluster.KubernetesPlugin;
import io.edxstack.openstack.OpenStackPlugin;
import io.edxstack.render.DesiredState;
import io.edxstack.render.RenderedResource;
import io.edxstack.testing.TestProject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every resource goes through its own region's explicit provider, as recorded from the registration
 * requests the engine would receive: nothing falls back to a default provider or ambient credentials.
 */
class ProviderWiringTest {

    @Test
    void render_everyKubernetesResource_usesTheRegionsClusterProvider() {
        for (var entry : List.of(
                new Object[] {TestProject.REPOSITORY_RENDER.primary(), "edx-primary-k8s"},
                new Object[] {TestProject.REPOSITORY_RENDER.dr(), "edx-dr-k8s"})) {
            DesiredState state = (DesiredState) entry[0];
            String provider = "urn:pulumi:" + state.stack() + "::edxstack::edxstack:cluster:MagnumCluster$pulumi:providers:kubernetes::"
                    + entry[1] + "::" + entry[1] + "-id";
            List<RenderedResource> kubernetes = state.resources().stream()
                    .filter(r -> r.state().type().startsWith("kubernetes:")).toList();
            assertThat(kubernetes).hasSizeGreaterThan(5)
                    .allSatisfy(r -> assertThat(r.state().provider()).as(r.state().urn()).isEqualTo(provider))
                    .allSatisfy(r -> assertThat(r.version()).isEqualTo(KubernetesPlugin.VERSION));
        }
    }

    @Test
    void render_everyOpenStackResource_usesTheRegionsProviderAtThePinnedPluginVersion() {
        DesiredState state = TestProject.REPOSITORY_RENDER.dr();
        String provider = "urn:pulumi:prod-dr::edxstack::pulumi:providers:openstack::prod-dr-openstack::prod-dr-openstack-id";

        List<RenderedResource> openstack = state.resources().stream()
                .filter(r -> r.state().type().startsWith("openstack:")).toList();
        assertThat(openstack).extracting(r -> r.state().type()).containsExactlyInAnyOrder(
                "openstack:containerinfra/clusterTemplate:ClusterTemplate", "openstack:containerinfra/cluster:Cluster",
                "openstack:identity/ec2CredentialV3:Ec2CredentialV3", "openstack:objectstorage/container:Container");
        assertThat(openstack)
                .allSatisfy(r -> assertThat(r.state().provider()).isEqualTo(provider))
                .allSatisfy(r -> assertThat(r.version()).isEqualTo(OpenStackPlugin.VERSION));
        var providerResource = state.get("pulumi:providers:openstack", "prod-dr-openstack");
        assertThat(providerResource.version()).isEqualTo("5.5.1");
        assertThat(providerResource.state().inputs()).containsEntry("region", "RegionTwo").containsEntry("cloud", "edx-dr");
    }

    @Test
    void render_cluster_keepsItsKubeconfigOutputSecretAndFeedsTheProviderASecret() {
        DesiredState state = TestProject.REPOSITORY_RENDER.primary();

        assertThat(state.get("openstack:containerinfra/cluster:Cluster", "edx-primary").additionalSecretOutputs())
                .containsExactly("kubeconfig");
        assertThat(state.get("pulumi:providers:kubernetes", "edx-primary-k8s").state().inputs())
                .containsEntry("kubeconfig", "[secret]");
    }

    @Test
    void render_components_parentTheirChildren() {
        DesiredState state = TestProject.REPOSITORY_RENDER.primary();

        assertThat(state.resources()).filteredOn(r -> !r.state().type().equals("pulumi:pulumi:Stack"))
                .allSatisfy(r -> assertThat(r.state().parent()).as(r.state().urn()).isNotNull());
        assertThat(state.get("kubernetes:storage.k8s.io/v1:StorageClass", "prod-primary-storage-cinder-retain").state().parent())
                .endsWith("edxstack:storage:CinderStorage::prod-primary-storage");
        assertThat(state.get("kubernetes:core/v1:ResourceQuota", "demo-quota").state().parent())
                .endsWith("edxstack:platform:Platform::demo");
    }
}
