package io.edxstack.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edxstack.render.DesiredState;
import io.edxstack.render.RenderedResource;
import io.edxstack.testing.TestProject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The read-only identity every cluster gets, as the program registers it. */
class ReaderAccessTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void render_everyStack_bindsTheReaderToViewAndToItsOwnReadOnlyRole() {
        for (DesiredState state : List.of(TestProject.REPOSITORY_RENDER.primary(), TestProject.REPOSITORY_RENDER.dr())) {
            String stack = state.stack();
            var account = state.get("kubernetes:core/v1:ServiceAccount", stack + "-reader");
            assertThat(JSON.valueToTree(account.state().inputs()).at("/metadata/namespace").asText()).isEqualTo("kube-system");
            JsonNode view = JSON.valueToTree(state.get("kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding",
                    stack + "-reader-view").state().inputs());
            assertThat(view.at("/roleRef/name").asText()).isEqualTo("view");
            assertThat(view.at("/subjects/0/name").asText()).isEqualTo("edxstack-reader");
            assertThat(view.at("/subjects/0/namespace").asText()).isEqualTo("kube-system");
            // Every Kubernetes object of the stack, the reader's own included, goes through the cluster's provider.
            assertThat(state.resources()).filteredOn(r -> r.state().type().startsWith("kubernetes:rbac"))
                    .extracting(r -> r.state().provider()).doesNotContainNull().hasSizeGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void render_readerRole_grantsNoVerbThatWrites() {
        DesiredState state = TestProject.REPOSITORY_RENDER.primary();

        JsonNode rules = JSON.valueToTree(state.get("kubernetes:rbac.authorization.k8s.io/v1:ClusterRole", "prod-primary-reader")
                .state().inputs()).get("rules");
        List<String> verbs = new ArrayList<>();
        rules.forEach(rule -> rule.get("verbs").forEach(v -> verbs.add(v.asText())));
        assertThat(verbs).isNotEmpty().allMatch(v -> List.of("get", "list", "watch").contains(v));
        // Secrets: read one by name, never enumerate.
        assertThat(rules).filteredOn(rule -> rule.get("resources").toString().contains("\"secrets\""))
                .singleElement().satisfies(rule -> assertThat(rule.get("verbs").toString()).isEqualTo("[\"get\"]"));
        // Each kind the stack manages that `view` lacks is readable.
        List<String> resources = new ArrayList<>();
        rules.forEach(rule -> rule.get("resources").forEach(r -> resources.add(r.asText())));
        assertThat(resources).contains("storageclasses", "clusterissuers", "certificates", "clusterroles", "clusterrolebindings");
    }

    @Test
    void render_stackInstallingCertManager_letsTheReaderListHelmsReleaseRecordInThatNamespaceOnly() {
        DesiredState state = TestProject.REPOSITORY_RENDER.primary();

        List<RenderedResource> roles = state.ofType("kubernetes:rbac.authorization.k8s.io/v1:Role");
        assertThat(roles).singleElement().satisfies(role -> {
            JsonNode inputs = JSON.valueToTree(role.state().inputs());
            assertThat(inputs.at("/metadata/namespace").asText()).isEqualTo("cert-manager");
            assertThat(inputs.at("/rules/0/resources").toString()).isEqualTo("[\"secrets\"]");
            assertThat(inputs.at("/rules/0/verbs").toString()).isEqualTo("[\"get\",\"list\"]");
        });
    }
}
