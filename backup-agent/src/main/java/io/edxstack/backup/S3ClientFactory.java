package io.edxstack.backup;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.time.Duration;

/**
 * Builds the one S3 client configuration the agent ships with, for Ceph RGW and any other S3 endpoint. Every
 * request is bounded: a socket that delivers nothing for the stall timeout fails the attempt, each attempt of a
 * request without data has the stall timeout as deadline and the whole call (retries included) its
 * {@link S3Settings#callDeadline()}. Requests that carry or stream data override those per request
 * ({@link BackupStore}); a blocked socket write, which no socket timeout covers, ends at the attempt deadline,
 * when the SDK aborts the connection.
 */
final class S3ClientFactory {
    private S3ClientFactory() {
    }

    static S3Client create(S3Settings settings, int concurrency) {
        Duration stall = settings.stallTimeout();
        Duration connect = settings.connectTimeout();
        return S3Client.builder()
                .endpointOverride(settings.endpoint())
                .region(Region.of(settings.region()))
                // RGW serves buckets by path; virtual-host style would need wildcard DNS on the endpoint.
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(settings.accessKeyId(), settings.secretAccessKey())))
                // RGW before Reef answers HTTP 400 to the SDK's default flexible checksums (CRC32 trailers);
                // integrity is covered by our own SHA-256 in the manifest instead.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClientBuilder(ApacheHttpClient.builder()
                        .maxConnections(concurrency + 4)
                        .connectionTimeout(connect)
                        .connectionAcquisitionTimeout(stall)
                        .socketTimeout(stall))
                .overrideConfiguration(config -> config
                        .apiCallAttemptTimeout(stall)
                        .apiCallTimeout(settings.callDeadline())
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                                .maxAttempts(settings.maxAttempts())
                                .build()))
                .build();
    }
}
