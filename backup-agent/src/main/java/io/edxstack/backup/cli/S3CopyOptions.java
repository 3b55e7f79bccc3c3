package io.edxstack.backup.cli;

import io.edxstack.backup.contract.AgentEnv;
import io.edxstack.backup.BackupSettingsException;
import io.edxstack.backup.S3Settings;
import picocli.CommandLine.Option;

import java.util.Optional;

/**
 * The optional copy of every backup in a second bucket (the active region's own Ceph), with the same keys, prefix
 * and retention as the first. Unset endpoint: no copy.
 */
final class S3CopyOptions {
    @Option(names = "--copy-s3-endpoint", defaultValue = "${env:" + AgentEnv.COPY_S3_ENDPOINT + "}",
            description = "S3 endpoint of the backups' copy (env " + AgentEnv.COPY_S3_ENDPOINT + "; unset: no copy)")
    String endpoint;

    @Option(names = "--copy-s3-region", defaultValue = "${env:" + AgentEnv.COPY_S3_REGION + ":-us-east-1}",
            description = "S3 signing region of the copy (env " + AgentEnv.COPY_S3_REGION + ", default ${DEFAULT-VALUE})")
    String region;

    @Option(names = "--copy-s3-bucket", defaultValue = "${env:" + AgentEnv.COPY_S3_BUCKET + "}",
            description = "bucket of the backups' copy (env " + AgentEnv.COPY_S3_BUCKET + ")")
    String bucket;

    Optional<S3Settings> settings(S3Settings backups) {
        boolean hasBucket = bucket != null && !bucket.isBlank();
        if (endpoint == null || endpoint.isBlank()) {
            if (hasBucket) {
                throw new BackupSettingsException("the copy's bucket is set but not its endpoint, perhaps set "
                        + "--copy-s3-endpoint (" + AgentEnv.COPY_S3_ENDPOINT + ") too");
            }
            return Optional.empty();
        }
        S3Settings copy = backups.withTarget(S3Options.httpUrl(endpoint, "copy's S3 endpoint", "--copy-s3-endpoint",
                AgentEnv.COPY_S3_ENDPOINT),
                S3Options.required(region, "copy's S3 region", "--copy-s3-region", AgentEnv.COPY_S3_REGION),
                S3Options.required(bucket, "copy's S3 bucket", "--copy-s3-bucket", AgentEnv.COPY_S3_BUCKET));
        if (copy.endpoint().equals(backups.endpoint()) && copy.bucket().equals(backups.bucket())) {
            throw new BackupSettingsException("the copy's bucket is the backups' own bucket (s3://" + copy.bucket()
                    + " at " + copy.endpoint() + "), perhaps a bucket in the active region");
        }
        return Optional.of(copy);
    }
}
