package io.edxstack.backup;

/**
 * A backup, catalogue or restore operation that failed for a reason an operator can act on. The message
 * says what failed and, where it can, what to try ("&lt;problem&gt;, perhaps &lt;fix&gt;"); it never holds a secret.
 */
public abstract sealed class BackupException extends RuntimeException
        permits BackupSettingsException, DumpToolException, StorageException, StorageCredentialsException,
                ChecksumMismatchException, RestoreRefusedException, LoadToolException {

    protected BackupException(String message, Throwable cause) {
        super(message, cause);
    }
}
