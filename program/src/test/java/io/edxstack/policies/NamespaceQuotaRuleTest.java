package io.edxstack.policies;

import static io.edxstack.policies.RuleAssertions.assertSingle;
import static io.edxstack.policies.RuleAssertions.violations;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edxstack.state.ResourceState;
import io.edxstack.testing.TestProject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Objects built by hand so that every pod of the peak is counted in the test: a web Deployment of 2
 * replicas scaled to 5 by its autoscaler with 25 % surge (2 more), a worker with Recreate, a StatefulSet,
 * two Jobs of which one counts, a CronJob and a suspended one.
 */
class NamespaceQuotaRuleTest {
    private static final String RULE = "namespace-quota-fits";
    private static final PolicyContext ACTIVE = PolicyContext.of("prod-primary", StackRole.ACTIVE);

    private static ResourceState object(String kind, String apiVersion, String name, Map<String, Object> spec) {
        String type = "kubernetes:" + apiVersion + ":" + kind;
        return new ResourceState("urn:pulumi:prod-primary::edxstack::" + type + "::" + name, type, name, null, null,
                false, Map.of("metadata", Map.of("name", name, "namespace", "demo",
                        "labels", Map.of("edxstack.io/platform", "demo")), "spec", spec));
    }

    private static Map<String, Object> pod(String cpuRequest, String cpuLimit, String memoryRequest, String memoryLimit) {
        Map<String, Object> resources = Map.of("requests", Map.of("cpu", cpuRequest, "memory", memoryRequest),
                "limits", Map.of("cpu", cpuLimit, "memory", memoryLimit));
        return Map.of("spec", Map.of("containers", List.of(Map.of("name", "main", "resources", resources))));
    }

    private static List<ResourceState> namespace(Map<String, Object> hard) {
        List<ResourceState> objects = new ArrayList<>();
        objects.add(object("ResourceQuota", "core/v1", "platform-quota", Map.of("hard", hard)));
        // 5 at the autoscaler's maximum + ceil(25 % of 5) = 7 pods of 500m/1 CPU, 1Gi/2Gi.
        objects.add(object("Deployment", "apps/v1", "lms", Map.of("replicas", 2, "template", pod("500m", "1", "1Gi", "2Gi"))));
        objects.add(object("HorizontalPodAutoscaler", "autoscaling/v2", "lms-hpa", Map.of("maxReplicas", 5,
                "scaleTargetRef", Map.of("kind", "Deployment", "name", "lms"))));
        // Recreate: no surge, 1 pod of 250m/1 CPU, 512Mi/1Gi.
        objects.add(object("Deployment", "apps/v1", "worker", Map.of("replicas", 1, "strategy", Map.of("type", "Recreate"),
                "template", pod("250m", "1", "512Mi", "1Gi"))));
        // 1 pod of 1/2 CPU, 2Gi/4Gi.
        objects.add(object("StatefulSet", "apps/v1", "mysql", Map.of("replicas", 1, "template", pod("1", "2", "2Gi", "4Gi"))));
        // Jobs run one at a time: the larger counts, 250m/2 CPU, 1Gi/2Gi.
        objects.add(object("Job", "batch/v1", "lms-init", Map.of("template", pod("250m", "2", "1Gi", "2Gi"))));
        objects.add(object("Job", "batch/v1", "mysql-init", Map.of("template", pod("100m", "500m", "256Mi", "512Mi"))));
        // 1 pod of 500m/2 CPU, 384Mi/768Mi; the suspended one none.
        objects.add(object("CronJob", "batch/v1", "backup", Map.of("jobTemplate", Map.of("spec",
                Map.of("template", pod("500m", "2", "384Mi", "768Mi"))))));
        objects.add(object("CronJob", "batch/v1", "old-backup", Map.of("suspend", true, "jobTemplate", Map.of("spec",
                Map.of("template", pod("8", "8", "8Gi", "8Gi"))))));
        return objects;
    }

