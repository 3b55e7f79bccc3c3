package io.edxstack.config;

import java.time.Duration;
import java.util.Optional;

/**
 * Where and how platforms' databases are backed up: one bucket on the DR region's Ceph, written by the
 * active stack and read by the standby one.
 *
 * @param credentials the S3 keys from config, or empty when the stack creates EC2 credentials in Keystone
 */
public record BackupConfig(
        String s3Endpoint,
        String s3Region,
        String bucket,
        boolean createBucket,
        Optional<S3Keys> credentials,
        String agentImage,
        Duration rpo) {

    public record S3Keys(SecretValue accessKey, SecretValue secretKey) {
    }

    public boolean keystoneCredentials() {
        return credentials.isEmpty();
    }
}
