package io.edxstack.backup;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

@Timeout(10)
class CredentialsPipeTest {
    @Test
    void serve_readerGetsContentOnceFromPrivatePipe() throws Exception {
        for (int round = 0; round < 20; round++) {
            readOnce();
        }
    }

    private static void readOnce() throws Exception {
        try (CredentialsPipe pipe = CredentialsPipe.serve("password: \"x\"\n", "tool.yaml")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(pipe.path())));
            assertEquals("rwx------", PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(pipe.path().getParent())));
            assertTrue(Files.readAttributes(pipe.path(), java.nio.file.attribute.BasicFileAttributes.class).isOther(), "a pipe, not a file");
            Process cat = new ProcessBuilder("cat", pipe.path().toString()).start();
            assertEquals("password: \"x\"\n", new String(cat.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void close_neverRead_returnsAndRemovesPipe() {
        CredentialsPipe pipe = CredentialsPipe.serve("secret", "unused.yaml");
        assertTimeoutPreemptively(java.time.Duration.ofSeconds(5), pipe::close);
        assertFalse(Files.exists(pipe.path()));
        assertFalse(Files.exists(pipe.path().getParent()));
    }
}
