package io.edxstack.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The test servers built from Go modules by {@code scripts/test-servers} into a cache keyed by version. The script
 * says where a server's build lives (one place knows the key); a missing build fails the test with the command
 * that makes it, never skips it.
 */
public final class GoTestServers {
    /** Every module's tests run from the repository's root (surefire's workingDirectory). */
    private static final Path REPOSITORY = Path.of("").toAbsolutePath();
    private static final Path SCRIPT = REPOSITORY.resolve("scripts/test-servers");

    private GoTestServers() {
    }

    /** The directory holding {@code server}'s binary (and its aliases), checked to be built. */
    public static Path dir(String server) {
        Path dir = Path.of(ServerProcesses.run(REPOSITORY, List.of("bash", SCRIPT.toString(), "dir", server))
                .strip());
        if (!Files.isExecutable(dir.resolve(server))) {
            throw new IllegalStateException(server + " is not built in " + dir
                    + ", perhaps run scripts/test-servers build (scripts/test runs it before the tests)");
        }
        return dir;
    }
}
