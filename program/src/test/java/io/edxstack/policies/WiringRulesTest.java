package io.edxstack.policies;

import static io.edxstack.policies.RuleAssertions.assertSingle;
import static io.edxstack.policies.RuleAssertions.violations;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edxstack.policies.kube.Values;
import io.edxstack.review.change.PropertyPath;
import io.edxstack.state.ResourceState;
import io.edxstack.testing.TestProject;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wiring rules on what the program renders, each broken once by an edit of the real render. */
class WiringRulesTest {

    private static final String SERVICE = "Service";
    private static final String POD = "spec.template.spec";
    private static final String MAIN = POD + ".containers[0]";

    /** The primary stack rendered with the Ingress front door, the mode in which the program makes Ingresses. */
    private static io.edxstack.render.DesiredState ingressMode;

    @BeforeAll
    static void renderIngressMode(@TempDir Path dir) {
        ingressMode = TestProject.copyOfRepository(dir).setConfig("prod-primary", "edxstack:frontDoor.mode", "ingress")
                .render("prod-primary");
    }

    private static RealRender ingressRender() {
        return RealRender.of(ingressMode);
    }

    @Test
    void serviceSelectsPodsRule_selectorWithTypo_isMandatoryViolation() {
        RealRender render = RealRender.primary()
                .set(SERVICE, "demo-cms", "spec.selector[\"app.kubernetes.io/name\"]", "cms-web");

        assertSingle(violations("service-selects-pods", render), "service-selects-pods", Level.MANDATORY,
                "demo-cms", "make spec.selector match");
    }

    @Test
    void serviceSelectsPodsRule_matchingPodsInOtherNamespaceOnly_isMandatoryViolation() {
        // The demo Service moved to namespace training still selects instance demo, whose pods live in demo.
        RealRender render = RealRender.primary().set(SERVICE, "demo-cms", "metadata.namespace", "training");

        assertSingle(violations("service-selects-pods", render), "service-selects-pods", Level.MANDATORY,
                "demo-cms", "spec.selector");
    }

    @Test
    void serviceSelectsPodsRule_renderedAcmeSolverServices_passOnlyBecauseAnnotated() {
        RealRender render = RealRender.primary();
        assertEquals(List.of(), violations("service-selects-pods", render));

        render.set(SERVICE, "demo-acme-solver-lms", "metadata.annotations", new HashMap<>());
        assertSingle(violations("service-selects-pods", render), "service-selects-pods", Level.MANDATORY,
                "demo-acme-solver-lms", "make spec.selector match");
    }

    @Test
    void ingressBackendRule_renderedIngresses_pass_andAnUnknownServiceIsMandatoryViolation() {
        RealRender render = ingressRender();
        String ingress = render.resources().stream().filter(r -> r.type().endsWith(":Ingress"))
                .map(ResourceState::name).filter(name -> name.startsWith("demo-")).findFirst().orElseThrow();
        assertEquals(List.of(), violations("ingress-backend-exists", render));

        render.set("Ingress", ingress, "spec.rules[0].http.paths[0].backend.service.name", "studio");

        assertSingle(violations("ingress-backend-exists", render), "ingress-backend-exists", Level.MANDATORY,
                ingress, "fix the backend's service.name or add the Service");
    }

    @Test
    void ingressBackendRule_unknownPortNumber_isMandatoryViolation() {
        RealRender render = ingressRender();
        String ingress = render.resources().stream().filter(r -> r.type().endsWith(":Ingress"))
                .map(ResourceState::name).filter(name -> name.startsWith("demo-")).findFirst().orElseThrow();

        render.set("Ingress", ingress, "spec.rules[0].http.paths[0].backend.service.port", Map.of("number", 81));

        assertSingle(violations("ingress-backend-exists", render), "ingress-backend-exists", Level.MANDATORY,
                ingress, "use one of the Service's spec.ports");
    }

    @Test
    void storageClassRule_volumeClaimTemplateWithUnknownClass_isMandatoryViolation() {
        RealRender render = RealRender.primary()
                .set("StatefulSet", "demo-mysql", "spec.volumeClaimTemplates[0].spec.storageClassName", "manila");

        assertSingle(violations("storage-class-exists", render), "storage-class-exists", Level.MANDATORY,
                "demo-mysql", "add that StorageClass");
    }

    @Test
    void storageClassRule_volumeClaimTemplateWithoutClass_isMandatoryViolation() {
        RealRender render = RealRender.primary()
                .remove("StatefulSet", "demo-mysql", "spec.volumeClaimTemplates[0].spec.storageClassName");

        Violation violation = assertSingle(violations("storage-class-exists", render), "storage-class-exists",
                Level.MANDATORY, "demo-mysql", "name one of the stack's StorageClasses");
        assertTrue(violation.message().contains("volumeClaimTemplates[0]"), violation.message());
    }

    @Test
    void configReferenceRule_missingSecretInEnv_isMandatoryViolation() {
        RealRender render = RealRender.primary().without("Secret", "demo-openedx-secrets");

        List<Violation> found = violations("config-reference-exists", render);

        assertTrue(found.stream().anyMatch(violation -> violation.name().equals("demo-lms")
                && violation.message().contains("Secret 'openedx-secrets'")), found::toString);
        assertTrue(found.stream().allMatch(violation -> violation.level() == Level.MANDATORY
                && violation.message().contains("add it")), found::toString);
    }

