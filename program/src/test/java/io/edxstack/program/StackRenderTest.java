package io.edxstack.program;

import io.edxstack.openstack.Cluster;
import io.edxstack.openstack.ClusterTemplate;
import io.edxstack.render.DesiredState;
import io.edxstack.render.RenderedResource;
import io.edxstack.state.ResourceState;
import io.edxstack.testing.TestProject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Both stacks of this repository, rendered under the SDK's engine mocks, with their real properties. */
class StackRenderTest {
    private static final String NAMESPACE = "kubernetes:core/v1:Namespace";

    @Test
    void render_primary_hasProtectedMagnumClusterOfThreeMastersAndThreeWorkers() {
        DesiredState state = TestProject.REPOSITORY_RENDER.primary();

        ResourceState cluster = state.get(Cluster.TYPE, "edx-primary").state();
        assertThat(cluster.protect()).isTrue();
        assertThat(cluster.inputs()).containsEntry("name", "edx-primary")
                .containsEntry("masterCount", 3L)
                .containsEntry("nodeCount", 3L)
                .containsEntry("keypair", "edx-ops")
                .containsEntry("createTimeout", 90L)
                .containsEntry("region", "RegionOne")
                .containsEntry("clusterTemplateId", "edx-primary-k8s-1-28-fcos38-id");
        // Nothing a template edit could touch: those inputs would force a replacement of the cluster.
        assertThat(cluster.inputs()).doesNotContainKeys("labels", "flavor", "masterFlavor", "fixedNetwork", "dockerVolumeSize");
    }

    @Test
    void render_primary_templateCarriesMagnumAttributesAndStringLabels() {
        ResourceState template = TestProject.REPOSITORY_RENDER.primary()
                .get(ClusterTemplate.TYPE, "edx-primary-k8s-1-28-fcos38").state();

        assertThat(template.inputs()).containsEntry("coe", "kubernetes")
                .containsEntry("image", "fedora-coreos-38.20230806.3.0")
                .containsEntry("volumeDriver", "cinder")
                .containsEntry("networkDriver", "calico")
                .containsEntry("masterLbEnabled", true)
                .containsEntry("registryEnabled", true)
                .containsEntry("flavor", "m1.xlarge")
                .containsEntry("masterFlavor", "m1.large")
                .containsEntry("dockerVolumeSize", 50L)
                .containsEntry("externalNetworkId", "public")
                .containsEntry("dnsNameserver", "192.0.2.53");
        assertThat(template.input("labels")).isEqualTo(Map.of(
                "kube_tag", "v1.28.9-rancher1",
                "container_runtime", "containerd",
                "cinder_csi_enabled", "true",
                "cloud_provider_enabled", "true",
                "auto_healing_enabled", "true",
                "auto_healing_controller", "magnum-auto-healer",
                "auto_scaling_enabled", "true",
                "min_node_count", "3",
                "max_node_count", "6",
                "use_podman", "true"));
    }

    @Test
    void render_bothStacks_haveCinderClassesDefaultAndRetain() {
        for (DesiredState state : List.of(TestProject.REPOSITORY_RENDER.primary(), TestProject.REPOSITORY_RENDER.dr())) {
            var classes = state.ofType("kubernetes:storage.k8s.io/v1:StorageClass").stream().map(RenderedResource::state).toList();
            assertThat(classes).hasSize(2);
            for (ResourceState storageClass : classes) {
                assertThat(storageClass.inputs()).containsEntry("provisioner", "cinder.csi.openstack.org")
                        .containsEntry("allowVolumeExpansion", true)
                        .containsEntry("volumeBindingMode", "WaitForFirstConsumer");
                assertThat(storageClass.input("parameters")).isEqualTo(Map.of(
                        "type", "ceph-ssd", "availability", "nova", "csi.storage.k8s.io/fstype", "ext4"));
            }
            assertThat(classes).filteredOn(c -> "cinder-retain".equals(c.input("metadata.name")))
                    .singleElement().satisfies(c -> assertThat(c.inputs()).containsEntry("reclaimPolicy", "Retain"));
            assertThat(classes).filteredOn(c -> "cinder".equals(c.input("metadata.name")))
                    .singleElement().satisfies(c -> {
                        assertThat(c.inputs()).containsEntry("reclaimPolicy", "Delete");
                        assertThat(c.input("metadata.annotations"))
                                .isEqualTo(Map.of("storageclass.kubernetes.io/is-default-class", "true"));
                    });
        }
    }

    @Test
    void render_catalogueDecidesWhichStackRunsWhichPlatform() {
        assertThat(namespaces(TestProject.REPOSITORY_RENDER.primary())).containsExactly("demo", "training");
        assertThat(namespaces(TestProject.REPOSITORY_RENDER.dr())).containsExactly("demo");
    }

