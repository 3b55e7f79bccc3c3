package io.edxstack.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Finds the server binaries the fixtures start, failing with what to run when one is missing. */
public final class ServerBinaries {
    private static final List<String> SEARCH = List.of("/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin");

    private ServerBinaries() {
    }

    public static String require(String name) {
        for (String dir : SEARCH) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new IllegalStateException(name + " is not installed, perhaps run scripts/install-test-servers (as root)");
    }
}
