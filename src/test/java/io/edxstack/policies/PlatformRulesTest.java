package io.edxstack.policies;

import static io.edxstack.policies.RuleAssertions.assertSingle;
import static io.edxstack.policies.RuleAssertions.violations;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlatformRulesTest {

    @Test
    void defaultDenyRule_namespaceWithoutPolicy_isMandatoryViolation() {
        RenderFixture fixture = RenderFixture.primary().without("acme-default-deny");

        assertSingle(violations("namespace-default-deny", fixture), "namespace-default-deny", Level.MANDATORY,
                "acme-namespace", "podSelector: {}, policyTypes: [Ingress]");
    }

    @Test
    void defaultDenyRule_policyThatAllowsSomeIngress_doesNotCount() {
        RenderFixture fixture = RenderFixture.primary().set("demo-default-deny", "spec.ingress",
                List.of(Map.of("from", List.of(Map.of("podSelector", Map.of())))));

        assertSingle(violations("namespace-default-deny", fixture), "namespace-default-deny", Level.MANDATORY,
                "demo-namespace", "no ingress rules");
    }

    @Test
    void defaultDenyRule_policyInAnotherNamespace_doesNotCount() {
        RenderFixture fixture = RenderFixture.primary().set("acme-default-deny", "metadata.namespace", "demo");

        assertSingle(violations("namespace-default-deny", fixture), "namespace-default-deny", Level.MANDATORY,
                "acme-namespace", "add one");
    }

    @Test
    void pdbRule_multiReplicaDeploymentWithoutBudget_isMandatoryViolation() {
        RenderFixture fixture = RenderFixture.primary().without("demo-lms-pdb");

        assertSingle(violations("pdb-for-replicated-deployment", fixture), "pdb-for-replicated-deployment",
                Level.MANDATORY, "demo-lms", "maxUnavailable: 1");
    }

    @Test
    void pdbRule_singleReplicaWithAutoscalerAndBudgetSelectingOtherPods_isMandatoryViolation() {
        RenderFixture fixture = RenderFixture.primary()
                .set("acme-cms-pdb", "spec.selector.matchLabels", Map.of("app.kubernetes.io/name", "studio"));

        assertSingle(violations("pdb-for-replicated-deployment", fixture), "pdb-for-replicated-deployment",
                Level.MANDATORY, "acme-cms", "spec.selector.matchLabels");
    }

    @Test
    void pdbRule_singleReplicaWithoutAutoscaler_passes() {
        RenderFixture fixture = RenderFixture.primary().set("demo-lms", "spec.replicas", 1).without("demo-lms-pdb");

        assertEquals(List.of(), violations("pdb-for-replicated-deployment", fixture));
    }
}
