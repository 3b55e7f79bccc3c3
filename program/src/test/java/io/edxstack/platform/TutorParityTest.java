package io.edxstack.platform;

import static io.edxstack.platform.Rendered.at;
import static io.edxstack.platform.Rendered.list;
import static io.edxstack.platform.Rendered.map;
import static io.edxstack.platform.Rendered.podSpec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.edxstack.config.PlatformSpec;
import io.edxstack.config.StackInputs;
import io.edxstack.config.StackFiles;
import io.edxstack.render.DesiredState;
import io.edxstack.render.RenderedResource;
import io.edxstack.testing.TestProject;
import io.edxstack.tutorenv.TutorEnvironment;
import io.edxstack.tutorenv.TutorRenderer;
import io.edxstack.tutorenv.TutorRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Tutor parity, tested: for the demo platform (tutor-mfe enabled) and the training platform (external MySQL), the
 * pinned Tutor renders its reference environment for the same config (without edxstack's patches) and this test
 * compares it with what edxstack deploys. Every Deployment, Job and Service of Tutor's k8s manifests needs a
 * counterpart with the same image, command, arguments, ports, mounted files and environment names; every settings
 * file Tutor renders must be what the pods mount, but for edxstack's patches. Each difference found must be listed
 * with its reason in the reviewed file {@code tutor/parity-differences.yaml}, and each listed one must still occur:
 * a Tutor upgrade that changes either side fails here until the difference is taken over or listed.
 */
class TutorParityTest {
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final List<String> PLATFORMS = List.of("demo", "training");
    private static final Map<String, String> KIND_TYPES = Map.of(
            "Deployment", "kubernetes:apps/v1:Deployment",
            "StatefulSet", "kubernetes:apps/v1:StatefulSet",
            "Job", "kubernetes:batch/v1:Job",
            "Service", "kubernetes:core/v1:Service");

    @Test
    void tutorsReferenceEnvironment_differsOnlyAsListed() throws Exception {
        DesiredState state = TestProject.REPOSITORY_RENDER.primary();
        StackInputs inputs = StackInputs.load(TestProject.REPOSITORY, "prod-primary",
                StackFiles.read(TestProject.REPOSITORY, "prod-primary"));
        Map<String, String> listed = listed();
        Map<String, Set<String>> found = new TreeMap<>();
        for (String platform : PLATFORMS) {
            PlatformSpec spec = inputs.platforms().stream().filter(p -> p.name().equals(platform)).findFirst().orElseThrow();
            TutorRequest edxstack = TutorConfigs.request(spec, inputs.config());
            TutorEnvironment reference = TutorRenderer.render(new TutorRequest(platform, edxstack.config(),
                    edxstack.plugins(), Map.of()));
            for (String difference : differences(state, platform, reference, edxstack.patches())) {
                found.computeIfAbsent(difference, d -> new TreeSet<>()).add(platform);
            }
        }
        Set<String> unlisted = new TreeSet<>(found.keySet());
        unlisted.removeAll(listed.keySet());
        Set<String> stale = new TreeSet<>(listed.keySet());
        stale.removeAll(found.keySet());
        assertTrue(unlisted.isEmpty(), "differences from Tutor not listed in tutor/parity-differences.yaml "
                + "(take Tutor's value, or list it with its reason): " + describe(unlisted, found));
        assertTrue(stale.isEmpty(), "listed in tutor/parity-differences.yaml but no longer found: " + stale);
        listed.forEach((difference, reason) -> assertTrue(reason != null && reason.length() > 20,
                "give the reason of " + difference));
    }

    @Test
    void mfeCaddyfile_servesTheMfePortThatTheServiceTargets() {
        DesiredState state = TestProject.REPOSITORY_RENDER.primary();
        RenderedResource mfe = state.get(Rendered.DEPLOYMENT, "demo-mfe");
        String configMap = (String) at(podSpec(mfe), "volumes[0].configMap.name");
        String caddyfile = (String) map(state.get(Rendered.CONFIG_MAP, "demo-" + configMap).state().inputs(), "data")
                .get("Caddyfile");
        long port = (Long) at(Rendered.container(mfe, "mfe"), "ports[0].containerPort");
        assertTrue(caddyfile.startsWith(":" + port + " {"), "the site address of the mounted Caddyfile: " + caddyfile.lines().findFirst());
        assertEquals(port, at(state.get(Rendered.SERVICE, "demo-mfe"), "spec.ports[0].port"));
        assertEquals("/etc/caddy/", at(Rendered.container(mfe, "mfe"), "volumeMounts[0].mountPath"),
                "Caddy's default config file, /etc/caddy/Caddyfile");
        // The runtime MFE config comes from the LMS's API through its Service.
        assertTrue(caddyfile.contains("reverse_proxy lms:8000"), caddyfile);
        assertEquals(8000L, at(state.get(Rendered.SERVICE, "demo-lms"), "spec.ports[0].port"));
    }

    @Test
    void initJobs_runTutorsOwnTasks_withSecretsFromTheEnvironment() {
        DesiredState state = TestProject.REPOSITORY_RENDER.primary();
        Map<String, String> scripts = new TreeMap<>();
        for (String step : List.of("lms-init", "cms-init", "mfe-init")) {
            RenderedResource job = Rendered.named(state, Rendered.JOB, "demo-" + step + "-").get(0);
            scripts.put(step, (String) ((List<?>) Rendered.container(job, step).get("command")).get(2));
        }
        // Tutor v22's tasks: migrations, Meilisearch indexes, Studio's SSO client, authorization policies...
        assertTrue(scripts.get("lms-init").contains("./manage.py lms migrate"));
        assertTrue(scripts.get("lms-init").contains("search.meilisearch.create_indexes()"));
        assertTrue(scripts.get("lms-init").contains("--client-id cms-sso"));
        assertTrue(scripts.get("lms-init").contains("./manage.py lms load_policies"));
        assertTrue(scripts.get("cms-init").contains("./manage.py cms reindex_studio"));
        assertTrue(scripts.get("cms-init").contains("./manage.py cms load_policies"));
        // ... and tutor-mfe's, on the platform that runs the plugin.
        assertTrue(scripts.get("mfe-init").contains("waffle"), scripts.get("mfe-init"));
        assertTrue(Rendered.named(state, Rendered.JOB, "training-mfe-init-").isEmpty());
        scripts.values().forEach(script -> assertTrue(!script.contains("@@"), "a placeholder left in " + script));
        assertTrue(scripts.get("lms-init").contains("--client-secret \"${EDXSTACK_CMS_OAUTH2_SECRET}\""));
    }

    private static String describe(Set<String> differences, Map<String, Set<String>> found) {
        StringBuilder out = new StringBuilder();
        differences.forEach(d -> out.append("\n  ").append(d).append("  (").append(found.get(d)).append(")"));
        return out.toString();
    }

    static Map<String, String> listed() throws Exception {
        JsonNode file = YAML.readTree(Files.readString(Path.of("tutor/parity-differences.yaml")));
        Map<String, String> listed = new LinkedHashMap<>();
        file.path("differences").fields().forEachRemaining(e -> listed.put(e.getKey(), e.getValue().asText()));
        return listed;
    }

    /** Every difference between Tutor's reference environment and edxstack's render of one platform. */
    static List<String> differences(DesiredState state, String platform, TutorEnvironment reference,
                                    Map<String, List<String>> patches) {
        List<String> out = new ArrayList<>();
        for (JsonNode object : TutorManifests.of(reference).all()) {
            String kind = object.path("kind").asText();
            String name = object.at("/metadata/name").asText();
            String key = kind + "/" + name;
            switch (kind) {
                case "Deployment", "Job" -> workload(state, platform, kind, name, object, out);
                case "Service" -> service(state, platform, name, object, out);
                default -> out.add(key + ": kind not compared");
            }
        }
        settings(state, platform, reference, patches, out);
        return out;
    }

    private static Optional<RenderedResource> edxstack(DesiredState state, String platform, String kind, String name) {
        return state.ofType(KIND_TYPES.get(kind)).stream()
                .filter(r -> platform.equals(at(r, "metadata.namespace")) && name.equals(at(r, "metadata.name")))
                .findFirst();
    }

    private static void workload(DesiredState state, String platform, String kind, String name, JsonNode tutor,
                                 List<String> out) {
        String key = kind + "/" + name;
        Optional<RenderedResource> counterpart = edxstack(state, platform, kind, name);
        if (counterpart.isEmpty() && kind.equals("Deployment")) {
            counterpart = edxstack(state, platform, "StatefulSet", name);
            counterpart.ifPresent(r -> out.add(key + ": a StatefulSet"));
        }
        if (counterpart.isEmpty() && kind.equals("Job")) {
            // edxstack's init Jobs are named <step>-<hash>, one per step; Tutor's one per service runs every task.
            out.add(key + ": init Jobs per step");
            return;
        }
        if (counterpart.isEmpty()) {
            out.add(key + ": no counterpart");
            return;
        }
        JsonNode tutorContainer = tutor.at("/spec/template/spec/containers/0");
        Map<String, Object> container = map(list(podSpec(counterpart.get()), "containers").get(0), "");
        if (!tutorContainer.path("image").asText().equals(container.get("image"))) {
            out.add(key + ": image");
        }
        compareList(key + ": command", tutorContainer.path("command"), container.get("command"), out);
        compareList(key + ": args", tutorContainer.path("args"), container.get("args"), out);
        Set<Long> tutorPorts = new TreeSet<>();
        tutorContainer.path("ports").forEach(p -> tutorPorts.add(p.path("containerPort").asLong()));
        Set<Long> ports = new TreeSet<>();
        list(container, "ports").forEach(p -> ports.add((Long) at(p, "containerPort")));
        if (!tutorPorts.equals(ports)) {
            out.add(key + ": ports " + tutorPorts + " against " + ports);
        }
        Set<String> mounts = new TreeSet<>();
        list(container, "volumeMounts").forEach(m -> mounts.add(trailing((String) at(m, "mountPath"))));
        tutorContainer.path("volumeMounts").forEach(m -> {
            if (!mounts.contains(trailing(m.path("mountPath").asText()))) {
                out.add(key + ": mount " + m.path("mountPath").asText());
            }
        });
        Set<String> env = new TreeSet<>();
        for (String containers : List.of("containers", "initContainers")) {
            for (Object c : list(podSpec(counterpart.get()), containers)) {
                list(map(c, ""), "env").forEach(e -> env.add((String) at(e, "name")));
            }
        }
        tutorContainer.path("env").forEach(e -> {
            if (!env.contains(e.path("name").asText())) {
                out.add(key + ": env " + e.path("name").asText());
            }
        });
    }

    private static void compareList(String key, JsonNode tutor, Object edxstack, List<String> out) {
        List<String> expected = tutor.isMissingNode() || tutor.isNull() ? List.of() : TutorManifests.strings(tutor);
        List<String> actual = edxstack == null ? List.of() : ((List<?>) edxstack).stream().map(String::valueOf).toList();
        if (!expected.equals(actual)) {
            out.add(key);
        }
    }

    private static void service(DesiredState state, String platform, String name, JsonNode tutor, List<String> out) {
        Optional<RenderedResource> service = edxstack(state, platform, "Service", name);
        if (service.isEmpty()) {
            out.add("Service/" + name + ": no counterpart");
            return;
        }
        Set<Long> tutorPorts = new TreeSet<>();
        tutor.at("/spec/ports").forEach(p -> tutorPorts.add(p.path("port").asLong()));
        Set<Long> ports = new TreeSet<>();
        list(service.get().state().inputs(), "spec.ports").forEach(p -> ports.add((Long) at(p, "port")));
        if (!tutorPorts.equals(ports)) {
            out.add("Service/" + name + ": ports " + tutorPorts + " against " + ports);
        }
    }

    /** Tutor's settings files against the pods' ConfigMap: identical once edxstack's patches are taken out. */
    private static void settings(DesiredState state, String platform, TutorEnvironment reference,
                                 Map<String, List<String>> patches, List<String> out) {
        RenderedResource configMap = Rendered.named(state, Rendered.CONFIG_MAP, platform + "-openedx-settings-").get(0);
        Map<String, Object> data = map(configMap.state().inputs(), "data");
        Map<String, String> expected = PlatformSettings.data(reference);
        expected.forEach((key, text) -> {
            String mounted = (String) data.get(key);
            if (mounted == null) {
                out.add("settings " + key + ": not mounted");
                return;
            }
            List<String> contents = new ArrayList<>();
            for (var patch : patches.entrySet()) {
                for (String content : patch.getValue()) {
                    if (mounted.contains(content)) {
                        out.add("patch " + patch.getKey());
                        contents.add(content);
                    }
                }
            }
            // Tutor joins the patches of one patch point with a new line: each content goes with or without it.
            for (int combination = 0; combination < 1 << contents.size(); combination++) {
                String stripped = mounted;
                for (int i = 0; i < contents.size(); i++) {
                    stripped = stripped.replace(((combination >> i & 1) == 1 ? "\n" : "") + contents.get(i), "");
                }
                if (stripped.equals(text)) {
                    mounted = stripped;
                    break;
                }
            }
            if (!mounted.equals(text)) {
                out.add("settings " + key + ": differs from Tutor's");
            }
        });
    }

    private static String trailing(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
