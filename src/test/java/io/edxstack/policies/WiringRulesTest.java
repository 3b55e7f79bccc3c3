package io.edxstack.policies;

import static io.edxstack.policies.RuleAssertions.assertSingle;
import static io.edxstack.policies.RuleAssertions.violations;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WiringRulesTest {

    private static final String LMS_CONTAINER = "spec.template.spec.containers[0]";

    @Test
    void serviceSelectsPodsRule_selectorWithTypo_isMandatoryViolation() {
        RenderFixture fixture = RenderFixture.primary()
                .set("demo-cms-service", "spec.selector[\"app.kubernetes.io/name\"]", "cms-web");

        assertSingle(violations("service-selects-pods", fixture), "service-selects-pods", Level.MANDATORY,
                "demo-cms-service", "make spec.selector match");
    }

    @Test
    void serviceSelectsPodsRule_matchingPodsInOtherNamespaceOnly_isMandatoryViolation() {
        // The demo Service moved to namespace acme still selects instance demo, whose pods live in demo.
        RenderFixture fixture = RenderFixture.primary().set("demo-cms-service", "metadata.namespace", "acme");

        assertSingle(violations("service-selects-pods", fixture), "service-selects-pods", Level.MANDATORY,
                "demo-cms-service", "spec.selector");
    }

    @Test
    void serviceSelectsPodsRule_podsMadeByAController_passesOnlyWhenAnnotated() {
        // An ACME solver Service: cert-manager makes its pods while an order is open.
        RenderFixture unannotated = RenderFixture.primary()
                .set("demo-cms-service", "spec.selector", java.util.Map.of("acme.cert-manager.io/http01-solver", "true"));
        assertSingle(violations("service-selects-pods", unannotated), "service-selects-pods", Level.MANDATORY,
                "demo-cms-service", "make spec.selector match");

        RenderFixture annotated = unannotated.set("demo-cms-service", "metadata.annotations",
                new java.util.HashMap<>(java.util.Map.of("edxstack.io/pods-managed-by", "cert-manager")));
        assertEquals(List.of(), violations("service-selects-pods", annotated));
    }

    @Test
    void serviceSelectsPodsRule_headlessServiceOfStatefulSet_passes() {
        assertEquals(List.of(), violations("service-selects-pods", RenderFixture.primary()));
    }

    @Test
    void ingressBackendRule_unknownService_isMandatoryViolation() {
        RenderFixture fixture = RenderFixture.primary()
                .set("demo-ingress", "spec.rules[1].http.paths[0].backend.service.name", "studio");

        assertSingle(violations("ingress-backend-exists", fixture), "ingress-backend-exists", Level.MANDATORY,
                "demo-ingress", "fix the backend's service.name or add the Service");
    }

    @Test
    void ingressBackendRule_unknownPortNumber_isMandatoryViolation() {
        RenderFixture fixture = RenderFixture.primary()
                .set("demo-ingress", "spec.rules[1].http.paths[0].backend.service.port", Map.of("number", 80));

        assertSingle(violations("ingress-backend-exists", fixture), "ingress-backend-exists", Level.MANDATORY,
                "demo-ingress", "use one of the Service's spec.ports");
    }

    @Test
    void storageClassRule_pvcWithUnknownClass_isMandatoryViolation() {
        RenderFixture fixture = RenderFixture.primary().set("demo-media", "spec.storageClassName", "manila");

        assertSingle(violations("storage-class-exists", fixture), "storage-class-exists", Level.MANDATORY,
                "demo-media", "add that StorageClass");
    }

    @Test
    void storageClassRule_volumeClaimTemplateWithoutClass_isMandatoryViolation() {
        RenderFixture fixture = RenderFixture.primary()
                .remove("demo-mysql", "spec.volumeClaimTemplates[0].spec.storageClassName");

        Violation violation = assertSingle(violations("storage-class-exists", fixture), "storage-class-exists",
                Level.MANDATORY, "demo-mysql", "name one of the stack's StorageClasses");
        assertTrue(violation.message().contains("volumeClaimTemplates[0]"), violation.message());
    }

    @Test
    void configReferenceRule_missingConfigMapInEnvFrom_isMandatoryViolation() {
        RenderFixture fixture = RenderFixture.primary().without("demo-openedx-config");

        List<Violation> found = violations("config-reference-exists", fixture);

        assertTrue(found.stream().anyMatch(violation -> violation.name().equals("demo-lms")
                && violation.message().contains("ConfigMap 'openedx-config'")), found::toString);
        assertTrue(found.stream().allMatch(violation -> violation.level() == Level.MANDATORY
                && violation.message().contains("add it")), found::toString);
    }

    @Test
    void configReferenceRule_secretUndeclaredInExternalMode_isMandatoryViolation() {
        RenderFixture fixture = RenderFixture.primary().set("acme-namespace", "metadata.annotations",
                Map.of("edxstack.io/external-secrets", "acme-mongodb-credentials"));

        List<Violation> found = violations("config-reference-exists", fixture);

        assertTrue(!found.isEmpty() && found.stream().allMatch(violation ->
                violation.message().contains("Secret 'acme-mysql-credentials'")
                        && violation.message().contains("edxstack.io/external-secrets")), found::toString);
    }

    @Test
    void configReferenceRule_optionalSecretRef_passes() {
        RenderFixture fixture = RenderFixture.primary().set("demo-lms", LMS_CONTAINER + ".env[0]",
                Map.of("name", "SENTRY_DSN", "valueFrom",
                        Map.of("secretKeyRef", Map.of("name", "sentry", "key", "dsn", "optional", true))));

        assertEquals(List.of(), violations("config-reference-exists", fixture));
    }

    @Test
    void configReferenceRule_secretDeclaredOnWorkloadAnnotation_passes() {
        RenderFixture fixture = RenderFixture.primary()
                .set("demo-lms", LMS_CONTAINER + ".envFrom[0]", Map.of("secretRef", Map.of("name", "smtp-relay")))
                .set("demo-lms", "metadata.annotations", Map.of("edxstack.io/external-secrets", "smtp-relay"));

        assertEquals(List.of(), violations("config-reference-exists", fixture));
    }

    @Test
    void rwoVolumeRule_rollingDeploymentOnReadWriteOnceClaim_isMandatoryViolation() {
        RenderFixture fixture = RenderFixture.primary()
                .set("demo-media", "spec.accessModes", List.of("ReadWriteOnce"));

        List<Violation> found = violations("rwo-volume-rolling-deployment", fixture);

        assertEquals(List.of("demo-cms", "demo-lms", "demo-lms-worker"),
                found.stream().map(Violation::name).sorted().toList());
        assertTrue(found.stream().allMatch(violation -> violation.level() == Level.MANDATORY
                && violation.message().contains("spec.strategy.type: Recreate")), found::toString);
    }

    @Test
    void rwoVolumeRule_defaultStrategyCountsAsRolling_isMandatoryViolation() {
        RenderFixture fixture = RenderFixture.primary()
                .set("demo-media", "spec.accessModes", List.of("ReadWriteOnce"))
                .set("demo-cms", "spec.strategy", Map.of("type", "Recreate"))
                .set("demo-lms-worker", "spec.strategy", Map.of("type", "Recreate"))
                .remove("demo-lms", "spec.strategy");

        assertSingle(violations("rwo-volume-rolling-deployment", fixture), "rwo-volume-rolling-deployment",
                Level.MANDATORY, "demo-lms", "ReadWriteMany");
    }

    @Test
    void rwoVolumeRule_recreateStrategy_passes() {
        RenderFixture fixture = RenderFixture.primary()
                .set("demo-media", "spec.accessModes", List.of("ReadWriteOnce"));
        for (String deployment : List.of("demo-lms", "demo-cms", "demo-lms-worker")) {
            fixture.set(deployment, "spec.strategy", Map.of("type", "Recreate"));
        }

        assertEquals(List.of(), violations("rwo-volume-rolling-deployment", fixture));
    }
}
