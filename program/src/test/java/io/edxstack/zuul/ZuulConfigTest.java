package io.edxstack.zuul;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Zuul configuration binds each secret to the playbooks that read it, keeps production credentials
 * in the config project and in files, and deploys only merged changes of main, one at a time per stack.
 * Zuul's own loader checks the syntax and references (scripts/check-zuul); this checks what it cannot.
 */
class ZuulConfigTest {

    private static final Path REPO = Path.of("");
    private static ZuulConfig zuul;

    @BeforeAll
    static void load() throws IOException {
        zuul = ZuulConfig.repository(REPO.toAbsolutePath());
    }

    @Test
    void everySecretVariableAPlaybookReads_isBoundToThatPlaybook() throws IOException {
        SecretBindings bindings = new SecretBindings(zuul);

        assertEquals(Map.of(), bindings.unboundUses());
        assertEquals(Set.of("edxstack_credentials"), bindings.aliases());
    }

    @Test
    void secretBindings_childSecretWithoutPassToParent_doesNotReachTheParentsPlaybook(@TempDir Path dir)
            throws IOException {
        Path project = miniProject(dir, false);

        Map<String, List<String>> unbound = new SecretBindings(new ZuulConfig().project(project)).unboundUses();

        assertEquals(List.of("child"), List.copyOf(unbound.keySet()));
        assertTrue(unbound.get("child").get(0).contains("pre-run of parent) reads creds"), unbound::toString);
    }

    @Test
    void secretBindings_passToParent_reachesTheParentsPlaybook(@TempDir Path dir) throws IOException {
        Path project = miniProject(dir, true);

        assertEquals(Map.of(), new SecretBindings(new ZuulConfig().project(project)).unboundUses());
    }

    @Test
    void secretBindings_parentSecret_neverReachesAChildsPlaybook(@TempDir Path dir) throws IOException {
        Path project = dir.resolve("p");
        Files.createDirectories(project.resolve("zuul.d"));
        Files.createDirectories(project.resolve("playbooks"));
        Files.writeString(project.resolve("playbooks/run.yaml"), "- hosts: all\n  tasks:\n    - debug: {msg: \"{{ creds.x }}\"}\n");
        Files.writeString(project.resolve("zuul.d/jobs.yaml"), """
                - job: {name: parent, abstract: true, secrets: [{name: creds, secret: s}]}
                - job: {name: child, parent: parent, run: playbooks/run.yaml}
                """);

        assertEquals(1, new SecretBindings(new ZuulConfig().project(project)).unboundUses().get("child").size());
    }

