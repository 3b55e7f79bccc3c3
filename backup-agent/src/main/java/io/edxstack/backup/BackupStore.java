package io.edxstack.backup;

import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.function.LongConsumer;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

/**
 * The S3 requests the agent makes, on one bucket. Every failure comes out as a {@link BackupException} naming the
 * request and key; nothing here logs.
 */
public final class BackupStore implements AutoCloseable {
    /** The slowest upload of a part that still counts as progress: its attempt's deadline grows with its size. */
    private static final long SLOWEST_PART_BYTES_PER_SECOND = 256 * 1024;
    /** Reading a data object is bounded by the socket's stall timeout, not by a deadline for the whole stream. */
    private static final Duration STREAM_DEADLINE = Duration.ofHours(24);

    private final S3Client s3;
    private final String bucket;
    private final String endpoint;
    private final S3Settings settings;

    private BackupStore(S3Client s3, S3Settings settings) {
        this.s3 = s3;
        this.bucket = settings.bucket();
        this.endpoint = settings.endpoint().toString();
        this.settings = settings;
    }

    public static BackupStore open(S3Settings settings, int concurrency) {
        return new BackupStore(S3ClientFactory.create(settings, concurrency), settings);
    }

    public String bucket() {
        return bucket;
    }

    /** The S3 endpoint, for messages. */
    public String endpoint() {
        return endpoint;
    }

    S3Settings settings() {
        return settings;
    }

    String startUpload(String key) {
        return call("CreateMultipartUpload", key, () -> s3.createMultipartUpload(
                r -> r.bucket(bucket).key(key).contentType("application/zstd")).uploadId());
    }

    /**
     * Sends one part straight from the caller's buffer: the SDK reads it through a stream, it is never copied.
     * {@code accepted} hears of every byte the SDK takes from the buffer (into the socket), for stall detection.
     */
    CompletedPart uploadPart(String key, String uploadId, int partNumber, byte[] buffer, int length,
                             LongConsumer accepted) {
        RequestBody body = RequestBody.fromContentProvider(
                () -> new ProgressInputStream(new ByteArrayInputStream(buffer, 0, length), accepted), length,
                "application/octet-stream");
        Duration attempt = settings.stallTimeout().plusSeconds(length / SLOWEST_PART_BYTES_PER_SECOND);
        Duration total = attempt.multipliedBy(settings.maxAttempts()).plusSeconds(20L * settings.maxAttempts());
        String etag = call("UploadPart " + partNumber, key, () -> s3.uploadPart(
                r -> r.bucket(bucket).key(key).uploadId(uploadId).partNumber(partNumber).contentLength((long) length)
                        .overrideConfiguration(o -> o.apiCallAttemptTimeout(attempt).apiCallTimeout(total)),
                body).eTag());
        return CompletedPart.builder().partNumber(partNumber).eTag(etag).build();
    }

    void completeUpload(String key, String uploadId, List<CompletedPart> parts) {
        call("CompleteMultipartUpload", key, () -> s3.completeMultipartUpload(r -> r.bucket(bucket).key(key)
                .uploadId(uploadId).multipartUpload(m -> m.parts(parts))));
    }

    void abortUpload(String key, String uploadId) {
        call("AbortMultipartUpload", key, () -> s3.abortMultipartUpload(
                r -> r.bucket(bucket).key(key).uploadId(uploadId)));
    }

    /** Aborts within {@code deadline}, retries included, whatever the client's own deadlines. */
    void abortUpload(String key, String uploadId, Duration deadline) {
        Duration attempt = deadline.compareTo(settings.stallTimeout()) < 0 ? deadline : settings.stallTimeout();
        call("AbortMultipartUpload", key, () -> s3.abortMultipartUpload(
                r -> r.bucket(bucket).key(key).uploadId(uploadId)
                        .overrideConfiguration(o -> o.apiCallAttemptTimeout(attempt).apiCallTimeout(deadline))));
    }

    /** Size of an object as S3 stores it; asked after completing an upload since RGW returns no ETag from it. */
    long sizeOf(String key) {
        HeadObjectResponse head = call("HeadObject", key, () -> s3.headObject(r -> r.bucket(bucket).key(key)));
        return head.contentLength();
    }

    void putText(String key, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        call("PutObject", key, () -> s3.putObject(r -> r.bucket(bucket).key(key).contentType("application/json"),
                RequestBody.fromBytes(bytes)));
    }

    String getText(String key) {
        return call("GetObject", key, () -> s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asUtf8String());
    }

    /** Streams an object; a plain GET, which RGW serves for multipart objects as one body. */
    public InputStream open(String key) {
        ResponseInputStream<GetObjectResponse> stream =
                call("GetObject", key, () -> s3.getObject(r -> r.bucket(bucket).key(key).overrideConfiguration(
                        o -> o.apiCallAttemptTimeout(STREAM_DEADLINE).apiCallTimeout(STREAM_DEADLINE))));
        return new StorageInputStream(stream, bucket, key);
    }

    public List<StoredObject> list(String prefix) {
        return call("ListObjectsV2", prefix, () -> s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix))
                .contents().stream()
                .map(o -> new StoredObject(o.key(), o.size(), o.lastModified()))
                .toList());
    }

    public List<PendingUpload> pendingUploads(String prefix) {
        return call("ListMultipartUploads", prefix, () -> s3.listMultipartUploadsPaginator(
                        r -> r.bucket(bucket).prefix(prefix))
                .uploads().stream()
                .map(u -> new PendingUpload(u.key(), u.uploadId(), u.initiated()))
                .toList());
    }

    public void delete(String key) {
        call("DeleteObject", key, () -> s3.deleteObject(r -> r.bucket(bucket).key(key)));
    }

    /** Deletes an object that has no manifest, or says why it could not: 'backups prune' removes it later. */
    void deleteQuietly(String key, AgentLog log) {
        try {
            delete(key);
        } catch (BackupException e) {
            log.info("could not delete " + key + " which has no manifest (" + e.getMessage()
                    + "); 'backups prune' removes it once it is older than its grace period");
        }
    }

    private <T> T call(String operation, String key, Supplier<T> request) {
        try {
            return request.get();
        } catch (SdkException e) {
            throw S3Errors.translate(operation, bucket, key, endpoint, e);
        }
    }

    @Override
    public void close() {
        s3.close();
    }
}
