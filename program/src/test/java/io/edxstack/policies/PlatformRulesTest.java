package io.edxstack.policies;

import static io.edxstack.policies.RuleAssertions.assertSingle;
import static io.edxstack.policies.RuleAssertions.violations;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The platform rules on what the program renders, each broken once by an edit of the real render. */
class PlatformRulesTest {

    private static final String PDB = "PodDisruptionBudget";

    @Test
    void defaultDenyRule_namespaceWithoutPolicy_isMandatoryViolation() {
        RealRender render = RealRender.primary().without("NetworkPolicy", "training-default-deny-ingress");

        assertSingle(violations("namespace-default-deny", render), "namespace-default-deny", Level.MANDATORY,
                "training", "podSelector: {}, policyTypes: [Ingress]");
    }

    @Test
    void defaultDenyRule_policyThatAllowsSomeIngress_doesNotCount() {
        RealRender render = RealRender.primary().set("NetworkPolicy", "demo-default-deny-ingress", "spec.ingress",
                List.of(Map.of("from", List.of(Map.of("podSelector", Map.of())))));

        assertSingle(violations("namespace-default-deny", render), "namespace-default-deny", Level.MANDATORY,
                "demo", "no ingress rules");
    }

    @Test
    void defaultDenyRule_policyInAnotherNamespace_doesNotCount() {
        RealRender render = RealRender.primary()
                .set("NetworkPolicy", "training-default-deny-ingress", "metadata.namespace", "demo");

        assertSingle(violations("namespace-default-deny", render), "namespace-default-deny", Level.MANDATORY,
                "training", "add one");
    }

    @Test
    void pdbRule_autoscaledDeploymentWithoutBudget_isMandatoryViolation() {
        RealRender render = RealRender.primary().without(PDB, "demo-lms");

        assertSingle(violations("pdb-for-replicated-deployment", render), "pdb-for-replicated-deployment",
                Level.MANDATORY, "demo-lms", "maxUnavailable: 1");
    }

    @Test
    void pdbRule_budgetSelectingOtherPods_isMandatoryViolation() {
        RealRender render = RealRender.primary().set(PDB, "demo-cms", "spec.selector.matchLabels",
                Map.of("app.kubernetes.io/name", "studio"));

        assertSingle(violations("pdb-for-replicated-deployment", render), "pdb-for-replicated-deployment",
                Level.MANDATORY, "demo-cms", "spec.selector.matchLabels");
    }

    @Test
    void pdbRule_singleReplicaWithoutAutoscaler_passes() {
        RealRender render = RealRender.primary().set("Deployment", "demo-lms", "spec.replicas", 1)
                .without("HorizontalPodAutoscaler", "demo-lms").without(PDB, "demo-lms");

        assertEquals(List.of(), violations("pdb-for-replicated-deployment", render));
    }

    @Test
    void pdbAllowsDisruptionRule_renderedBudgets_pass_andMaxUnavailableZeroIsMandatoryViolation() {
        assertEquals(List.of(), violations("pdb-allows-disruption", RealRender.primary()));
        RealRender render = RealRender.primary().set(PDB, "demo-caddy", "spec.maxUnavailable", "0%");

        assertSingle(violations("pdb-allows-disruption", render), "pdb-allows-disruption", Level.MANDATORY,
                "demo-caddy", "maxUnavailable: 1");
    }

    @Test
    void pdbAllowsDisruptionRule_minAvailableAtTheAutoscalersMinimum_isMandatoryViolation() {
        // demo-lms has no replicas of its own: its autoscaler's minimum (2) is what a drain meets.
        RealRender render = RealRender.primary().remove(PDB, "demo-lms", "spec.maxUnavailable")
                .set(PDB, "demo-lms", "spec.minAvailable", 2);

        Violation violation = assertSingle(violations("pdb-allows-disruption", render), "pdb-allows-disruption",
                Level.MANDATORY, "demo-lms", "would wait forever");
        assertTrue(violation.message().contains("runs 2 replica(s)"), violation.message());

        render.set(PDB, "demo-lms", "spec.minAvailable", "50%");
        assertEquals(List.of(), violations("pdb-allows-disruption", render));
        render.set(PDB, "demo-lms", "spec.minAvailable", "100%");
        assertEquals(1, violations("pdb-allows-disruption", render).size());
    }
}