    @Test
    void edxstackProject_holdsNoSecretNoPipelineAndNoProductionJob() {
        ZuulConfig untrusted;
        try {
            untrusted = new ZuulConfig().project(REPO.toAbsolutePath());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        assertEquals(Map.of(), untrusted.secrets);
        assertEquals(Map.of(), untrusted.pipelines);
        untrusted.jobs.values().forEach(job -> assertFalse(job.body().has("secrets"), job.name()));
        assertEquals(Set.of("check", "gate"), fieldNames(untrusted.projects.get(0), "queue"));
    }

    @Test
    void productionJobs_runOnlyOnMainAndCannotBeVariedOrInherited() {
        List<String> production = zuul.jobs.values().stream().filter(job -> job.body().has("secrets"))
                .map(ZuulConfig.Job::name).toList();
        assertEquals(5, production.size(), production::toString);
        for (String job : production) {
            assertEquals("^main$", zuul.attribute(job, "branches").orElseThrow().asText(), job);
            assertTrue(zuul.jobs.get(job).body().path("final").asBoolean(), job);
            assertTrue(zuul.jobs.get(job).projectRoot().endsWith("config-project"), job);
            assertTrue(zuul.attribute(job, "protected").orElseThrow().asBoolean(), job);
        }
        JsonNode deploy = zuul.pipelines.get("deploy");
        assertEquals("serial", deploy.path("manager").asText());
        assertEquals("MERGED", deploy.path("require").path("gerrit").path("status").asText());
        assertEquals("^main$", deploy.path("trigger").path("gerrit").get(0).path("branch").asText());
        assertEquals("change-merged", deploy.path("trigger").path("gerrit").get(0).path("event").asText());
    }

    @Test
    void productionJobs_holdOnlyTheirOwnStacksSecretAndSemaphore() {
        for (ZuulConfig.Job job : zuul.jobs.values()) {
            if (!job.body().has("secrets")) {
                continue;
            }
            String stack = job.body().path("vars").path("edxstack_stack").asText();
            List<String> secrets = new ArrayList<>();
            job.body().path("secrets").forEach(secret -> secrets.add(secret.path("secret").asText()));
            String purpose = job.name().startsWith("edxstack-deploy-") ? "deploy" : "readonly";
            assertEquals(List.of("edxstack-" + stack + "-" + purpose), secrets, job.name());
            assertEquals(List.of("edxstack-" + stack), ZuulConfig.strings(job.body().get("semaphores")), job.name());
            assertEquals(1, zuul.semaphores.get("edxstack-" + stack).path("max").asInt());
        }
    }

    @Test
    void preReviewAndGatePipelines_runNoJobWithSecrets() {
        List<String> offending = new ArrayList<>();
        for (JsonNode project : zuul.projects) {
            for (String pipeline : List.of("check", "gate")) {
                for (String job : ZuulConfig.jobNames(project.path(pipeline).path("jobs"))) {
                    zuul.chain(job).stream().filter(definition -> definition.body().has("secrets"))
                            .forEach(definition -> offending.add(pipeline + ": " + job));
                }
            }
        }
        assertEquals(List.of(), offending);
    }

    @Test
    void credentials_neverInAnEnvironmentValueOrOnACommandLine() throws IOException {
        List<String> offending = new ArrayList<>();
        for (Path file : yamlFiles()) {
            String text = Files.readString(file);
            for (String alias : new SecretBindings(zuul).aliases()) {
                // An environment block, an argv/cmd line or a shell command that reads a secret variable.
                var uses = Pattern.compile("(?m)^(\\s*)(environment|argv|cmd|ansible\\.builtin\\.(command|shell)):.*$")
                        .matcher(text);
                while (uses.find()) {
                    String block = block(text, uses.start(), uses.group(1).length());
                    if (SecretBindings.uses(block, alias)) {
                        offending.add(REPO.toAbsolutePath().relativize(file.toAbsolutePath()) + ": " + uses.group(2));
                    }
                }
            }
        }
        assertEquals(List.of(), offending);
        String environment = zuul.jobs.get("edxstack-production").body().path("vars").path("edxstack_pulumi_environment")
                .toString();
        assertTrue(environment.contains("PULUMI_CONFIG_PASSPHRASE_FILE") && environment.contains("AWS_SHARED_CREDENTIALS_FILE")
                && environment.contains("OS_CLIENT_CONFIG_FILE"), environment);
        assertFalse(environment.contains("\"PULUMI_CONFIG_PASSPHRASE\"") || environment.contains("AWS_SECRET_ACCESS_KEY"));
    }

    @Test
    void credentialFiles_areWrittenUnderNoLogWith0600AndRemovedInPostRun() throws IOException {
        JsonNode tasks = ZuulConfig.yaml(Path.of("config-project/roles/edxstack-credentials/tasks/main.yaml"));
        int written = 0;
        for (JsonNode task : tasks) {
            if (SecretBindings.uses(task.toString(), "edxstack_credentials")) {
                written++;
                assertTrue(task.path("no_log").asBoolean(), task.path("name").asText());
                JsonNode module = task.has("ansible.builtin.copy") ? task.get("ansible.builtin.copy")
                        : task.get("ansible.builtin.template");
                assertEquals("0600", module.path("mode").asText(), task.path("name").asText());
            }
        }
        assertEquals(4, written);
        JsonNode cleanup = ZuulConfig.yaml(Path.of("config-project/playbooks/edxstack-production/cleanup.yaml"));
        assertEquals("{{ edxstack_credentials_dir }}",
                cleanup.get(0).path("tasks").get(0).path("ansible.builtin.file").path("path").asText());
        assertEquals(List.of("playbooks/edxstack-production/cleanup.yaml"),
                ZuulConfig.strings(zuul.jobs.get("edxstack-production").body().get("post-run")));
    }

    @Test
    void driftJob_refreshesAsTheReadOnlyKubernetesIdentityOfItsSecret() throws IOException {
        // The provider reads the file KUBECONFIG names; the credentials role writes it from the job's own secret.
        String kubeconfigPath = zuul.jobs.get("edxstack-production").body().path("vars").path("edxstack_pulumi_environment")
                .path("KUBECONFIG").asText();
        assertEquals("{{ ansible_user_dir }}/.edxstack-credentials/kubeconfig", kubeconfigPath);
        JsonNode tasks = ZuulConfig.yaml(Path.of("config-project/roles/edxstack-credentials/tasks/main.yaml"));
        List<JsonNode> writes = new ArrayList<>();
        tasks.forEach(task -> {
            if (task.path("ansible.builtin.copy").path("dest").asText().equals("{{ edxstack_pulumi_environment.KUBECONFIG }}")) {
                writes.add(task.get("ansible.builtin.copy"));
            }
        });
        assertEquals(1, writes.size());
        assertEquals("{{ edxstack_credentials.kubeconfig }}", writes.get(0).path("content").asText());
        // Each drift job binds its stack's read-only secret, and that secret carries the reader's kubeconfig.
        String secrets = Files.readString(Path.of("config-project/zuul.d/secrets.yaml"));
        for (String stack : List.of("prod-primary", "prod-dr")) {
            var binding = zuul.jobs.get("edxstack-drift-" + stack).body().path("secrets").get(0);
            assertEquals("edxstack-" + stack + "-readonly", binding.path("secret").asText());
            String secret = secrets.substring(secrets.indexOf("name: edxstack-" + stack + "-readonly"));
            secret = secret.substring(0, secret.contains("- secret:") ? secret.indexOf("- secret:") : secret.length());
            assertTrue(secret.contains("(edxstack-reader) kubeconfig") && secret.contains("kubeconfig: !encrypted/pkcs1-oaep"),
                    secret);
        }
    }

    @Test
    void deployReview_reportsOnlyBeyondTheDesiredDiffItMakesWithoutCredentials() throws IOException {
        String deploy = Files.readString(Path.of("config-project/playbooks/edxstack-production/deploy.yaml"));
        String role = Files.readString(Path.of("config-project/roles/edxstack-known-diff/tasks/main.yaml"));

        assertTrue(deploy.indexOf("name: edxstack-known-diff") < deploy.indexOf("name: edxstack-review"), deploy);
        assertTrue(deploy.contains("--known-diff={{ edxstack_review_dir }}/known-diff-{{ edxstack_stack }}.json"), deploy);
        assertTrue(role.contains("> {{ (edxstack_review_dir ~ '/known-diff-' ~ edxstack_stack ~ '.json') | quote }}"), role);
        // The same inputs as the check job's desired diff: the change's parent rendered by its own code.
        assertTrue(role.contains("\"{{ zuul.commit_id }}^1\"") && role.contains("--no-policy-gate"), role);
        assertFalse(role.contains("environment:") || SecretBindings.uses(role, "edxstack_credentials"), role);
    }

    @Test
    void drift_refreshesWithoutWritingAndExpectsNoChanges() throws IOException {
        String drift = Files.readString(Path.of("config-project/playbooks/edxstack-production/drift.yaml"));

        assertTrue(drift.contains("refresh --stack") && drift.contains("--preview-only") && drift.contains("--expect-no-changes"));
        assertEquals(Set.of("periodic-drift"), pipelinesRunning("edxstack-drift-prod-primary"));
    }

    @Test
    void deploy_neverPrintsValuesAndPublishesOnlyTheMaskedLog() throws IOException {
        String deploy = Files.readString(Path.of("config-project/playbooks/edxstack-production/deploy.yaml"));

        assertFalse(deploy.contains("--diff"));
        assertTrue(deploy.contains("--suppress-outputs"));
        assertTrue(deploy.contains("io.edxstack.review.report.MaskedLog"));
        String decision = Files.readString(Path.of("config-project/roles/edxstack-deploy-decision/tasks/main.yaml"));
        assertTrue(deploy.contains("edxstack-deploy-decision"));
        assertTrue(decision.contains("io.edxstack.review.guard.CommitTrailers, Region-Down"));
        for (Path file : yamlFiles()) {
            assertFalse(Files.readString(file).contains("regex_findall"), file + ": footers are parsed by CommitTrailers only");
        }
    }

    @Test
    void drPromotion_deploysWithoutWaitingForPrimary() {
        JsonNode deployJobs = zuul.projects.stream().filter(p -> p.has("deploy")).findFirst().orElseThrow()
                .path("deploy").path("jobs");
        Map<String, JsonNode> variants = new HashMap<>();
        deployJobs.forEach(job -> {
            if (job.isObject()) {
                variants.put(job.fieldNames().next(), job.elements().next());
            }
        });

        assertTrue(ZuulConfig.jobNames(deployJobs).contains("edxstack-deploy-prod-dr-promote"));
        assertFalse(variants.containsKey("edxstack-deploy-prod-dr-promote"), "the promotion job has no dependency");
        assertEquals("edxstack-deploy-prod-primary",
                variants.get("edxstack-deploy-prod-dr").path("dependencies").get(0).asText());
        assertEquals("promoting-dr", zuul.attribute("edxstack-deploy-prod-dr-promote", "vars").orElseThrow()
                .path("edxstack_deploy_when").asText());
        assertEquals("not-promoting-dr", zuul.attribute("edxstack-deploy-prod-dr", "vars").orElseThrow()
                .path("edxstack_deploy_when").asText());
    }

    @Test
    void everyJobPlaybookAndRole_exists() throws IOException {
        List<String> missing = new ArrayList<>();
        SecretBindings bindings = new SecretBindings(zuul);
        for (ZuulConfig.Job job : zuul.jobs.values()) {
            for (String field : List.of("pre-run", "run", "post-run")) {
                for (String path : ZuulConfig.strings(job.body().get(field))) {
                    Path playbook = job.projectRoot().resolve(path);
                    if (!Files.isRegularFile(playbook)) {
                        missing.add(job.name() + "." + field + ": " + path);
                        continue;
                    }
                    Pattern.compile("(?m)(?:^\\s*-\\s+|name:\\s+)(edxstack-[\\w-]+)\\s*$").matcher(Files.readString(playbook))
                            .results().map(m -> m.group(1)).filter(role -> bindings.roleDirectory(role) == null)
                            .forEach(role -> missing.add(path + ": role " + role));
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void buildNode_installsTheJavaReleaseThePomCompilesForAndMaven() throws IOException {
        String release = Pattern.compile("<maven.compiler.release>(\\d+)</maven.compiler.release>")
                .matcher(Files.readString(Path.of("pom.xml"))).results().findFirst().orElseThrow().group(1);
        JsonNode defaults = ZuulConfig.yaml(Path.of("roles/edxstack-java/defaults/main.yaml"));
        List<String> packages = ZuulConfig.strings(defaults.get("edxstack_java_packages"));

        assertTrue(packages.contains("openjdk-" + release + "-jdk-headless"), packages::toString);
        assertTrue(packages.contains("maven"), packages::toString);
    }

    private Set<String> pipelinesRunning(String job) {
        Set<String> pipelines = new java.util.TreeSet<>();
        for (JsonNode project : zuul.projects) {
            project.fieldNames().forEachRemaining(field -> {
                if (ZuulConfig.jobNames(project.path(field).path("jobs")).contains(job)) {
                    pipelines.add(field);
                }
            });
        }
        return pipelines;
    }

    private static Set<String> fieldNames(JsonNode node, String except) {
        Set<String> names = new java.util.TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        names.remove(except);
        return names;
    }

    /** The lines of a YAML entry: the line at start and the following ones indented deeper. */
    private static String block(String text, int start, int indent) {
        String[] lines = text.substring(start).split("\n");
        StringBuilder block = new StringBuilder(lines[0]);
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            int lineIndent = line.length() - line.stripLeading().length();
            if (!line.isBlank() && lineIndent <= indent) {
                break;
            }
            block.append('\n').append(line);
        }
        return block.toString();
    }

    private static List<Path> yamlFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String root : List.of("playbooks", "roles", "config-project")) {
            try (var walk = Files.walk(Path.of(root))) {
                walk.filter(p -> p.toString().endsWith(".yaml")).forEach(files::add);
            }
        }
        return files;
    }

    private static Path miniProject(Path dir, boolean passToParent) throws IOException {
        Path project = dir.resolve("p");
        Files.createDirectories(project.resolve("zuul.d"));
        Files.createDirectories(project.resolve("playbooks"));
        Files.writeString(project.resolve("playbooks/pre.yaml"), "- hosts: all\n  tasks:\n    - copy: {content: \"{{ creds.key }}\", dest: /tmp/k}\n      no_log: true\n");
        Files.writeString(project.resolve("playbooks/run.yaml"), "- hosts: all\n  tasks: []\n");
        Files.writeString(project.resolve("zuul.d/jobs.yaml"), """
                - job: {name: parent, abstract: true, pre-run: playbooks/pre.yaml}
                - job:
                    name: child
                    parent: parent
                    run: playbooks/run.yaml
                    secrets:
                      - name: creds
                        secret: s
                        pass-to-parent: %s
                """.formatted(passToParent));
        return project;
    }
}
