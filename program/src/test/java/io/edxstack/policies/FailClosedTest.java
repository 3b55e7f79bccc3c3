package io.edxstack.policies;

import static io.edxstack.policies.RuleAssertions.violations;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edxstack.policies.kube.Values;
import io.edxstack.review.change.PropertyPath;
import io.edxstack.state.ResourceState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The policies judge every kind that runs pods, and what they cannot see stops the change: a pod template that
 * is a secret or unknown, a field a security rule needs that is, a Helm release or a patch. Each case edits
 * what the program renders.
 */
class FailClosedTest {

    private static final String POD = "spec.template.spec";
    private static final String MAIN = POD + ".containers[0]";

    /** The LMS pod template, made privileged, on the host network, root and on a moving tag. */
    private static RealRender dangerous(String type, String name) {
        RealRender render = RealRender.primary().withCopy("Deployment", "demo-lms", type, name);
        return breakPod(render, type, name, POD);
    }

    private static RealRender breakPod(RealRender render, String type, String name, String podSpec) {
        return render.set(type, name, podSpec + ".hostNetwork", true)
                .set(type, name, podSpec + ".containers[0].securityContext.privileged", true)
                .set(type, name, podSpec + ".containers[0].securityContext.runAsUser", 0)
                .set(type, name, podSpec + ".containers[0].image", "localhost:5000/openedx/openedx:latest");
    }

    private static Set<String> rulesBrokenBy(RealRender render, String name) {
        return PolicySet.defaults().evaluate(render.resources(), render.context()).stream()
                .filter(violation -> violation.name().equals(name) && violation.isMandatory())
                .map(Violation::ruleId).collect(Collectors.toSet());
    }

    private static final Set<String> BROKEN = Set.of("workload-not-privileged", "workload-no-host-access",
            "workload-non-root", "image-pinned");

    @Test
    void everyKindWithAPodTemplate_isChecked() {
        for (String type : List.of("kubernetes:apps/v1:DaemonSet", "kubernetes:apps/v1:ReplicaSet",
                "kubernetes:core/v1:ReplicationController", "kubernetes:core/v1:PodTemplate")) {
            RealRender render = type.endsWith("PodTemplate")
                    ? movedTemplate(RealRender.primary().withCopy("Deployment", "demo-lms", type, "demo-copy"), type)
                    : dangerous(type, "demo-copy");
            if (type.endsWith("PodTemplate")) {
                breakPod(render, type, "demo-copy", "template.spec");
            }

            Set<String> broken = rulesBrokenBy(render, "demo-copy");

            assertTrue(broken.containsAll(BROKEN), type + ": " + broken);
        }
    }

    @Test
    void barePod_andItsEphemeralContainer_areChecked() {
        String type = "kubernetes:core/v1:Pod";
        RealRender render = RealRender.primary().withCopy("Deployment", "demo-lms", type, "demo-debug");
        ResourceState pod = render.get(type, "demo-debug");
        render.set(type, "demo-debug", "spec", Values.at(pod.inputs(), "spec.template.spec"));
        breakPod(render, type, "demo-debug", "spec");
        assertTrue(rulesBrokenBy(render, "demo-debug").containsAll(BROKEN), rulesBrokenBy(render, "demo-debug").toString());

        RealRender debugged = RealRender.primary().withCopy("Deployment", "demo-lms", type, "demo-debug");
        debugged.set(type, "demo-debug", "spec", Values.at(debugged.get(type, "demo-debug").inputs(), POD));
        debugged.append(type, "demo-debug", "spec.ephemeralContainers", Map.of("name", "shell",
                "image", "localhost:5000/library/busybox:1.36.1", "securityContext", Map.of("privileged", true)));
        List<Violation> privileged = violations("workload-not-privileged", debugged);
        assertEquals(1, privileged.size(), privileged::toString);
        assertTrue(privileged.get(0).message().contains("container 'shell'"), privileged.get(0).message());
    }

    @Test
    void podTemplateThatIsASecret_isMandatoryCannotEvaluate_andNothingElseIsSaidOfIt() {
        RealRender render = RealRender.primary().set("Deployment", "demo-lms", "spec.template", "[secret]");

        List<Violation> found = PolicySet.defaults().evaluate(render.resources(), render.context()).stream()
                .filter(violation -> violation.name().equals("demo-lms")).toList();

        assertEquals(1, found.size(), found::toString);
        assertEquals("workload-inputs-visible", found.get(0).ruleId());
        assertEquals(Level.MANDATORY, found.get(0).level());
        assertTrue(found.get(0).message().contains("cannot evaluate Deployment demo/lms: spec.template is a secret"),
                found.get(0).message());
    }

    @Test
    void containerUnknownInAPreview_isMandatoryCannotEvaluate() {
        RealRender render = RealRender.primary()
                .set("CronJob", "demo-backup-mysql", "spec.jobTemplate.spec.template.spec.containers[0]",
                        Values.ENGINE_UNKNOWN);

        List<Violation> found = violations("workload-inputs-visible", render);

        assertEquals(1, found.size(), found::toString);
        assertTrue(found.get(0).message().contains("spec.jobTemplate.spec.template.spec.containers[0]"),
                found.get(0).message());
    }

