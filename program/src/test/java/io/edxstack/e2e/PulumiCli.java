package io.edxstack.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edxstack.cluster.KubernetesPlugin;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The real Pulumi CLI on a project directory, offline: a local file backend, a passphrase from a file, its own
 * PULUMI_HOME, no update check and no plugin download. The Kubernetes provider is installed into that PULUMI_HOME at
 * the version of engine/versions.properties, with the command the Zuul jobs run (from the built binary instead of a
 * download), and plugins on PATH are ignored: a program or state asking for any other version fails the run.
 */
public final class PulumiCli {
    private static final long TIMEOUT_MINUTES = 15;

    private final Path pulumi;
    private final Path projectDir;
    private final Map<String, String> env = new TreeMap<>();

    public PulumiCli(EngineTools tools, Path workDir, Path projectDir) {
        this.pulumi = tools.binary("pulumi");
        this.projectDir = projectDir;
        try {
            Path state = Files.createDirectories(workDir.resolve("state"));
            Path home = Files.createDirectories(workDir.resolve("pulumi-home"));
            Path passphrase = workDir.resolve("passphrase");
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            Files.writeString(passphrase, Base64.getEncoder().encodeToString(random));
            env.put("PULUMI_BACKEND_URL", state.toUri().toString());
            env.put("PULUMI_CONFIG_PASSPHRASE_FILE", passphrase.toString());
            env.put("PULUMI_HOME", home.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        env.put("PULUMI_SKIP_UPDATE_CHECK", "true");
        env.put("PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION", "true");
        env.put("NO_COLOR", "1");
        env.put("PULUMI_IGNORE_AMBIENT_PLUGINS", "true");
        env.put("PATH", tools.path());
        String provider = EngineTools.versions().getProperty(KubernetesPlugin.VERSIONS_KEY);
        run("plugin", "install", "resource", "kubernetes", "v" + provider,
                "--file", tools.binary("pulumi-resource-kubernetes").toString()).ok();
        if (tools.has("pulumi-resource-openstack")) {
            // The bridged provider, at the version the program's jar announces for openstack (plugin.json); its
            // whole folder, since it reads the schema.json beside it.
            run("plugin", "install", "resource", "openstack", "v" + announcedVersion("com/pulumi/openstack/plugin.json"),
                    "--file", tools.binary("pulumi-resource-openstack").getParent().toString()).ok();
        }
    }

    private static String announcedVersion(String pluginJson) {
        try (var in = PulumiCli.class.getClassLoader().getResourceAsStream(pluginJson)) {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(in).path("version").asText();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read " + pluginJson + " from the program's classes", e);
        }
    }

    /**
     * Sets (or, with {@code null}, removes) one environment variable of the commands that follow: a path such as
     * KUBECONFIG or where the OpenStack provider finds clouds.yaml, never a credential itself.
     */
    public PulumiCli environment(String name, String value) {
        if (value == null) {
            env.remove(name);
        } else {
            env.put(name, value);
        }
        return this;
    }

    /** The result of one command. */
    public record Result(List<String> command, int exitCode, String stdout, String stderr) {
        public Result ok() {
            if (exitCode != 0) {
                throw new AssertionError(describe());
            }
            return this;
        }

        /** Standard output as JSON ({@code --json}, {@code stack export}). */
        public JsonNode stdoutJson() {
            try {
                return new ObjectMapper().readTree(stdout);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + describe(), e);
            }
        }

        public String output() {
            return stdout + stderr;
        }

        public String describe() {
            return String.join(" ", command) + " exited " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
        }
    }

    public Result run(String... args) {
        return runWithInput(null, args);
    }

    /** Runs with {@code input} on stdin: how secrets reach {@code pulumi config set --secret}, never as arguments. */
    public Result runWithInput(String input, String... args) {
        return runObserved(input, process -> { }, args);
    }

    /** Runs and hands the started CLI process to {@code observer} (the engine benchmark samples its tree). */
    public Result runObserved(String input, java.util.function.Consumer<ProcessHandle> observer, String... args) {
        List<String> command = new ArrayList<>();
        command.add(pulumi.toString());
        command.addAll(List.of(args));
        command.add("--non-interactive");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(projectDir.toFile());
            builder.environment().putAll(env);
            Process process = builder.start();
            observer.accept(process.toHandle());
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
            try (OutputStream stdin = process.getOutputStream()) {
                if (input != null) {
                    stdin.write(input.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish in " + TIMEOUT_MINUTES + " min");
            }
            return new Result(command, process.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code pulumi config set --secret KEY} with the value on stdin. */
    public void setSecret(String stack, String key, String value) {
        runWithInput(value, "config", "set", "--secret", "--stack", stack, key).ok();
    }

    public void setConfig(String stack, String key, String value) {
        run("config", "set", "--stack", stack, key, value).ok();
    }

    public void removeConfig(String stack, String key) {
        run("config", "rm", "--stack", stack, key).ok();
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
