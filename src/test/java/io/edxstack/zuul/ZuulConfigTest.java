package io.edxstack.zuul;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Zuul configuration keeps secrets away from unreviewed code and deploys one change at a time per stack. */
class ZuulConfigTest {

    private static final Path ZUUL_D = Path.of("zuul.d");
    private static final Pattern SECRET_FIELD = Pattern.compile("(?i).*(secret|key|password|passphrase|_id)$|prod-.*");
    private static ZuulConfig zuul;

    @BeforeAll
    static void load() throws IOException {
        zuul = ZuulConfig.load(ZUUL_D);
    }

    @Test
    void everyJobPlaybook_exists() {
        List<String> missing = new ArrayList<>();
        zuul.jobs.forEach((name, job) -> {
            for (String field : List.of("pre-run", "run", "post-run", "cleanup-run")) {
                ZuulConfig.strings(job.get(field)).stream().filter(path -> !Files.isRegularFile(Path.of(path)))
                        .forEach(path -> missing.add(name + "." + field + ": " + path));
            }
        });
        assertEquals(List.of(), missing);
        assertFalse(zuul.jobs.isEmpty());
    }

    @Test
    void everyRoleThePlaybooksUse_exists() throws IOException {
        List<String> missing = new ArrayList<>();
        try (var playbooks = Files.walk(Path.of("playbooks"))) {
            for (Path playbook : playbooks.filter(path -> path.toString().endsWith(".yaml")).toList()) {
                JsonNode plays = ZuulConfig.yaml(playbook);
                for (JsonNode play : plays) {
                    ZuulConfig.strings(play.get("roles")).forEach(role -> requireRole(role, playbook, missing));
                    play.path("tasks").forEach(task -> {
                        JsonNode included = task.path("ansible.builtin.include_role").path("name");
                        if (included.isTextual()) {
                            requireRole(included.asText(), playbook, missing);
                        }
                    });
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void preReviewPipelines_runNoJobWithSecrets() {
        List<String> offending = new ArrayList<>();
        int checked = 0;
        for (JsonNode project : zuul.projects) {
            for (Map.Entry<String, JsonNode> pipeline : zuul.pipelines.entrySet()) {
                if (pipeline.getValue().path("post-review").asBoolean(false) || !project.has(pipeline.getKey())) {
                    continue;
                }
                for (String job : ZuulConfig.jobNames(project.path(pipeline.getKey()).path("jobs"))) {
                    checked++;
                    if (!zuul.secretsOf(job).isEmpty()) {
                        offending.add(pipeline.getKey() + ": " + job + " uses " + zuul.secretsOf(job));
                    }
                }
            }
        }
        assertEquals(List.of(), offending);
        assertTrue(checked > 0, "the check pipeline runs jobs");
    }

    @Test
    void everyJobWithSecrets_isPostReview() {
        List<String> offending = new ArrayList<>();
        zuul.jobs.keySet().stream().filter(job -> !zuul.secretsOf(job).isEmpty()).forEach(job -> {
            boolean postReview = zuul.attribute(job, "post-review").map(JsonNode::asBoolean).orElse(false);
            if (!postReview) {
                offending.add(job);
            }
        });
        assertEquals(List.of(), offending);
    }

    @Test
    void deployJobs_holdTheirStacksSemaphore() {
        List<String> deployJobs = zuul.jobs.keySet().stream().filter(job -> job.startsWith("edxstack-deploy-"))
                .toList();
        assertEquals(3, deployJobs.size(), deployJobs::toString);
        for (String job : deployJobs) {
            String stack = zuul.attribute(job, "vars").map(vars -> vars.path("edxstack_stack").asText()).orElse("");
            List<String> semaphores = ZuulConfig.strings(zuul.attribute(job, "semaphores").orElse(null));
            assertEquals(List.of("edxstack-" + stack), semaphores, job);
            assertEquals(1, zuul.semaphores.get("edxstack-" + stack).path("max").asInt(), job);
        }
    }

    @Test
    void deployPipeline_isSerialOnChangeMerged() {
        JsonNode deploy = zuul.pipelines.get("deploy");

        assertEquals("serial", deploy.path("manager").asText());
        assertEquals("change-merged", deploy.path("trigger").path("gerrit").get(0).path("event").asText());
        assertTrue(deploy.path("post-review").asBoolean());
    }

    @Test
    void drPromotion_deploysWithoutWaitingForPrimary() {
        JsonNode deployJobs = zuul.projects.get(0).path("deploy").path("jobs");
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
        assertEquals(List.of("^Pulumi\\.prod-dr\\.yaml$"),
                ZuulConfig.strings(zuul.jobs.get("edxstack-deploy-prod-dr-promote").get("files")));
        assertTrue("Pulumi.prod-dr.yaml".matches(
                ZuulConfig.strings(zuul.jobs.get("edxstack-deploy-prod-dr").get("irrelevant-files")).get(0)));
    }

    @Test
    void referencedPipelinesSecretsAndSemaphores_areDefined() {
        List<String> undefined = new ArrayList<>();
        for (JsonNode project : zuul.projects) {
            project.fieldNames().forEachRemaining(field -> {
                if (project.get(field).has("jobs") && !zuul.pipelines.containsKey(field)) {
                    undefined.add("pipeline " + field);
                }
                ZuulConfig.jobNames(project.path(field).path("jobs")).stream()
                        .filter(job -> !zuul.jobs.containsKey(job)).forEach(job -> undefined.add("job " + job));
            });
        }
        zuul.jobs.keySet().forEach(job -> {
            zuul.secretsOf(job).stream().filter(secret -> !zuul.secrets.containsKey(secret))
                    .forEach(secret -> undefined.add("secret " + secret));
            ZuulConfig.strings(zuul.jobs.get(job).get("semaphores")).stream()
                    .filter(semaphore -> !zuul.semaphores.containsKey(semaphore))
                    .forEach(semaphore -> undefined.add("semaphore " + semaphore));
        });
        assertEquals(List.of(), undefined);
    }

    @Test
    void secretFieldsThatLookSecret_areEncryptedPlaceholders() throws IOException {
        List<String> plain = new ArrayList<>();
        int encrypted = 0;
        try (YAMLParser parser = (YAMLParser) new YAMLFactory().createParser(ZUUL_D.resolve("secrets.yaml").toFile())) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                boolean dataField = token == JsonToken.FIELD_NAME && parser.getParsingContext().getParent() != null
                        && "data".equals(parser.getParsingContext().getParent().getCurrentName());
                if (!dataField || !SECRET_FIELD.matcher(parser.currentName()).matches()) {
                    continue;
                }
                String field = parser.currentName();
                parser.nextToken();
                if ("encrypted/pkcs1-oaep".equals(parser.getTypeId())) {
                    encrypted++;
                } else {
                    plain.add(field + " at line " + parser.currentLocation().getLineNr());
                }
                parser.skipChildren();
            }
        }
        assertEquals(List.of(), plain);
        assertTrue(encrypted >= 14, "every credential field is encrypted, found " + encrypted);
    }

    @Test
    void repositoryRoles_carryTheProjectPrefix() throws IOException {
        // A role named like one of zuul-jobs (its ensure-java installs Java 8 by default) would be picked by role-path
        // order, which the tenant's base job decides: the prefix keeps ours unambiguous.
        try (var roles = Files.list(Path.of("roles"))) {
            List<String> names = roles.map(role -> role.getFileName().toString()).sorted().toList();
            assertTrue(names.contains("edxstack-java"), names::toString);
            assertEquals(List.of(), names.stream().filter(name -> !name.startsWith("edxstack-")).toList());
        }
    }

    @Test
    void buildNode_installsTheJavaReleaseThePomCompilesForAndMaven() throws IOException {
        String release = Pattern.compile("<maven.compiler.release>(\\d+)</maven.compiler.release>")
                .matcher(Files.readString(Path.of("pom.xml"))).results().findFirst().orElseThrow().group(1);
        JsonNode defaults = ZuulConfig.yaml(Path.of("roles/edxstack-java/defaults/main.yaml"));
        List<String> packages = ZuulConfig.strings(defaults.get("edxstack_java_packages"));
        JsonNode basePlays = ZuulConfig.yaml(Path.of(zuul.jobs.get("edxstack-base").path("pre-run").asText()));

        assertTrue(packages.contains("openjdk-" + release + "-jdk-headless"), packages::toString);
        assertTrue(packages.contains("maven"), packages::toString);
        assertTrue(ZuulConfig.strings(basePlays.get(0).get("roles")).contains("edxstack-java"));
    }

    private static void requireRole(String role, Path playbook, List<String> missing) {
        if (!Files.isDirectory(Path.of("roles", role))) {
            missing.add(playbook + ": role " + role);
        }
    }
}
