package io.edxstack.backup;

import io.edxstack.backup.contract.DatabaseKind;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.time.Instant;

/**
 * The record of one complete backup, written after its data object: a backup exists only when its manifest does.
 * {@code size} and {@code sha256} describe the stored (compressed) object, as S3 holds it.
 */
public record BackupManifest(
        int formatVersion,
        String backupId,
        String platform,
        DatabaseKind databaseKind,
        String databaseName,
        String objectKey,
        long size,
        String sha256,
        long uncompressedSize,
        String compression,
        String dumpToolVersion,
        String agentVersion,
        String region,
        String stackRole,
        Instant startedAt,
        Instant finishedAt,
        long partSize,
        int partCount) {

    public static final int FORMAT_VERSION = 1;

    private static final ObjectMapper JSON = io.edxstack.reading.Mappers.json().build()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    @JsonIgnore
    public BackupId id() {
        return new BackupId(backupId);
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("manifest of " + backupId + " cannot be written as JSON", e);
        }
    }

    public static BackupManifest fromJson(String json, String key) {
        try {
            return JSON.readValue(json, BackupManifest.class);
        } catch (JsonProcessingException e) {
            throw new StorageException("manifest " + key + " is not valid JSON (" + e.getOriginalMessage()
                    + "), perhaps it was edited by hand", 0, e);
        }
    }
}
