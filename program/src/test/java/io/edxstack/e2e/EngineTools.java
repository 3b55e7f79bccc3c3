package io.edxstack.e2e;

import io.edxstack.testing.TestProject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The engine tools {@code scripts/engine-tools} builds from Go modules, found where that script caches them (it is
 * asked, so the cache layout is written down once). A tool that is not built fails the suite with the command that
 * builds it.
 */
public final class EngineTools {
    private static final Path SCRIPT = TestProject.REPOSITORY.resolve("scripts/engine-tools");
    private static final Map<String, String> BINARIES = Map.of(
            "pulumi", "pulumi",
            "pulumi-resource-kubernetes", "pulumi-resource-kubernetes",
            "pulumi-resource-openstack", "pulumi-resource-openstack",
            "etcd", "etcd",
            "kube-apiserver", "kubernetes",
            "kubectl", "kubernetes");

    private final Map<String, Path> dirs;

    private EngineTools(Map<String, Path> dirs) {
        this.dirs = dirs;
    }

    public static EngineTools locate() {
        return locate(List.of("pulumi", "pulumi-resource-kubernetes", "etcd", "kubernetes"));
    }

    /** Only the given tools (names as {@code scripts/engine-tools} knows them); each must be built. */
    public static EngineTools locate(List<String> toolNames) {
        Map<String, Path> dirs = new LinkedHashMap<>();
        for (String tool : toolNames) {
            dirs.put(tool, Path.of(run(List.of("bash", SCRIPT.toString(), "dir", tool)).strip()));
        }
        EngineTools tools = new EngineTools(dirs);
        for (String binary : BINARIES.keySet()) {
            if (dirs.containsKey(BINARIES.get(binary)) && !Files.isExecutable(tools.binary(binary))) {
                throw new IllegalStateException(tools.binary(binary) + " is missing, perhaps run 'scripts/engine-tools build' "
                        + "first (a cold build takes long, see the README)");
            }
        }
        return tools;
    }

    /** The versions the tools are built at, from {@code engine/versions.properties}. */
    public static Properties versions() {
        Properties versions = new Properties();
        try (var in = Files.newBufferedReader(TestProject.REPOSITORY.resolve("engine/versions.properties"))) {
            versions.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return versions;
    }

    /** Whether this set holds the tool (as {@code scripts/engine-tools} names it). */
    public boolean has(String tool) {
        return dirs.containsKey(tool);
    }

    public Path binary(String name) {
        return dirs.get(BINARIES.get(name)).resolve(name);
    }

    /**
     * PATH for the Pulumi CLI: the engine tools but the Kubernetes provider, which {@link PulumiCli} installs as a
     * plugin of its exact version (a provider on PATH would serve any version the program asked for).
     */
    public String path() {
        List<String> entries = new ArrayList<>();
        dirs.forEach((tool, dir) -> {
            if (!tool.equals("pulumi-resource-kubernetes") && !tool.equals("pulumi-resource-openstack")) {
                entries.add(dir.toString());
            }
        });
        entries.add(System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        return String.join(":", entries);
    }

    static String run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
