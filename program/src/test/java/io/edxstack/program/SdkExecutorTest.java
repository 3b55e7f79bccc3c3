package io.edxstack.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The executor pin, in JVMs of their own started as a machine with three or more CPUs would start them
 * (common pool parallelism 2). Whether an unpinned run hangs is a matter of timing, so the hang itself is
 * shown by bench/sdk-livelock/run.sh rather than asserted here; these tests hold what the pin guarantees.
 */
class SdkExecutorTest {
    private static final String MANY_CPUS = "-D" + SdkExecutor.PARALLELISM + "=2";

    @Test
    void theTestJvmRunsTheMockEngineOnTheSafeExecutor() {
        assertEquals(1, ForkJoinPool.getCommonPoolParallelism(),
                "surefire's argLine must pin the common pool, or mock-engine tests can hang on bigger machines");
    }

    @Test
    @Tag("integration")
    void aJvmStartedForManyCpusRendersOnThePinnedExecutor() throws Exception {
        Result run = probe(MANY_CPUS, "renders", "2");
        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("parallelism 1\n"), run.output());
        assertEquals(2, run.output().lines().filter(line -> line.matches("render \\d: \\d+ resources in .*")).count(),
                run.output());
    }

    @Test
    void withoutThePinTheSameJvmWouldUseTheCommonPool() throws Exception {
        Result run = probe(MANY_CPUS, "renders", "0", "--unpinned");
        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("parallelism 2\n"), run.output());
    }

    @Test
    void aPoolStartedBeforeThePinIsRefusedWithTheWayOut() throws Exception {
        Result run = probe(MANY_CPUS, "pool-first");
        assertEquals(3, run.exitCode(), run.output());
        assertTrue(run.output().contains("started with parallelism 2 before edxstack could pin it to 1"), run.output());
        assertTrue(run.output().contains("-D" + SdkExecutor.PARALLELISM + "=1"), run.output());
    }

    @Test
    void javaReleasesWithoutTheThreadPerTaskFallbackAreRefused() {
        assertEquals(Optional.empty(), SdkExecutor.refusal(17));
        assertEquals(Optional.empty(), SdkExecutor.refusal(SdkExecutor.LAST_SAFE_JAVA));
        String refusal = SdkExecutor.refusal(25).orElseThrow();
        assertTrue(refusal.startsWith("Java 25 "), refusal);
        assertTrue(refusal.contains("pulumi/pulumi-java#2270"), refusal);
        assertTrue(refusal.endsWith("run edxstack on Java 17 to 24"), refusal);
    }

    private record Result(int exitCode, String output) {
    }

    private static Result probe(String jvmOption, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), jvmOption, "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), ExecutorProbe.class.getName()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the probe did not finish within 120 s: " + command);
        }
        return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
