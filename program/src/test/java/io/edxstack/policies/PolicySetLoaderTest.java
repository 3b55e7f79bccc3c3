package io.edxstack.policies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicySetLoaderTest {

    @TempDir
    Path directory;

    @Test
    void load_committedPolicySet_namesEveryRuleOfTheCatalogue() throws IOException {
        Path committed = Path.of("policies/policy-set.yaml");
        PolicySet policySet = PolicySetLoader.load(committed);
        String text = Files.readString(committed);

        for (PolicyRule rule : RuleCatalog.all()) {
            assertTrue(text.contains("\n  " + rule.id() + ":"), "policy-set.yaml should list " + rule.id());
        }
        assertEquals(RuleCatalog.all().size(), policySet.rules().size());
    }

    @Test
    void load_levelParametersAndExemption_areApplied() throws IOException {
        PolicySet policySet = PolicySetLoader.load(write("""
                version: 1
                rules:
                  workload-probes:
                    level: mandatory
                    exemptions:
                      - resource: demo-lms-worker
                        reason: Celery has no HTTP endpoint; the exec probe lands with the next release.
                  image-registry:
                    parameters:
                      allowedRegistries: [localhost:5000/, registry.example.org/]
                  namespace-default-deny:
                    level: disabled
                """));
        RealRender render = RealRender.primary()
                .remove("Deployment", "demo-lms-worker", "spec.template.spec.containers[0].livenessProbe")
                .remove("Deployment", "demo-cms", "spec.template.spec.containers[0].livenessProbe")
                .set("Deployment", "demo-cms", "spec.template.spec.containers[0].image", "registry.example.org/openedx:redwood.3")
                .without("NetworkPolicy", "demo-default-deny-ingress")
                .without("kubernetes:helm.sh/v3:Release", "prod-primary-cert-manager");

        List<Violation> violations = policySet.evaluate(render.resources(), render.context());

        assertEquals(Map.of("workload-probes", List.of("demo-cms")), violations.stream().collect(
                Collectors.groupingBy(Violation::ruleId, Collectors.mapping(Violation::name, Collectors.toList()))));
        assertEquals(Level.MANDATORY, violations.get(0).level());
    }

    @Test
    void load_unknownRuleId_errorNamesFileAndKey() throws IOException {
        Path file = write("version: 1\nrules:\n  workload-nonroot:\n    level: mandatory\n");

        PolicySetException error = assertThrows(PolicySetException.class, () -> PolicySetLoader.load(file));

        assertEquals("rules.workload-nonroot", error.key());
        assertEquals(file, error.file());
        assertTrue(error.getMessage().startsWith(file.toString()), error.getMessage());
        assertTrue(error.getMessage().contains("perhaps one of [workload-inputs-visible, unreviewable-resource, workload-non-root"), error.getMessage());
    }

    @Test
    void load_badLevel_errorNamesLevelKey() throws IOException {
        Path file = write("version: 1\nrules:\n  image-pinned:\n    level: blocking\n");

        PolicySetException error = assertThrows(PolicySetException.class, () -> PolicySetLoader.load(file));

        assertEquals("rules.image-pinned.level", error.key());
        assertTrue(error.getMessage().contains("perhaps mandatory, advisory or disabled"), error.getMessage());
    }

    @Test
    void load_parameterTheRuleDoesNotTake_isAnError() throws IOException {
        Path file = write("version: 1\nrules:\n  image-pinned:\n    parameters:\n      allowedTags: [redwood]\n");

        PolicySetException error = assertThrows(PolicySetException.class, () -> PolicySetLoader.load(file));

        assertEquals("rules.image-pinned.parameters.allowedTags", error.key());
    }

    @Test
    void load_exemptionWithoutReason_isAnError() throws IOException {
        Path file = write("version: 1\nrules:\n  image-pinned:\n    exemptions:\n      - resource: demo-lms\n");

        PolicySetException error = assertThrows(PolicySetException.class, () -> PolicySetLoader.load(file));

        assertEquals("rules.image-pinned.exemptions[0].reason", error.key());
    }

    @Test
    void load_malformedYaml_errorNamesFile() throws IOException {
        Path file = write("version: 1\nrules: [unclosed\n");

        PolicySetException error = assertThrows(PolicySetException.class, () -> PolicySetLoader.load(file));

        assertTrue(error.getMessage().startsWith(file + ": is not valid YAML"), error.getMessage());
    }

    private Path write(String yaml) throws IOException {
        Path file = directory.resolve("policy-set.yaml");
        Files.writeString(file, yaml);
        return file;
    }
}
