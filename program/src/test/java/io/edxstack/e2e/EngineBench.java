package io.edxstack.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edxstack.testing.TestProject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The engine benchmark (bench/engine/run.sh): for N copies of the demo platform on prod-primary, against a fresh local
 * kube-apiserver, side by side in one run: the first {@code pulumi up}, a no-change {@code pulumi preview} as the Zuul
 * preview runs it ({@code --json --show-sames}), and {@code kubectl apply --server-side --dry-run=server} of the same
 * objects (the inputs the program registered, read from the stack's state). Each pulumi command gets a fresh program
 * JVM, as {@code pulumi-language-java} starts the jar per command. Prints figures; not a test.
 */
public final class EngineBench {
    private static final String STACK = "prod-primary";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EngineTools tools;
    private final BenchReport report = new BenchReport(System.out);
    private final String zuulJavaOptions = zuulJavaOptions();

    private EngineBench(EngineTools tools) {
        this.tools = tools;
    }

    /** The program JVM's options in the Zuul jobs' environment (config-project/zuul.d/jobs.yaml). */
    static String zuulJavaOptions() {
        try {
            JsonNode jobs = new com.fasterxml.jackson.dataformat.yaml.YAMLMapper()
                    .readTree(TestProject.REPOSITORY.resolve("config-project/zuul.d/jobs.yaml").toFile());
            for (JsonNode entry : jobs) {
                JsonNode options = entry.at("/job/vars/edxstack_pulumi_environment/" + ProgramProcess.JAVA_OPTIONS);
                if (options.isTextual()) {
                    return options.asText();
                }
            }
            throw new IllegalStateException("config-project/zuul.d/jobs.yaml sets no " + ProgramProcess.JAVA_OPTIONS
                    + " in edxstack_pulumi_environment");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void main(String[] args) {
        List<Integer> sizes = Stream.of((args.length > 0 ? args[0] : "5,20,50").split(",")).map(Integer::parseInt).toList();
        EngineBench bench = new EngineBench(EngineTools.locate());
        bench.report.header(EngineTools.versions());
        for (int platforms : sizes) {
            bench.run(platforms);
        }
        bench.report.summary();
    }

    /** One size, in a scratch directory kept only when something failed. */
    private void run(int platforms) {
        ScratchDirectory scratch = new ScratchDirectory("edxstack-engine-bench-");
        boolean failed = true;
        try (LocalCluster cluster = LocalCluster.start(tools, scratch.path().resolve("cluster"))) {
            Path work = scratch.path();
            cluster.apply(TestProject.REPOSITORY.resolve("program/src/test/resources/e2e/cert-manager-crds.yaml"));
            TestProject project = BenchCatalogue.generate(work.resolve("project"), platforms);
            PulumiCli pulumi = new PulumiCli(tools, work, project.dir());
            byte[] key = new byte[48];
            new SecureRandom().nextBytes(key);
            EngineStacks.init(pulumi, project, STACK, cluster, Base64.getEncoder().encodeToString(key));
            EngineStacks.standbyPeer(pulumi, "prod-dr", work);
            Bench bench = new Bench(platforms, cluster, project, pulumi, work);

            report.row(bench.pulumi(BenchReport.UP, "", "up", "--stack", STACK, "--yes", "--skip-preview"));
            report.row(bench.pulumi(BenchReport.PREVIEW, "", "preview", "--stack", STACK, "--json", "--show-sames"));
            report.row(bench.pulumi(BenchReport.PREVIEW_ZUUL, zuulJavaOptions, "preview", "--stack", STACK, "--json",
                    "--show-sames"));
            Path exported = work.resolve("state.json");
            pulumi.run("stack", "export", "--stack", STACK, "--show-secrets", "--file", exported.toString()).ok();
            ObjectNode objects = AppliedObjects.fromExport(JSON.readTree(exported.toFile()));
            Files.delete(exported);
            report.row(bench.kubectlDryRun(objects));
            failed = false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            scratch.finish(failed);
        }
    }

    /** What one step cost. CPU seconds and peak resident memory are by group: engine, provider, program, kubectl. */
    record Measured(int platforms, String step, int count, double wallSeconds, double peakTreeMib,
                    Map<String, Double> cpuSeconds, Map<String, Double> peakProcessMib, double apiServerCpuSeconds,
                    String loadAverage, Phases phases) {
        double cpu(String group) {
            return cpuSeconds.getOrDefault(group, 0.0);
        }
    }

    /**
     * Where a pulumi command's wall time went, in seconds: the program JVM starting, the CLI before it runs the program
     * (stack, config, plugins), the policy gate (a mock render inside the program), the registration (program, engine
     * and provider at once) and the CLI after the program ends; the transform's calls and its handling time.
     */
    record Phases(double jvmStart, double cliBeforeProgram, double gate, double registration, double cliAfterProgram,
                  double gateCpu, long transformCalls, double transformSeconds) {
    }

    private final class Bench {
        private final int platforms;
        private final LocalCluster cluster;
        private final TestProject project;
        private final PulumiCli pulumi;
        private final Path work;

        Bench(int platforms, LocalCluster cluster, TestProject project, PulumiCli pulumi, Path work) {
            this.platforms = platforms;
            this.cluster = cluster;
            this.project = project;
            this.pulumi = pulumi;
            this.work = work;
        }

        /** A pulumi command with a fresh program JVM, started with {@code javaOptions} in its launcher's environment. */
        Measured pulumi(String step, String javaOptions, String... args) {
            double apiBefore = ProcessSampler.cpuSeconds(cluster.processes());
            long start = epochMicros();
            long[] cliStart = new long[1];
            try (ProcessSampler sampler = new ProcessSampler(EngineBench::group);
                 ProgramProcess program = ProgramProcess.start(project.dir(), work.resolve("program-host.log"), javaOptions)) {
                sampler.add(program.handle());
                String address = program.awaitAddress();
                long ready = epochMicros();
                List<String> command = new ArrayList<>(List.of(args));
                command.addAll(List.of("--client", address));
                PulumiCli.Result result = pulumi.runObserved(null, cli -> {
                    cliStart[0] = epochMicros();
                    sampler.add(cli);
                }, command.toArray(String[]::new));
                long end = epochMicros();
                sampler.sampleNow(); // the program JVM's CPU time, before it is stopped
                program.close();
                result.ok();
                long[] runStart = program.event("run-start");
                long[] gateDone = program.event("gate-done");
                long[] runEnd = program.event("run-end");
                long[] transforms = program.transforms();
                var phases = new Phases(seconds(ready - start), seconds(runStart[0] - cliStart[0]),
                        seconds(gateDone[0] - runStart[0]), seconds(runEnd[0] - gateDone[0]), seconds(end - runEnd[0]),
                        (gateDone[1] - runStart[1]) / 1e9, transforms[0], transforms[1] / 1e9);
                sampler.close();
                return new Measured(platforms, step, count(step, result), seconds(end - start), sampler.peakRssMib(),
                        sampler.cpuSeconds(), sampler.peakProcessMib(),
                        ProcessSampler.cpuSeconds(cluster.processes()) - apiBefore, loadAverage(), phases);
            }
        }

        /** Resources in the state after up; the changed steps (other than re-run init Jobs) of a preview. */
        private int count(String step, PulumiCli.Result result) {
            if (step.equals(BenchReport.UP)) {
                return pulumi.run("stack", "export", "--stack", STACK).ok().stdoutJson().at("/deployment/resources").size();
            }
            List<JsonNode> changed = NoChangePreview.changes(result.stdoutJson());
            if (!changed.isEmpty()) {
                throw new IllegalStateException("the no-change preview changes " + changed.stream()
                        .map(s -> s.get("op").asText() + " " + s.get("urn").asText()).toList());
            }
            return result.stdoutJson().get("steps").size();
        }

        Measured kubectlDryRun(ObjectNode objects) throws IOException {
            Path file = work.resolve("objects.json");
            JSON.writeValue(file.toFile(), objects);
            double apiBefore = ProcessSampler.cpuSeconds(cluster.processes());
            List<String> command = cluster.kubectlCommand(List.of("apply", "--server-side", "--force-conflicts",
                    "--dry-run=server", "-f", file.toString()));
            long start = epochMicros();
            try (ProcessSampler sampler = new ProcessSampler(EngineBench::group)) {
                Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
                sampler.add(process.toHandle());
                CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> readAll(process));
                if (!process.waitFor(15, TimeUnit.MINUTES) || process.exitValue() != 0) {
                    process.destroyForcibly();
                    throw new IllegalStateException("kubectl dry run failed: " + out.join());
                }
                long end = epochMicros();
                sampler.close();
                return new Measured(platforms, BenchReport.KUBECTL, objects.get("items").size(),
                        seconds(end - start), sampler.peakRssMib(), sampler.cpuSeconds(), sampler.peakProcessMib(),
                        ProcessSampler.cpuSeconds(cluster.processes()) - apiBefore, loadAverage(), null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The group a process is counted in, by its executable's file name. */
    static String group(String executable) {
        if (executable.equals("pulumi")) {
            return "engine";
        }
        if (executable.startsWith("pulumi-resource-")) {
            return "provider";
        }
        // The program's JVM and the Tutor render it starts for platforms not in the render cache.
        if (executable.equals("java") || executable.startsWith("python")) {
            return "program";
        }
        return executable.equals("kubectl") ? "kubectl" : "other";
    }

    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "?";
        }
    }

    private static String readAll(Process process) {
        try {
            return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long epochMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1000;
    }

    private static double seconds(long micros) {
        return micros / 1e6;
    }
}