    @Test
    void podLabelUnknown_isCannotEvaluate_notAServiceThatSelectsNothing() {
        RealRender render = RealRender.primary().set("Deployment", "demo-cms",
                "spec.template.metadata.labels[\"app.kubernetes.io/name\"]", Values.ENGINE_UNKNOWN);

        List<Violation> found = PolicySet.defaults().evaluate(render.resources(), render.context()).stream()
                .filter(violation -> violation.name().equals("demo-cms")).toList();

        assertEquals(List.of("workload-inputs-visible"), found.stream().map(Violation::ruleId).toList());
        assertTrue(found.get(0).message().contains("spec.template.metadata.labels.app.kubernetes.io/name"),
                found.get(0).message());
    }

    @Test
    void securityFieldUnknown_isMandatoryCannotEvaluate_evenWhenThePolicySetMakesTheRuleAdvisory() throws IOException {
        RealRender render = RealRender.primary()
                .set("Deployment", "demo-cms", MAIN + ".securityContext.runAsNonRoot", Values.ENGINE_UNKNOWN)
                .set("Deployment", "demo-cms", MAIN + ".securityContext.capabilities.add", List.of("[unknown]"));
        PolicySet advisory = PolicySetLoader.load(write("""
                version: 1
                rules:
                  workload-non-root: {level: advisory}
                  workload-no-added-capabilities: {level: advisory}
                """));

        List<Violation> found = advisory.evaluate(render.resources(), render.context()).stream()
                .filter(violation -> violation.name().equals("demo-cms")).toList();

        assertEquals(Set.of("workload-non-root", "workload-no-added-capabilities"),
                found.stream().map(Violation::ruleId).collect(Collectors.toSet()));
        assertTrue(found.stream().allMatch(v -> v.level() == Level.MANDATORY && v.message().startsWith("cannot evaluate")),
                found::toString);
        assertTrue(found.stream().anyMatch(v -> v.message().contains(MAIN + ".securityContext.capabilities.add[0]")),
                found::toString);
    }

    @Test
    void nonSecurityRuleThatCannotSee_staysAtItsLevel() {
        RealRender render = RealRender.primary().set("Deployment", "demo-cms", MAIN + ".livenessProbe", "[secret]");

        List<Violation> found = violations("workload-probes", render);

        assertEquals(1, found.size(), found::toString);
        assertEquals(Level.ADVISORY, found.get(0).level());
        assertTrue(found.get(0).message().startsWith("cannot evaluate"), found.get(0).message());
    }

    @Test
    void hostPathHiddenInAVolume_isMandatoryCannotEvaluate() {
        RealRender render = RealRender.primary().append("Deployment", "demo-lms-worker", POD + ".volumes",
                Map.of("name", "host", "hostPath", "[unknown]"));

        List<Violation> found = violations("workload-no-host-access", render);

        int appended = ((List<?>) PropertyPath.lookup(render.get("Deployment", "demo-lms-worker").inputs(),
                POD + ".volumes")).size() - 1;
        assertEquals(1, found.size(), found::toString);
        assertTrue(found.get(0).message().contains(POD + ".volumes[" + appended + "]"), found.get(0).message());
    }

    @Test
    void patchResource_isUnreviewable_untilExemptedWithAReason() throws IOException {
        String patch = "kubernetes:apps/v1:DeploymentPatch";
        RealRender render = RealRender.primary().withCopy("Deployment", "demo-lms", patch, "demo-lms-tweak")
                .set(patch, "demo-lms-tweak", MAIN + ".securityContext", Map.of("privileged", true));

        List<Violation> found = violations("unreviewable-resource", render);
        assertEquals(Set.of("prod-primary-cert-manager", "demo-lms-tweak"),
                found.stream().map(Violation::name).collect(Collectors.toSet()));
        assertTrue(found.stream().allMatch(Violation::isMandatory), found::toString);
        // A patch carries part of an object: the workload rules do not judge it as a whole Deployment.
        assertEquals(List.of(), violations("workload-not-privileged", render));

        PolicySet exempted = PolicySetLoader.load(write("""
                version: 1
                rules:
                  unreviewable-resource:
                    exemptions:
                      - resource: demo-lms-tweak
                        reason: Read in review; it only adds an annotation.
                      - resource: prod-primary-cert-manager
                        reason: Chart pinned and reviewed.
                """));
        assertEquals(List.of(), exempted.evaluate(render.resources(), render.context()).stream()
                .filter(v -> v.ruleId().equals("unreviewable-resource")).toList());
    }

    private static RealRender movedTemplate(RealRender render, String type) {
        ResourceState copy = render.get(type, "demo-copy");
        render.set(type, "demo-copy", "template", Values.at(copy.inputs(), "spec.template"));
        return render.remove(type, "demo-copy", "spec");
    }

    @TempDir
    static Path directory;

    private static Path write(String text) throws IOException {
        Path file = Files.createTempFile(directory, "policy-set", ".yaml");
        Files.writeString(file, text);
        return file;
    }
}
