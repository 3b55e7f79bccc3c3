package io.edxstack.backup.cli;

import io.edxstack.backup.contract.AgentEnv;
import io.edxstack.backup.BackupSettingsException;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The backup bucket's keys: the id as a flag or variable, the secret only from a file or the environment. */
public final class S3CredentialOptions {
    @Option(names = "--s3-access-key-id", defaultValue = "${env:" + AgentEnv.AWS_ACCESS_KEY_ID + "}",
            description = "S3 access key id (env " + AgentEnv.AWS_ACCESS_KEY_ID + ")")
    String accessKeyId;

    @Option(names = "--s3-secret-key-file", defaultValue = "${env:" + AgentEnv.S3_SECRET_KEY_FILE + "}",
            description = "file holding the S3 secret key (env " + AgentEnv.S3_SECRET_KEY_FILE + "); "
                    + "else env " + AgentEnv.AWS_SECRET_ACCESS_KEY)
    Path secretKeyFile;

    public String accessKeyId() {
        return S3Options.required(accessKeyId, "S3 access key id", "--s3-access-key-id", AgentEnv.AWS_ACCESS_KEY_ID);
    }

    public String secretKey() {
        String secret = BackupSecrets.read(secretKeyFile, "--s3-secret-key-file", AgentEnv.AWS_SECRET_ACCESS_KEY);
        if (secret == null || secret.isBlank()) {
            throw BackupSettingsException.missing("S3 secret key", "--s3-secret-key-file", AgentEnv.AWS_SECRET_ACCESS_KEY);
        }
        return secret;
    }
}
