package io.edxstack.backup;

import java.io.IOException;
import java.io.InputStream;

/** Re-reads a stored backup and compares its size and SHA-256 with its manifest. */
public final class BackupVerifier {
    private final BackupStore store;

    public BackupVerifier(BackupStore store) {
        this.store = store;
    }

    /** Returns normally when the object matches; throws {@link ChecksumMismatchException} when it does not. */
    public void verify(BackupManifest manifest) {
        try (InputStream object = store.open(manifest.objectKey());
             ChecksumVerifyingInputStream verifying = new ChecksumVerifyingInputStream(object, manifest)) {
            verifying.verifyToEnd();
        } catch (IOException e) {
            throw new StorageException("reading " + manifest.objectKey() + " to verify it failed (" + e.getMessage()
                    + ")", 0, e);
        }
    }
}
