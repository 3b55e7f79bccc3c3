package io.edxstack.backup;

/** An S3 request failed (after the client's bounded retries); the message carries the operation, key and status. */
public final class StorageException extends BackupException {
    private final int httpStatus;

    public StorageException(String message, int httpStatus, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
    }

    /** The HTTP status S3 answered, or 0 when no answer came (connection refused, timeout). */
    public int httpStatus() {
        return httpStatus;
    }
}