    @Test
    void render_platformNamespace_isProtectedLabelledAndUnderRestrictedPodSecurity() {
        ResourceState namespace = TestProject.REPOSITORY_RENDER.primary().get(NAMESPACE, "demo").state();

        assertThat(namespace.protect()).isTrue();
        assertThat(namespace.parent()).endsWith("edxstack:platform:Platform::demo");
        assertThat(namespace.input("metadata.labels")).isEqualTo(Map.of(
                "app.kubernetes.io/name", "openedx",
                "app.kubernetes.io/instance", "demo",
                "app.kubernetes.io/part-of", "openedx",
                "app.kubernetes.io/managed-by", "edxstack",
                "edxstack.io/platform", "demo",
                "edxstack.io/holds-data", "true",
                "pod-security.kubernetes.io/enforce", "restricted",
                "pod-security.kubernetes.io/enforce-version", "latest",
                "pod-security.kubernetes.io/audit", "restricted",
                "pod-security.kubernetes.io/warn", "restricted"));
    }

    @Test
    void render_platformNamespace_hasQuotaAndLimitsFromTheCatalogue() {
        DesiredState state = TestProject.REPOSITORY_RENDER.primary();

        ResourceState quota = state.get("kubernetes:core/v1:ResourceQuota", "training-quota").state();
        assertThat(quota.input("metadata.namespace")).isEqualTo("training");
        assertThat(quota.input("spec.hard")).isEqualTo(Map.of(
                "requests.cpu", "6", "requests.memory", "14Gi", "limits.cpu", "32", "limits.memory", "24Gi",
                "requests.storage", "100Gi", "pods", "40", "persistentvolumeclaims", "20"));
        ResourceState limits = state.get("kubernetes:core/v1:LimitRange", "demo-limits").state();
        assertThat(limits.input("spec.limits")).isEqualTo(List.of(Map.of(
                "type", "Container",
                "defaultRequest", Map.of("cpu", "100m", "memory", "256Mi"),
                "default", Map.of("cpu", "1", "memory", "1Gi"),
                "max", Map.of("cpu", "8", "memory", "16Gi"))));
    }

    @Test
    void render_platformNamespace_deniesIngressExceptFromItselfAndTheIngressController() {
        DesiredState state = TestProject.REPOSITORY_RENDER.primary();

        ResourceState deny = state.get("kubernetes:networking.k8s.io/v1:NetworkPolicy", "demo-default-deny-ingress").state();
        assertThat(deny.input("spec")).isEqualTo(Map.of("podSelector", Map.of(), "policyTypes", List.of("Ingress")));
        ResourceState same = state.get("kubernetes:networking.k8s.io/v1:NetworkPolicy", "demo-allow-same-namespace").state();
        assertThat(same.input("spec.ingress")).isEqualTo(List.of(Map.of("from", List.of(Map.of("podSelector", Map.of())))));
        ResourceState ingress = state.get("kubernetes:networking.k8s.io/v1:NetworkPolicy", "demo-allow-ingress-controller").state();
        assertThat(ingress.input("spec.podSelector")).isEqualTo(Map.of("matchLabels", Map.of("edxstack.io/exposed", "true")));
        assertThat(ingress.input("spec.ingress")).isEqualTo(List.of(Map.of("from", List.of(Map.of(
                "namespaceSelector", Map.of("matchLabels", Map.of("kubernetes.io/metadata.name", "kube-system")))))));
        // No rule admits a namespace selector that would match another platform's namespace.
        assertThat(state.ofType("kubernetes:networking.k8s.io/v1:NetworkPolicy"))
                .allSatisfy(p -> assertThat(String.valueOf(p.state().input("spec"))).doesNotContain("edxstack.io/platform"));
    }

    @Test
    void render_outputs_exposeClusterNamespacesClassesAndHostsButNoKubeconfig() {
        Map<String, Object> outputs = TestProject.REPOSITORY_RENDER.primary().outputs();

        assertThat(outputs).containsEntry("clusterId", "edx-primary-id")
                .containsEntry("clusterName", "edx-primary")
                .containsEntry("namespaces", List.of("demo", "training"))
                .containsEntry("storageClasses", List.of("cinder", "cinder-retain"))
                .containsEntry("role", "active")
                .doesNotContainKey("kubeconfig");
        assertThat(outputs.get("hosts")).isEqualTo(Map.of(
                "demo", Map.of("lms", "learn.demo.example.org", "cms", "studio.demo.example.org",
                        "mfe", "apps.learn.demo.example.org", "meilisearch", "meilisearch.learn.demo.example.org"),
                "training", Map.of("lms", "learn.training.example.org", "cms", "studio.training.example.org")));
        assertThat(TestProject.REPOSITORY_RENDER.dr().outputs()).containsEntry("role", "standby");
    }

    private static List<Object> namespaces(DesiredState state) {
        return state.ofType(NAMESPACE).stream().map(r -> r.state().input("metadata.name")).toList();
    }
}