    @Test
    void configReferenceRule_secretUndeclaredInExternalMode_isMandatoryViolation() {
        // training keeps its MySQL outside the stack: its credentials Secret is declared on the namespace.
        RealRender render = RealRender.primary();
        assertTrue(Values.string(render.get("Namespace", "training").inputs(),
                "metadata.annotations").contains("training-mysql"));
        render.set("Namespace", "training", "metadata.annotations[\"edxstack.io/external-secrets\"]",
                "media-s3-credentials");

        List<Violation> found = violations("config-reference-exists", render);

        assertFalse(found.isEmpty());
        assertTrue(found.stream().allMatch(violation -> violation.message().contains("Secret 'training-mysql'")
                && violation.message().contains("edxstack.io/external-secrets")), found::toString);
    }

    @Test
    void configReferenceRule_optionalSecretRef_passes() {
        RealRender render = RealRender.primary().append("Deployment", "demo-lms", MAIN + ".env",
                Map.of("name", "SENTRY_DSN", "valueFrom",
                        Map.of("secretKeyRef", Map.of("name", "sentry", "key", "dsn", "optional", true))));

        assertEquals(List.of(), violations("config-reference-exists", render));
    }

    @Test
    void configReferenceRule_secretDeclaredOnWorkloadAnnotation_passes() {
        RealRender render = RealRender.primary()
                .set("Deployment", "demo-lms", MAIN + ".envFrom", List.of(Map.of("secretRef", Map.of("name", "smtp-relay"))))
                .set("Deployment", "demo-lms", "metadata.annotations", Map.of("edxstack.io/external-secrets", "smtp-relay"));

        assertEquals(List.of(), violations("config-reference-exists", render));
    }

    @Test
    void rwoVolumeRule_rollingDeploymentOnReadWriteOnceClaim_isMandatoryViolation() {
        RealRender render = withMediaClaim("ReadWriteOnce", "demo-lms", "demo-cms");

        List<Violation> found = violations("rwo-volume-rolling-deployment", render);

        assertEquals(List.of("demo-cms", "demo-lms"), found.stream().map(Violation::name).sorted().toList());
        assertTrue(found.stream().allMatch(violation -> violation.level() == Level.MANDATORY
                && violation.message().contains("spec.strategy.type: Recreate")), found::toString);
    }

    @Test
    void rwoVolumeRule_defaultStrategyCountsAsRolling_recreatePasses() {
        RealRender render = withMediaClaim("ReadWriteOnce", "demo-lms", "demo-cms")
                .set("Deployment", "demo-cms", "spec.strategy", Map.of("type", "Recreate"))
                .remove("Deployment", "demo-lms", "spec.strategy");

        assertSingle(violations("rwo-volume-rolling-deployment", render), "rwo-volume-rolling-deployment",
                Level.MANDATORY, "demo-lms", "ReadWriteMany");
    }

    @Test
    void rwoVolumeRule_readWriteManyClaim_passes() {
        assertEquals(List.of(), violations("rwo-volume-rolling-deployment",
                withMediaClaim("ReadWriteMany", "demo-lms", "demo-cms")));
    }

    /** The rendered demo-lms and demo-cms with their data volume on a PVC instead of an emptyDir. */
    private static RealRender withMediaClaim(String accessMode, String... deployments) {
        RealRender render = RealRender.primary();
        String type = "kubernetes:core/v1:PersistentVolumeClaim";
        render.with(new ResourceState("urn:pulumi:prod-primary::edxstack::" + type + "::demo-media", type, "demo-media",
                null, null, false, Map.of("metadata", Map.of("name", "media", "namespace", "demo"),
                "spec", Map.of("accessModes", List.of(accessMode), "storageClassName", "cinder"))));
        for (String deployment : deployments) {
            List<Map<String, Object>> volumes = Values.maps(
                    PropertyPath.lookup(render.get("Deployment", deployment).inputs(), "spec.template"), "spec.volumes");
            int data = volumes.indexOf(volumes.stream().filter(v -> "data".equals(v.get("name"))).findFirst().orElseThrow());
            render.set("Deployment", deployment, POD + ".volumes[" + data + "]",
                    Map.of("name", "data", "persistentVolumeClaim", Map.of("claimName", "media")));
        }
        return render;
    }

    // --- Service target ports, ServiceAccounts

    @Test
    void serviceTargetPortsRule_renderedServicesTargetDeclaredPorts_andAnUndeclaredNameIsMandatoryViolation() {
        assertEquals(List.of(), violations("service-target-ports", RealRender.primary()));
        RealRender render = RealRender.primary().set(SERVICE, "demo-lms", "spec.ports[0].targetPort", "web");

        Violation violation = assertSingle(violations("service-target-ports", render), "service-target-ports",
                Level.MANDATORY, "demo-lms", "make spec.ports[].targetPort");
        assertTrue(violation.message().contains("targets 'web', which no container of Deployment demo/lms declares"),
                violation.message());
    }

    @Test
    void serviceTargetPortsRule_numberNoContainerListensOn_isMandatoryViolation() {
        RealRender render = RealRender.primary().set(SERVICE, "demo-redis", "spec.ports[0].targetPort", 6380);

        assertSingle(violations("service-target-ports", render), "service-target-ports", Level.MANDATORY,
                "demo-redis", "targets 6380");
    }

    @Test
    void serviceAccountExistsRule_undeclaredAccount_isMandatoryViolation_defaultPasses() {
        RealRender render = RealRender.primary().set("Deployment", "demo-cms", POD + ".serviceAccountName", "default");
        assertEquals(List.of(), violations("workload-service-account-exists", render));

        render.set("Deployment", "demo-cms", POD + ".serviceAccountName", "cms-api");
        assertSingle(violations("workload-service-account-exists", render), "workload-service-account-exists",
                Level.MANDATORY, "demo-cms", "add the ServiceAccount");
    }
}
