package io.edxstack.tutorenv;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The Tutor plugins installed in the pinned environment (their entry points, as {@code tutor plugins list} finds
 * them; no YAML plugin of a user's plugins root): asked from the environment once, then kept beside it, since a
 * pin never changes its environment.
 */
public final class InstalledPlugins {
    private static final JsonMapper JSON = io.edxstack.reading.Mappers.json().build();
    private static volatile Set<String> names;

    private InstalledPlugins() {
    }

    public static Set<String> names() {
        Set<String> known = names;
        if (known == null) {
            synchronized (InstalledPlugins.class) {
                if (names == null) {
                    names = Set.copyOf(read(TutorRuntime.shared()));
                }
                known = names;
            }
        }
        return known;
    }

    private static Set<String> read(TutorRuntime runtime) {
        Path cached = runtime.python().getParent().getParent().resolve("installed-plugins-" + runtime.key() + ".json");
        try {
            if (Files.exists(cached)) {
                return strings(JSON.readTree(cached.toFile()));
            }
            Process process = TutorProcess.builder(runtime, "--installed-plugins").start();
            process.getOutputStream().close();
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
            byte[] out = readAll(process.getInputStream());
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new TutorException("cannot list the plugins of the pinned Tutor: "
                        + new String(err.join(), StandardCharsets.UTF_8).strip());
            }
            Set<String> plugins = strings(JSON.readTree(out));
            Path scratch = Files.createTempFile(cached.getParent(), "installed-plugins-", ".tmp");
            Files.write(scratch, out);
            Files.move(scratch, cached, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return plugins;
        } catch (IOException e) {
            throw new TutorException("cannot list the plugins of the pinned Tutor: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TutorException("interrupted while listing Tutor's plugins", e);
        }
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> strings(JsonNode node) {
        if (!node.isArray()) {
            throw new TutorException("Tutor's plugin list is not a JSON list");
        }
        Set<String> plugins = new TreeSet<>();
        node.forEach(n -> plugins.add(n.asText()));
        return plugins;
    }
}
