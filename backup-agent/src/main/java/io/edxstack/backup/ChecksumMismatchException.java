package io.edxstack.backup;

/** A stored backup object does not match the size or SHA-256 its manifest records. */
public final class ChecksumMismatchException extends BackupException {
    public ChecksumMismatchException(String message) {
        super(message, null);
    }
}