    // Peak: requests.cpu 7*0.5 + 0.25 + 1 + 0.25 + 0.5 = 5.5; limits.cpu 7 + 1 + 2 + 2 + 2 = 14;
    // requests.memory 7 + 0.5 + 2 + 1 + 0.375 = 10.875Gi; limits.memory 14 + 1 + 4 + 2 + 0.75 = 21.75Gi; 11 pods.
    private static final Map<String, Object> EXACT = Map.of("requests.cpu", "5500m", "limits.cpu", "14",
            "requests.memory", "11136Mi", "limits.memory", "22272Mi", "pods", "11");

    @Test
    void quotaThatHoldsThePeakExactly_passes() {
        assertEquals(List.of(), violations(RULE, namespace(EXACT), ACTIVE));
    }

    @Test
    void oneCpuLimitShortOfThePeak_isMandatoryViolationNamingTheCatalogueKey() {
        Map<String, Object> hard = new java.util.HashMap<>(EXACT);
        hard.put("limits.cpu", "13");
        Violation violation = assertSingle(violations(RULE, namespace(hard), ACTIVE), RULE, Level.MANDATORY,
                "platform-quota", "quota.limitsCpu in stacks/platforms/demo.yaml");
        assertTrue(violation.message().contains("needs 14 of limits.cpu") && violation.message().contains("allows 13"),
                violation.message());
    }

    @Test
    void eachShortResource_isReported_andTheShortCpuKeyMeansRequests() {
        Map<String, Object> hard = Map.of("cpu", "5", "requests.memory", "10Gi", "limits.cpu", "14",
                "limits.memory", "22272Mi", "pods", "10");
        List<String> messages = violations(RULE, namespace(hard), ACTIVE).stream().map(Violation::message).toList();
        assertEquals(3, messages.size(), messages::toString);
        assertTrue(messages.stream().anyMatch(m -> m.contains("needs 5.5 of requests.cpu")), messages::toString);
        assertTrue(messages.stream().anyMatch(m -> m.contains("needs 10.9Gi of requests.memory")), messages::toString);
        assertTrue(messages.stream().anyMatch(m -> m.contains("needs 11 of pods")), messages::toString);
    }

    @Test
    void repositoryCatalogue_fitsItsQuotasOnBothStacks(@TempDir Path dir) {
        var project = TestProject.copyOfRepository(dir);
        for (String stack : List.of("prod-primary", "prod-dr")) {
            var render = project.render(stack);
            var context = PolicyContext.of(stack, stack.equals("prod-primary") ? StackRole.ACTIVE : StackRole.STANDBY);
            assertEquals(List.of(), violations(RULE, render.resources().stream().map(r -> r.state()).toList(), context),
                    stack);
        }
    }

    @Test
    void defaultQuota_holdsAPlatformWithDefaultSizingAndResources(@TempDir Path dir) {
        var project = TestProject.copyOfRepository(dir).write("stacks/platforms/minimal.yaml", """
                name: minimal
                stacks: [prod-primary]
                hosts: {lms: learn.minimal.example.org, cms: studio.minimal.example.org}
                images: {openedx: localhost:5000/openedx/openedx:21.0.1}
                """);
        var render = project.render("prod-primary");
        assertEquals(List.of(), violations(RULE, render.resources().stream().map(r -> r.state()).toList(), ACTIVE));
    }

    @Test
    void daemonSetCountsOncePerNodeOfTheCluster_andABarePodOnce() {
        // The rendered cluster has 3 control-plane and 3 worker nodes.
        RealRender render = RealRender.primary().set("ResourceQuota", "demo-quota", "spec.hard.pods", "1");
        long before = neededPods(render);

        render.withCopy("Deployment", "demo-smtp", "kubernetes:apps/v1:DaemonSet", "demo-node-agent");
        assertEquals(before + 6, neededPods(render));
        render.withCopy("Deployment", "demo-smtp", "kubernetes:core/v1:Pod", "demo-debug");
        render.set("kubernetes:core/v1:Pod", "demo-debug", "spec",
                render.get("kubernetes:core/v1:Pod", "demo-debug").input("spec.template.spec"));
        assertEquals(before + 7, neededPods(render));
    }

    private static long neededPods(RealRender render) {
        String message = violations(RULE, render).stream().map(Violation::message)
                .filter(m -> m.contains(" of pods ")).findFirst().orElseThrow();
        return Long.parseLong(message.replaceAll(".* needs (\\d+) of pods .*", "$1"));
    }
}
