package io.edxstack.backup;

/** S3 refused the credentials (403, InvalidAccessKeyId, SignatureDoesNotMatch). */
public final class StorageCredentialsException extends BackupException {
    public StorageCredentialsException(String message, Throwable cause) {
        super(message, cause);
    }
}
