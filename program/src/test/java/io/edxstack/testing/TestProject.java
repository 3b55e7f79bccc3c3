package io.edxstack.testing;

import io.edxstack.config.RawConfig;
import io.edxstack.config.StackFiles;
import io.edxstack.render.DesiredState;
import io.edxstack.render.Renderer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A scratch copy of this repository's project files (Pulumi.yaml, the stack files, stacks/ and policies/), so a test
 * can change one file the way an operator's Gerrit change would and render the result.
 */
public final class TestProject {
    /** The checkout under test: Maven runs tests from the project directory. */
    public static final Path REPOSITORY = Path.of("").toAbsolutePath();

    /** The repository's own stacks, rendered once per test JVM: most tests only read them. */
    public static final RepositoryRender REPOSITORY_RENDER = new RepositoryRender();

    private final Path dir;

    private TestProject(Path dir) {
        this.dir = dir;
    }

    public static TestProject copyOfRepository(Path tempDir) {
        try {
            Files.createDirectories(tempDir);
            for (String file : new String[] {"Pulumi.yaml", "Pulumi.prod-primary.yaml", "Pulumi.prod-dr.yaml"}) {
                Files.copy(REPOSITORY.resolve(file), tempDir.resolve(file));
            }
            for (String dir : new String[] {"stacks", "policies", "tutor/plugins"}) {
                try (Stream<Path> files = Files.walk(REPOSITORY.resolve(dir))) {
                    for (Path source : files.sorted(Comparator.naturalOrder()).toList()) {
                        Path target = tempDir.resolve(REPOSITORY.relativize(source).toString());
                        if (Files.isDirectory(source)) {
                            Files.createDirectories(target);
                        } else {
                            Files.copy(source, target);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TestProject(tempDir);
    }

    public Path dir() {
        return dir;
    }

    public Path file(String relative) {
        return dir.resolve(relative);
    }

    public String read(String relative) {
        try {
            return Files.readString(file(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public TestProject write(String relative, String content) {
        try {
            Files.createDirectories(file(relative).getParent());
            Files.writeString(file(relative), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public TestProject delete(String relative) {
        try {
            Files.delete(file(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Replaces a literal text in a file, failing if it is not there (so a test cannot silently test nothing). */
    public TestProject replace(String relative, String literal, String replacement) {
        String content = read(relative);
        if (!content.contains(literal)) {
            throw new IllegalArgumentException(relative + " does not contain '" + literal + "'");
        }
        return write(relative, content.replace(literal, replacement));
    }

    /** Sets (or adds) one {@code edxstack:} key of a stack file, as {@code pulumi config set} would. */
    public TestProject setConfig(String stack, String key, String value) {
        String relative = "Pulumi." + stack + ".yaml";
        String content = read(relative);
        Matcher line = Pattern.compile("(?m)^  " + Pattern.quote(key) + ":.*$").matcher(content);
        String entry = "  " + key + ": " + value;
        return write(relative, line.find() ? line.replaceFirst(Matcher.quoteReplacement(entry)) : content + entry + "\n");
    }

    /** Removes one key of a stack file. */
    public TestProject unsetConfig(String stack, String key) {
        String relative = "Pulumi." + stack + ".yaml";
        return write(relative, read(relative).replaceAll("(?m)^  " + Pattern.quote(key) + ":.*\\n", ""));
    }

    /**
     * Turns a stack into bring-your-own-cluster mode as an operator would: Magnum and Designate keys removed,
     * S3 keys from config, and the given secrets set as {@code pulumi config set --secret} would.
     */
    public RawConfig existingCluster(String stack, String kubeconfig) {
        setConfig(stack, "edxstack:cluster.mode", "existing");
        for (String key : new String[] {"edxstack:cluster.name", "edxstack:cluster.template", "edxstack:cluster.masterCount",
                "edxstack:cluster.nodeCount", "edxstack:cluster.keypair", "edxstack:cluster.createTimeoutMinutes",
                "edxstack:network.externalNetworkId", "edxstack:network.dnsNameserver", "edxstack:dns.zoneId",
                "edxstack:dns.frontDoorAddress", "edxstack:backup.createBucket",
                "edxstack:backup.copyCreateBucket"}) {
            unsetConfig(stack, key);
        }
        setConfig(stack, "edxstack:backup.credentials", "config");
        RawConfig files = rawConfig(stack);
        var values = new java.util.TreeMap<>(files.values());
        values.put("edxstack:backup.s3AccessKey", "byo-access-key");
        values.put("edxstack:backup.s3SecretKey", "byo-secret-key");
        var secrets = new java.util.TreeSet<>(files.secretKeys());
        secrets.addAll(java.util.List.of("edxstack:backup.s3AccessKey", "edxstack:backup.s3SecretKey"));
        if (kubeconfig != null) {
            values.put("edxstack:cluster.kubeconfig", kubeconfig);
            secrets.add("edxstack:cluster.kubeconfig");
        }
        return new RawConfig(files.source(), values, secrets);
    }

    public RawConfig rawConfig(String stack) {
        return StackFiles.read(dir, stack);
    }

    public DesiredState render(String stack) {
        return Renderer.render(dir, stack);
    }
}
