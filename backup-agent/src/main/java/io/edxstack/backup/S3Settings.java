package io.edxstack.backup;

import io.edxstack.backup.contract.AgentEnv;
import java.net.URI;
import java.time.Duration;

/**
 * Where backups are stored and how to reach it. {@link #toString()} leaves the secret key out so that the
 * settings can be logged.
 *
 * @param stallTimeout how long any S3 request may go without progress (no byte accepted, no answer) before the
 *                     attempt fails; also each attempt's deadline for requests that carry no data
 */
public record S3Settings(URI endpoint, String region, String bucket, String prefix, String accessKeyId,
                         String secretAccessKey, int maxAttempts, Duration stallTimeout) {
    public static final Duration DEFAULT_STALL_TIMEOUT = Duration.ofSeconds(45);

    public S3Settings {
        if (maxAttempts < 1 || maxAttempts > 10) {
            throw new BackupSettingsException("S3 max attempts " + maxAttempts
                    + " (--s3-max-attempts, " + AgentEnv.S3_MAX_ATTEMPTS + ") is out of range, perhaps 1 to 10");
        }
        if (stallTimeout.compareTo(Duration.ofSeconds(1)) < 0 || stallTimeout.compareTo(Duration.ofMinutes(30)) > 0) {
            throw new BackupSettingsException("S3 stall timeout " + stallTimeout + " (--s3-stall-timeout, "
                    + AgentEnv.S3_STALL_TIMEOUT + ") is out of range, perhaps between 1s and 30m");
        }
    }

    public S3Settings(URI endpoint, String region, String bucket, String prefix, String accessKeyId,
                      String secretAccessKey, int maxAttempts) {
        this(endpoint, region, bucket, prefix, accessKeyId, secretAccessKey, maxAttempts, DEFAULT_STALL_TIMEOUT);
    }

    /** The same service with another bucket (the copy's keys and deadlines are the backups' own). */
    public S3Settings withTarget(URI otherEndpoint, String otherRegion, String otherBucket) {
        return new S3Settings(otherEndpoint, otherRegion, otherBucket, prefix, accessKeyId, secretAccessKey,
                maxAttempts, stallTimeout);
    }

    /** How long a new connection may take to open: the stall timeout, at most 10 s. */
    public Duration connectTimeout() {
        return stallTimeout.compareTo(Duration.ofSeconds(10)) < 0 ? stallTimeout : Duration.ofSeconds(10);
    }

    /**
     * How long parts in flight may go without S3 taking a byte before the upload is called stalled: one stalled
     * attempt (the socket timeout) plus a fresh connection for the SDK's retry, so a retry that gets through is
     * never cut short; with the default 45 s this stays below MariaDB's 60 s net_write_timeout.
     */
    public Duration uploadStallWindow() {
        return stallTimeout.plus(connectTimeout());
    }

    /**
     * The longest a request carrying no data can take, retries included: every attempt bounded by the stall
     * timeout, plus the retry strategy's backoff between them (at most 20 s each).
     */
    public Duration callDeadline() {
        return stallTimeout.multipliedBy(maxAttempts).plusSeconds(20L * (maxAttempts - 1));
    }

    @Override
    public String toString() {
        return "S3Settings[endpoint=" + endpoint + ", region=" + region + ", bucket=" + bucket + ", prefix=" + prefix
                + ", accessKeyId=" + accessKeyId + ", maxAttempts=" + maxAttempts + ", stallTimeout=" + stallTimeout + "]";
    }
}
