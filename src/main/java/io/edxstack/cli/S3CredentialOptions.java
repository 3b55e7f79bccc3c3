package io.edxstack.cli;

import io.edxstack.backup.BackupSettingsException;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The backup bucket's keys: the id as a flag or variable, the secret only from a file or the environment. */
final class S3CredentialOptions {
    @Option(names = "--s3-access-key-id", defaultValue = "${env:AWS_ACCESS_KEY_ID}",
            description = "S3 access key id (env AWS_ACCESS_KEY_ID)")
    String accessKeyId;

    @Option(names = "--s3-secret-key-file", defaultValue = "${env:EDXSTACK_S3_SECRET_KEY_FILE}",
            description = "file holding the S3 secret key (env EDXSTACK_S3_SECRET_KEY_FILE); "
                    + "else env AWS_SECRET_ACCESS_KEY")
    Path secretKeyFile;

    String accessKeyId() {
        return S3Options.required(accessKeyId, "S3 access key id", "--s3-access-key-id", "AWS_ACCESS_KEY_ID");
    }

    String secretKey() {
        String secret = BackupSecrets.read(secretKeyFile, "--s3-secret-key-file", "AWS_SECRET_ACCESS_KEY");
        if (secret == null || secret.isBlank()) {
            throw BackupSettingsException.missing("S3 secret key", "--s3-secret-key-file", "AWS_SECRET_ACCESS_KEY");
        }
        return secret;
    }
}
