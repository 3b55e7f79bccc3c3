package io.edxstack.backup;

import io.edxstack.backup.contract.DatabaseKind;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackupKeysTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T23:45:00.750Z"), ZoneOffset.UTC);

    @Test
    void next_idStartsWithUtcSecondAndSortsByTime() {
        BackupId id = BackupId.next(CLOCK);
        assertTrue(id.value().startsWith("20261121T234500Z-"), id.value());
        assertEquals(Instant.parse("2026-11-21T23:45:00Z"), id.startedAt());
        BackupId later = BackupId.next(Clock.offset(CLOCK, java.time.Duration.ofSeconds(1)));
        assertTrue(later.compareTo(id) > 0);
        assertNotEquals(id, BackupId.next(CLOCK), "two runs in one second get different ids");
    }

    @Test
    void keys_layoutIsPrefixPlatformKindId() {
        BackupKeys keys = new BackupKeys("/backups/", "campus", DatabaseKind.MONGODB);
        BackupId id = new BackupId("20261121T234500Z-3f9a1c");
        assertEquals("backups/campus/mongodb/20261121T234500Z-3f9a1c.archive.zst", keys.dataKey(id));
        assertEquals("backups/campus/mongodb/20261121T234500Z-3f9a1c.manifest.json", keys.manifestKey(id));
        assertEquals(Optional.of(id), keys.idOf(keys.dataKey(id)));
        assertEquals(Optional.of(id), keys.idOf(keys.manifestKey(id)));
        assertEquals(Optional.empty(), keys.idOf("backups/campus/mongodb/notes.txt"));
        assertEquals(Optional.empty(), keys.idOf("backups/campus/mysql/20261121T234500Z-3f9a1c.sql.zst"));
    }

    @Test
    void keys_platformNotADnsLabel_namesFlag() {
        BackupSettingsException e = assertThrows(BackupSettingsException.class,
                () -> new BackupKeys("backups", "Campus_1", DatabaseKind.MYSQL));
        assertTrue(e.getMessage().contains("--platform"), e.getMessage());
    }

    @Test
    void manifest_jsonRoundTrip_keepsEveryField() {
        BackupManifest manifest = Manifests.at("2026-11-21T02:00:00Z", "00abcd");
        String json = manifest.toJson();
        assertTrue(json.contains("\"databaseKind\" : \"mysql\""), json);
        assertEquals(manifest, BackupManifest.fromJson(json, "key"));
    }
}
