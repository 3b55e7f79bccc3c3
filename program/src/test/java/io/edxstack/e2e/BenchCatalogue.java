package io.edxstack.e2e;

import io.edxstack.testing.TestProject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The engine benchmark's project: the repository's, with its catalogue replaced by N copies of the demo platform
 * (p001, p002, ...) on prod-primary only, each with its own hosts and settings file.
 */
final class BenchCatalogue {
    private BenchCatalogue() {
    }

    static TestProject generate(Path dir, int platforms) {
        if (platforms < 1) {
            throw new IllegalArgumentException("platforms must be 1 or more, got " + platforms);
        }
        TestProject project = TestProject.copyOfRepository(dir);
        String demo = project.read("stacks/platforms/demo.yaml");
        String settings = project.read("stacks/platforms/demo.settings.json");
        try (Stream<Path> files = Files.list(project.file("stacks/platforms"))) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int i = 1; i <= platforms; i++) {
            String name = name(i);
            project.write("stacks/platforms/" + name + ".yaml", replaceOnce(replaceOnce(demo, "name: demo", "name: " + name),
                    "stacks: [prod-primary, prod-dr]", "stacks: [prod-primary]")
                    .replace(".demo.example.org", "." + name + ".example.org"));
            project.write("stacks/platforms/" + name + ".settings.json", settings);
        }
        return project;
    }

    static String name(int i) {
        return String.format(Locale.ROOT, "p%03d", i);
    }

    /** Fails when the demo platform no longer has the line the copies rewrite, instead of copying it unchanged. */
    private static String replaceOnce(String text, String literal, String replacement) {
        if (!text.contains(literal)) {
            throw new IllegalStateException("stacks/platforms/demo.yaml has no '" + literal + "' for the benchmark to rewrite");
        }
        return text.replace(literal, replacement);
    }
}
