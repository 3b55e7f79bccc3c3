package io.edxstack.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edxstack.testing.TestProject;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The engine benchmark (bench/engine/run.sh): for N copies of the demo platform on prod-primary, against a fresh
 * local kube-apiserver, the wall time, peak memory and CPU split of {@code pulumi preview} (all creates),
 * {@code pulumi up} and a second {@code pulumi preview} (unchanged but for the re-run of init Jobs no kubelet
 * finished), side by side with
 * {@code kubectl apply --server-side --dry-run=server} of the same objects read back from the API server.
 * Prints figures; not a test.
 */
public final class EngineBench {
    private static final String STACK = "prod-primary";
    private static final List<String> NAMESPACED = List.of("deployments", "statefulsets", "services", "configmaps",
            "secrets", "cronjobs", "jobs", "networkpolicies", "poddisruptionbudgets", "resourcequotas", "limitranges",
            "horizontalpodautoscalers", "certificates.cert-manager.io");

    private EngineBench() {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = Stream.of((args.length > 0 ? args[0] : "5,20,50").split(",")).map(Integer::parseInt).toList();
        EngineTools tools = EngineTools.locate();
        System.out.printf(Locale.ROOT, "%-9s %-22s %9s %11s %9s %9s %9s %9s%n", "platforms", "step", "wall s",
                "peak MiB", "cli cpu", "provider", "program", "apiserver");
        for (int platforms : sizes) {
            run(tools, platforms);
        }
    }

    private static void run(EngineTools tools, int platforms) throws Exception {
        Path work = Files.createTempDirectory("edxstack-engine-bench-");
        try (LocalCluster cluster = LocalCluster.start(tools, work.resolve("cluster"))) {
            cluster.apply(TestProject.REPOSITORY.resolve("program/src/test/resources/e2e/cert-manager-crds.yaml"));
            TestProject project = project(work.resolve("project"), platforms);
            PulumiCli pulumi = new PulumiCli(tools, work, project.dir());
            try (ProgramHost host = ProgramHost.start(project.dir())) {
                byte[] key = new byte[48];
                new java.security.SecureRandom().nextBytes(key);
                EngineStacks.init(pulumi, project, STACK, cluster, Base64.getEncoder().encodeToString(key));
                // The peer stack must exist for the StackReference to resolve (README); empty is enough.
                pulumi.run("stack", "init", "prod-dr", "--secrets-provider", "passphrase").ok();
                measure(platforms, "preview (creates)", cluster, pulumi, "preview", "--stack", STACK, "--client", host.address());
                measure(platforms, "up", cluster, pulumi, "up", "--stack", STACK, "--client", host.address(), "--yes", "--skip-preview");
                measure(platforms, "preview (again)", cluster, pulumi, "preview", "--stack", STACK, "--client", host.address(),
                        "--show-sames");
                Path objects = work.resolve("objects.json");
                int count = exportObjects(cluster, platforms, objects);
                kubectlDryRun(platforms, count, cluster, objects);
            }
        }
    }

    private static void measure(int platforms, String step, LocalCluster cluster, PulumiCli pulumi, String... args) {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double apiBefore = ProcessSampler.cpuSeconds(cluster.processes());
        long jvmBefore = os.getProcessCpuTime();
        ProcessSampler[] sampler = new ProcessSampler[1];
        long start = System.nanoTime();
        PulumiCli.Result result = pulumi.runObserved(null, process -> sampler[0] = new ProcessSampler(process), args);
        double wall = (System.nanoTime() - start) / 1e9;
        sampler[0].close();
        result.ok();
        double program = (os.getProcessCpuTime() - jvmBefore) / 1e9;
        Map<String, Double> cpu = sampler[0].cpuSeconds();
        System.out.printf(Locale.ROOT, "%-9d %-22s %9.1f %11.0f %9.1f %9.1f %9.1f %9.1f%n", platforms, step, wall,
                sampler[0].peakRssMib(), cpu.getOrDefault("pulumi", 0.0), cpu.getOrDefault("pulumi-resource-kubernetes", 0.0),
                program, ProcessSampler.cpuSeconds(cluster.processes()) - apiBefore);
    }

    private static void kubectlDryRun(int platforms, int count, LocalCluster cluster, Path objects) {
        double apiBefore = ProcessSampler.cpuSeconds(cluster.processes());
        long start = System.nanoTime();
        cluster.kubectl(List.of("apply", "--server-side", "--force-conflicts", "--dry-run=server", "-f", objects.toString()));
        double wall = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%-9d %-22s %9.1f %11s %9s %9s %9s %9.1f%n", platforms,
                "kubectl dry-run (" + count + ")", wall, "-", "-", "-", "-", ProcessSampler.cpuSeconds(cluster.processes()) - apiBefore);
    }

    /** Every object the stack made, as the API server holds it, stripped of what only the server sets. */
    private static int exportObjects(LocalCluster cluster, int platforms, Path file) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ArrayNode items = json.createArrayNode();
        List<String> kinds = new ArrayList<>(List.of("namespaces", "storageclasses", "clusterissuers.cert-manager.io"));
        for (String kind : kinds) {
            cluster.get(kind, "-l", "app.kubernetes.io/managed-by=edxstack").get("items").forEach(items::add);
        }
        for (int i = 1; i <= platforms; i++) {
            String namespace = platformName(i);
            for (String kind : NAMESPACED) {
                cluster.get(kind, "-n", namespace).get("items").forEach(item -> {
                    if (!item.at("/metadata/name").asText().equals("kube-root-ca.crt")) {
                        items.add(item);
                    }
                });
            }
        }
        for (JsonNode item : items) {
            ObjectNode metadata = (ObjectNode) item.get("metadata");
            metadata.remove(List.of("uid", "resourceVersion", "creationTimestamp", "managedFields", "generation"));
            ((ObjectNode) item).remove("status");
        }
        ObjectNode list = json.createObjectNode().put("apiVersion", "v1").put("kind", "List");
        list.set("items", items);
        json.writeValue(file.toFile(), list);
        return items.size();
    }

    /** The repository's project with its platforms replaced by N copies of the demo platform, on prod-primary only. */
    private static TestProject project(Path dir, int platforms) throws Exception {
        TestProject project = TestProject.copyOfRepository(dir);
        String demo = project.read("stacks/platforms/demo.yaml");
        String settings = project.read("stacks/platforms/demo.settings.json");
        try (Stream<Path> files = Files.list(project.file("stacks/platforms"))) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Map<String, String> written = new TreeMap<>();
        for (int i = 1; i <= platforms; i++) {
            String name = platformName(i);
            written.put(name, demo.replace("name: demo", "name: " + name)
                    .replace("stacks: [prod-primary, prod-dr]", "stacks: [prod-primary]")
                    .replace(".demo.example.org", "." + name + ".example.org"));
            project.write("stacks/platforms/" + name + ".settings.json", settings);
        }
        written.forEach((name, text) -> project.write("stacks/platforms/" + name + ".yaml", text));
        return project;
    }

    private static String platformName(int i) {
        return String.format(Locale.ROOT, "p%03d", i);
    }
}
