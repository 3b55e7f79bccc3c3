package io.edxstack.backup.cli;

import io.edxstack.backup.contract.AgentEnv;
import io.edxstack.backup.BackupSettingsException;
import io.edxstack.backup.S3Settings;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.net.URI;
import java.net.URISyntaxException;

/** Where backups are stored; every flag defaults from the environment variable the CronJob sets. */
final class S3Options {
    @Option(names = "--s3-endpoint", defaultValue = "${env:" + AgentEnv.S3_ENDPOINT + "}",
            description = "S3 endpoint URL, e.g. https://rgw.example.org (env " + AgentEnv.S3_ENDPOINT + ")")
    String endpoint;

    @Option(names = "--s3-region", defaultValue = "${env:" + AgentEnv.S3_REGION + ":-us-east-1}",
            description = "S3 signing region (env " + AgentEnv.S3_REGION + ", default ${DEFAULT-VALUE})")
    String region;

    @Option(names = "--s3-bucket", defaultValue = "${env:" + AgentEnv.S3_BUCKET + "}",
            description = "bucket holding the backups (env " + AgentEnv.S3_BUCKET + ")")
    String bucket;

    @Option(names = "--s3-prefix", defaultValue = "${env:" + AgentEnv.S3_PREFIX + ":-backups}",
            description = "key prefix of the backups (env " + AgentEnv.S3_PREFIX + ", default ${DEFAULT-VALUE})")
    String prefix;

    @Mixin
    S3CredentialOptions credentials;

    @Option(names = "--s3-max-attempts", defaultValue = "${env:" + AgentEnv.S3_MAX_ATTEMPTS + ":-4}",
            description = "attempts per S3 request before giving up (env " + AgentEnv.S3_MAX_ATTEMPTS + ", default "
                    + "${DEFAULT-VALUE})")
    int maxAttempts;

    @Option(names = "--s3-stall-timeout", defaultValue = "${env:" + AgentEnv.S3_STALL_TIMEOUT + ":-45s}",
            converter = BackupDurationConverter.class,
            description = "an S3 request that makes no progress (no byte accepted, no answer) this long fails "
                    + "(env " + AgentEnv.S3_STALL_TIMEOUT + ", default ${DEFAULT-VALUE})")
    java.time.Duration stallTimeout;

    S3Settings settings() {
        URI uri = endpoint();
        String secret = credentials.secretKey();
        return new S3Settings(uri, required(region, "S3 region", "--s3-region", AgentEnv.S3_REGION),
                required(bucket, "S3 bucket", "--s3-bucket", AgentEnv.S3_BUCKET),
                prefix == null ? "" : prefix,
                credentials.accessKeyId(),
                secret, maxAttempts, stallTimeout);
    }

    private URI endpoint() {
        return httpUrl(required(endpoint, "S3 endpoint", "--s3-endpoint", AgentEnv.S3_ENDPOINT), "S3 endpoint",
                "--s3-endpoint", AgentEnv.S3_ENDPOINT);
    }

    static URI httpUrl(String text, String what, String flag, String envVar) {
        try {
            URI uri = new URI(text.strip());
            if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
                throw new URISyntaxException(text, "not an http(s) URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new BackupSettingsException(what + " '" + text + "' (" + flag + ", " + envVar + ") is "
                    + "not an http(s) URL, perhaps https://rgw.example.org");
        }
    }

    static String required(String value, String what, String flag, String envVar) {
        if (value == null || value.isBlank()) {
            throw BackupSettingsException.missing(what, flag, envVar);
        }
        return value.strip();
    }
}
