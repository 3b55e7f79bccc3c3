package io.edxstack.config;

import java.time.Duration;
import java.util.Optional;

/**
 * Where and how platforms' databases are backed up: one bucket on the DR region's Ceph, written by the
 * active stack and read by the standby one.
 *
 * @param credentials the S3 keys from config, or empty when the stack creates EC2 credentials in Keystone
 * @param copy        the optional second bucket every backup is also written to
 */
public record BackupConfig(
        String s3Endpoint,
        String s3Region,
        String bucket,
        boolean createBucket,
        Optional<S3Keys> credentials,
        Optional<CopyBucket> copy,
        String agentImage,
        Duration rpo) {

    /** A second bucket (in the active region) holding a verified copy of every backup. */
    public record CopyBucket(String s3Endpoint, String s3Region, String bucket, boolean createBucket) {
    }

    public record S3Keys(SecretValue accessKey, SecretValue secretKey) {
    }

    public boolean keystoneCredentials() {
        return credentials.isEmpty();
    }
}
