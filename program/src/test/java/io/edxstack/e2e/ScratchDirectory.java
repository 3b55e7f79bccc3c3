package io.edxstack.e2e;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The working directory of an end-to-end run (clusters, state, logs) under the system's temporary directory: removed
 * after the run when every step passed, kept and named on standard error when one failed, for diagnosis. Register it
 * as a static {@code @RegisterExtension} field; the class's {@code @AfterAll} (which stops the clusters) runs first.
 */
public final class ScratchDirectory implements TestWatcher, AfterAllCallback {
    private final String prefix;
    private Path dir;
    private volatile boolean failed;

    public ScratchDirectory(String prefix) {
        this.prefix = prefix;
    }

    /** Made on first use. */
    public synchronized Path path() {
        if (dir == null) {
            try {
                dir = Files.createTempDirectory(prefix);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dir;
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        failed = true;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        finish(failed || context.getExecutionException().isPresent());
    }

    /** Removes the directory, or keeps it when {@code failed}; says which on standard error. */
    public synchronized void finish(boolean failed) {
        if (dir == null) {
            return;
        }
        if (failed) {
            System.err.println("kept " + dir + " for diagnosis (a step failed): cluster logs under */logs, state under state/");
            return;
        }
        delete(dir);
        System.err.println("removed " + dir + " (every step passed)");
        dir = null;
    }

    static void delete(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + root, e);
        }
    }
}
