package io.edxstack.backup;

import java.time.Instant;

/** An object as an S3 listing shows it. */
public record StoredObject(String key, long size, Instant lastModified) {
}
