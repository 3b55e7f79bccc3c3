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
 * Tutor parity, tested: for the demo platform (tutor-mfe enabled) and the training platform (external MySQL, the team
 * plugin tutor/plugins/closed-registration.yml), the pinned Tutor renders its reference environment for the same
 * config and plugins (without edxstack's patches) and this test
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
            TutorEnvironment reference = TutorRenderer.render(reference(spec, edxstack));
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

    /**
     * Tutor's reference for a platform: the same config, no edxstack patch, and the plugins the catalogue enables
     * (tutor-mfe with the MFE, then {@code plugins:}, each YAML plugin read from its file here), as
     * {@code tutor plugins enable} would have them: a plugin edxstack dropped from its render is a difference.
     */
    private static TutorRequest reference(PlatformSpec spec, TutorRequest edxstack) throws Exception {
        List<String> plugins = new ArrayList<>(spec.hasMfe() ? List.of("mfe") : List.of());
        Map<String, String> yamlPlugins = new TreeMap<>();
        for (var plugin : spec.plugins()) {
            plugins.add(plugin.name());
            Path file = Path.of("tutor/plugins", plugin.name() + ".yml");
            if (Files.exists(file)) {
                yamlPlugins.put(plugin.name(), Files.readString(file));
            }
        }
        return new TutorRequest(spec.name(), edxstack.config(), plugins, Map.of(), yamlPlugins);
    }

    @Test
    void teamPlugin_patchesTheSettingsThePodsMount_asInTutorsReference() throws Exception {
        DesiredState state = TestProject.REPOSITORY_RENDER.primary();
        StackInputs inputs = StackInputs.load(TestProject.REPOSITORY, "prod-primary",
                StackFiles.read(TestProject.REPOSITORY, "prod-primary"));
        PlatformSpec training = inputs.platforms().stream().filter(p -> p.name().equals("training")).findFirst().orElseThrow();
        assertEquals(List.of("closed-registration"), training.plugins().stream().map(p -> p.name()).toList());
        String patch = YAML.readTree(Files.readString(Path.of("tutor/plugins/closed-registration.yml")))
                .at("/patches/openedx-lms-common-settings").asText();
        assertTrue(patch.contains("ALLOW_PUBLIC_ACCOUNT_CREATION"), patch);

        TutorRequest edxstack = TutorConfigs.request(training, inputs.config());
        String file = "lms.production.py";
        String withPlugin = PlatformSettings.data(TutorRenderer.render(reference(training, edxstack))).get(file);
        String withoutPlugin = PlatformSettings.data(TutorRenderer.render(new TutorRequest("training",
                edxstack.config(), List.of(), Map.of()))).get(file);
        assertTrue(withPlugin.contains(patch.strip()), "Tutor renders the plugin's patch into " + file);
        assertTrue(!withoutPlugin.contains("ALLOW_PUBLIC_ACCOUNT_CREATION"), "the flag comes from the plugin only");

        RenderedResource configMap = Rendered.named(state, Rendered.CONFIG_MAP, "training-openedx-settings-").get(0);
        String mounted = (String) map(configMap.state().inputs(), "data").get(file);
        assertTrue(mounted.contains(patch.strip()), "the LMS pods mount the plugin's settings");
        assertTrue(!map(Rendered.named(state, Rendered.CONFIG_MAP, "demo-openedx-settings-").get(0).state().inputs(), "data")
                .get(file).toString().contains("ALLOW_PUBLIC_ACCOUNT_CREATION"), "a plugin of one platform changes no other");
    }

    /**
     * Caddy's own reading of the mounted Caddyfile, where a Caddy binary is given (EDXSTACK_CADDY, e.g. the pinned
     * Tutor's Caddy 2.11.7 built from its Go module; none is part of the build, so this is skipped without it): it
     * adapts, TLS on the container's https port serves the sites of the structural reading, from the Secret's folder.
     */
    @Test
    void frontDoor_caddyAdaptsTheMountedCaddyfile() throws Exception {
        String caddyBinary = System.getenv("EDXSTACK_CADDY");
        org.junit.jupiter.api.Assumptions.assumeTrue(caddyBinary != null && Files.isExecutable(Path.of(caddyBinary)),
                "EDXSTACK_CADDY names no Caddy binary");
        DesiredState state = TestProject.REPOSITORY_RENDER.primary();
        for (String platform : PLATFORMS) {
            Map<String, Object> caddy = Rendered.container(state.get(Rendered.DEPLOYMENT, platform + "-caddy"), "caddy");
            String mounted = (String) map(Rendered.named(state, Rendered.CONFIG_MAP, platform + "-caddy-config-").get(0)
                    .state().inputs(), "data").get(CaddyConfig.CADDYFILE);
            Path file = Files.createTempFile("edxstack-caddyfile-", "");
            Files.writeString(file, mounted);
            ProcessBuilder adapt = new ProcessBuilder(caddyBinary, "adapt", "--config", file.toString(),
                    "--adapter", "caddyfile").redirectError(ProcessBuilder.Redirect.DISCARD);
            Map<String, String> env = new TreeMap<>();
            list(caddy, "env").forEach(e -> env.put((String) at(e, "name"), String.valueOf(at(e, "value"))));
            adapt.environment().putAll(env);
            Process process = adapt.start();
            JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(process.getInputStream());
            assertEquals(0, process.waitFor(), platform + ": caddy adapt");
            Files.delete(file);
            Set<String> hosts = new TreeSet<>();
            Set<String> listeners = new TreeSet<>();
            json.at("/apps/http/servers").forEach(server -> {
                listeners.add(server.path("listen").get(0).asText());
                if (server.path("tls_connection_policies").isArray()) {
                    server.path("routes").forEach(r -> r.path("match").forEach(m -> m.path("host")
                            .forEach(h -> hosts.add(h.asText()))));
                }
            });
            Set<String> expected = new TreeSet<>(CaddyfileSites.read(mounted, env).keySet());
            expected.remove("http://");
            assertEquals(expected, hosts, platform + ": the sites Caddy serves with TLS");
            assertEquals(Set.of(":" + CaddyConfig.HTTP_PORT, ":" + CaddyConfig.HTTPS_PORT), listeners, platform);
            Set<String> folders = new TreeSet<>();
            json.at("/apps/tls/certificates/load_folders").forEach(f -> folders.add(f.asText()));
            assertEquals(Set.of(CaddyConfig.TLS_DIR), folders, platform);
        }
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
        caddyfile(state, platform, reference, patches, out);
        frontDoorSites(state, platform, reference, out);
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
            if (!sameWithoutPatches(mounted, text, patches, out)) {
                out.add("settings " + key + ": differs from Tutor's");
            }
        });
    }

    /** Tutor's Caddyfile against the front door's (Caddy mode): identical once edxstack's patches are taken out. */
    private static void caddyfile(DesiredState state, String platform, TutorEnvironment reference,
                                  Map<String, List<String>> patches, List<String> out) {
        List<RenderedResource> configMaps = Rendered.named(state, Rendered.CONFIG_MAP, platform + "-caddy-config-");
        if (configMaps.isEmpty()) {
            out.add("Caddyfile: no front door ConfigMap");
            return;
        }
        String mounted = (String) map(configMaps.get(0).state().inputs(), "data").get(CaddyConfig.CADDYFILE);
        if (!sameWithoutPatches(mounted, reference.file(CaddyConfig.TUTOR_CADDYFILE), patches, out)) {
            out.add("Caddyfile: differs from Tutor's");
        }
    }

    /**
     * Whether the text is Tutor's once edxstack's patches are taken out, each noted as "patch NAME" when found. Tutor joins the patches of one
     * patch point with a new line, and some templates indent a patch ({@code |indent(4)}: every line but the first),
     * so each content is looked for as it is and indented, and taken out with or without the new line before it.
     */
    static boolean sameWithoutPatches(String mounted, String tutors, Map<String, List<String>> patches,
                                      List<String> out) {
        List<String> contents = new ArrayList<>();
        for (var patch : patches.entrySet()) {
            for (String content : patch.getValue()) {
                for (String form : List.of(content, content.replace("\n", "\n    "))) {
                    if (mounted.contains(form)) {
                        out.add("patch " + patch.getKey());
                        contents.add(form);
                        break;
                    }
                }
            }
        }
        for (int combination = 0; combination < 1 << contents.size(); combination++) {
            String stripped = mounted;
            for (int i = 0; i < contents.size(); i++) {
                stripped = stripped.replace(((combination >> i & 1) == 1 ? "\n" : "") + contents.get(i), "");
            }
            if (stripped.equals(tutors)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The front door serves the sites Tutor routes, read from the mounted Caddyfile as Caddy reads it (with the
     * container's environment): the same site addresses with the same upstreams as Tutor's own Caddyfile, each
     * upstream a Service of the namespace with that port, each site with the certificate of the platform's Secret;
     * plain HTTP on the container's http port answering the probes' path and each certificate name's challenges.
     * A site Tutor routes that the certificate does not name is a difference to list.
     */
    private static void frontDoorSites(DesiredState state, String platform, TutorEnvironment reference, List<String> out) {
        List<RenderedResource> configMaps = Rendered.named(state, Rendered.CONFIG_MAP, platform + "-caddy-config-");
        if (configMaps.isEmpty()) {
            return; // Ingress mode: reported by caddyfile()
        }
        RenderedResource deployment = state.get(Rendered.DEPLOYMENT, platform + "-caddy");
        Map<String, Object> caddy = Rendered.container(deployment, "caddy");
        Map<String, String> env = new TreeMap<>();
        list(caddy, "env").forEach(e -> env.put((String) at(e, "name"), String.valueOf(at(e, "value"))));
        Map<String, String> tutorEnv = new TreeMap<>();
        TutorManifests.of(reference).container("Deployment", "caddy").path("env")
                .forEach(e -> tutorEnv.put(e.path("name").asText(), e.path("value").asText()));
        String mounted = (String) map(configMaps.get(0).state().inputs(), "data").get(CaddyConfig.CADDYFILE);
        Map<String, CaddyfileSites.Site> sites = new LinkedHashMap<>(CaddyfileSites.read(mounted, env));
        Map<String, CaddyfileSites.Site> tutors = CaddyfileSites.read(reference.file(CaddyConfig.TUTOR_CADDYFILE), tutorEnv);
        CaddyfileSites.Site http = sites.remove("http://");
        assertTrue(http != null, platform + ": the front door has no plain HTTP site");

        assertEquals(tutors.keySet(), sites.keySet(), platform + ": the sites Tutor routes");
        String tlsMount = list(caddy, "volumeMounts").stream().filter(m -> "tls".equals(at(m, "name")))
                .map(m -> (String) at(m, "mountPath")).findFirst().orElseThrow();
        assertEquals(FrontDoor.TLS_SECRET, at(podSpec(deployment), "volumes[1].secret.secretName"));
        assertEquals("tls", at(podSpec(deployment), "volumes[1].name"));
        for (var site : sites.values()) {
            assertEquals(tutors.get(site.address()).upstreams(), site.upstreams(), platform + " " + site.address());
            assertEquals(Set.of(tlsMount), site.certificateFolders(), platform + " " + site.address()
                    + ": the certificate from the Secret " + FrontDoor.TLS_SECRET);
            for (String upstream : site.upstreams()) {
                assertServicePort(state, platform, upstream);
            }
        }

        Map<String, Long> ports = new TreeMap<>();
        list(caddy, "ports").forEach(p -> ports.put((String) at(p, "name"), (Long) at(p, "containerPort")));
        Map<String, List<String>> global = new TreeMap<>();
        CaddyfileSites.globalOptions(mounted).forEach(o -> global.put(o.name(), o.tokens().subList(1, o.tokens().size())));
        assertEquals(List.of(String.valueOf(ports.get("http"))), global.get("http_port"), platform);
        assertEquals(List.of(String.valueOf(ports.get("https"))), global.get("https_port"), platform);
        assertEquals(List.of("off"), global.get("auto_https"), platform + ": no ACME in Caddy");

        String probe = (String) at(caddy, "readinessProbe.httpGet.path");
        assertEquals("http", at(caddy, "readinessProbe.httpGet.port"));
        assertTrue(http.statements().stream().anyMatch(st -> st.tokens().equals(List.of("handle", probe))),
                platform + ": plain HTTP answers the probes' " + probe);
        Map<String, String> matcherHosts = new TreeMap<>();
        Map<String, String> handled = new TreeMap<>();
        for (CaddyfileSites.Statement st : http.statements()) {
            if (st.name().startsWith("@") && st.block() != null) {
                st.block().stream().filter(b -> b.name().equals("host"))
                        .forEach(b -> matcherHosts.put(st.name(), b.tokens().get(1)));
            }
            if (st.name().equals("handle") && st.tokens().size() == 2 && st.block() != null) {
                st.block().stream().filter(b -> b.name().equals("reverse_proxy"))
                        .forEach(b -> handled.put(st.tokens().get(1), b.tokens().get(1)));
            }
        }
        RenderedResource certificate = state.get(Rendered.CERTIFICATE, platform + "-certificate");
        @SuppressWarnings("unchecked")
        List<String> names = (List<String>) at(certificate, "spec.dnsNames");
        for (String name : names) {
            assertTrue(sites.containsKey(name), platform + ": the certificate's " + name + " is not served");
            String solver = matcherHosts.entrySet().stream().filter(e -> e.getValue().equals(name))
                    .map(e -> handled.get(e.getKey())).findFirst().orElse(null);
            assertTrue(solver != null, platform + ": no HTTP-01 route for " + name);
            RenderedResource service = assertServicePort(state, platform, solver);
            assertEquals(FrontDoor.solverDomainLabel(name), map(service.state().inputs(), "spec.selector")
                    .get(FrontDoor.SOLVER_DOMAIN_LABEL), solver + " selects the solver of " + name);
        }
        String lmsHost = names.get(0);
        for (String address : sites.keySet()) {
            if (!names.contains(address)) {
                out.add("Caddyfile: site " + address.replace(lmsHost, "<LMS host>") + " not in the certificate");
            }
        }
    }

    /** The Service of {@code service:port} in the platform's namespace, which must expose that port. */
    private static RenderedResource assertServicePort(DesiredState state, String platform, String upstream) {
        String[] parts = upstream.split(":");
        RenderedResource service = state.ofType(Rendered.SERVICE).stream()
                .filter(r -> platform.equals(at(r, "metadata.namespace")) && parts[0].equals(at(r, "metadata.name")))
                .findFirst().orElseThrow(() -> new AssertionError(platform + ": no Service " + parts[0]
                        + " for the front door's upstream " + upstream));
        assertTrue(list(service.state().inputs(), "spec.ports").stream()
                        .anyMatch(p -> Long.parseLong(parts[1]) == (Long) at(p, "port")),
                platform + ": Service " + parts[0] + " has no port " + parts[1]);
        return service;
    }

    private static String trailing(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
