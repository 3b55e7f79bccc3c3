package io.edxstack.backup;

import java.time.Instant;

/** A multipart upload S3 still holds parts for: one in progress, or one a killed run left behind. */
public record PendingUpload(String key, String uploadId, Instant initiated) {
}
