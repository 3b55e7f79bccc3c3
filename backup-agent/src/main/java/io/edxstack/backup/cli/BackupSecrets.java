package io.edxstack.backup.cli;

import io.edxstack.backup.BackupSettingsException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Secrets come from an environment variable or a file (a mounted Kubernetes Secret), never from a flag: flags
 * are visible to every user in the process list.
 */
final class BackupSecrets {
    private BackupSecrets() {
    }

    /** The file's content when a file is named, else the environment variable; null when neither is set. */
    static String read(Path file, String fileFlag, String envVar) {
        if (file != null) {
            try {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new BackupSettingsException("cannot read " + file + " (" + fileFlag + "): "
                        + e.getClass().getSimpleName() + ", perhaps the secret is not mounted");
            }
        }
        return System.getenv(envVar);
    }
}
