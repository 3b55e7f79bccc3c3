package io.edxstack.backup;

import io.edxstack.backup.contract.AgentEnv;
import java.net.URI;

/**
 * Where backups are stored and how to reach it. {@link #toString()} leaves the secret key out so that the
 * settings can be logged.
 */
public record S3Settings(URI endpoint, String region, String bucket, String prefix, String accessKeyId,
                         String secretAccessKey, int maxAttempts) {

    public S3Settings {
        if (maxAttempts < 1 || maxAttempts > 10) {
            throw new BackupSettingsException("S3 max attempts " + maxAttempts
                    + " (--s3-max-attempts, " + AgentEnv.S3_MAX_ATTEMPTS + ") is out of range, perhaps 1 to 10");
        }
    }

    @Override
    public String toString() {
        return "S3Settings[endpoint=" + endpoint + ", region=" + region + ", bucket=" + bucket + ", prefix=" + prefix
                + ", accessKeyId=" + accessKeyId + ", maxAttempts=" + maxAttempts + "]";
    }
}
