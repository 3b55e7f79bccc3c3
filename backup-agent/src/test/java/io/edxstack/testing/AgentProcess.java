package io.edxstack.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The agent as the CronJob runs it: a separate JVM running the agent's jar as the image holds it, with its settings
 * in environment variables, so that it can be killed with SIGKILL like a pod.
 */
public final class AgentProcess {
    /** The agent's entry point, the Main-Class of its jar. */
    public static final String MAIN_CLASS = "io.edxstack.backup.cli.AgentCli";

    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private AgentProcess(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    public static AgentProcess start(Map<String, String> environment, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-jar", jar().toString()));
        command.addAll(List.of(args));
        try {
            Path out = Files.createTempFile("agent", ".out");
            Path err = Files.createTempFile("agent", ".err");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().putAll(environment);
            return new AgentProcess(builder.start(), out, err);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the agent JVM", e);
        }
    }

    /**
     * The agent as a pod's container starts it: the given JVM options (the image's entrypoint), the build's agent
     * jar ({@link #jar()}) in place of the image's, and exactly {@code environment}, nothing inherited but
     * {@code PATH} (the image sets one; the dump tools are found through it).
     */
    public static AgentProcess startAsContainer(List<String> jvmOptions, Map<String, String> environment,
                                                List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar().toString()));
        command.addAll(args);
        try {
            Path out = Files.createTempFile("agent", ".out");
            Path err = Files.createTempFile("agent", ".err");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            String path = System.getenv("PATH");
            builder.environment().clear();
            builder.environment().put("PATH", path);
            builder.environment().putAll(environment);
            return new AgentProcess(builder.start(), out, err);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the agent JVM", e);
        }
    }

    /**
     * The agent's shaded jar the build wrote (backup-agent/target/edxstack-backup-agent.jar, system property
     * {@code edxstack.agentJar} set by the build): the one the image copies.
     */
    public static Path jar() {
        String property = System.getProperty("edxstack.agentJar");
        if (property == null || property.isBlank()) {
            throw new IllegalStateException("system property edxstack.agentJar is not set: run the tests with Maven "
                    + "from the repository's root");
        }
        Path jar = Path.of(property).toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the agent's jar " + jar + " is missing, perhaps build it with "
                    + "'mvn -B -pl backup-agent -am package -DskipTests'");
        }
        return jar;
    }

    /** Runs to the end (at most {@code timeoutSeconds}) and returns the result. */
    public static Result run(Map<String, String> environment, long timeoutSeconds, String... args) {
        AgentProcess agent = start(environment, args);
        return agent.await(timeoutSeconds);
    }

    public Result await(long timeoutSeconds) {
        try {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new IllegalStateException("agent did not finish in " + timeoutSeconds + " s: " + read(stderr));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        Result result = new Result(process.exitValue(), read(stdout), read(stderr));
        deleteOutput();
        return result;
    }

    /** SIGKILL, as the kubelet does after a pod's grace period or the kernel's OOM killer. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deleteOutput();
    }

    private void deleteOutput() {
        stdout.toFile().delete();
        stderr.toFile().delete();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    public record Result(int exitCode, String stdout, String stderr) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\nstdout: " + stdout + "\nstderr: " + stderr;
        }
    }
}
