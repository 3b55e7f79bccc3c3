package io.edxstack.backup;

import io.edxstack.backup.contract.DatabaseKind;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Manifests for backups taken at given times, for tests of catalogue logic. */
final class Manifests {
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private Manifests() {
    }

    static BackupManifest at(String isoInstant, String suffix) {
        Instant started = Instant.parse(isoInstant);
        String id = STAMP.format(started) + "-" + suffix;
        return new BackupManifest(BackupManifest.FORMAT_VERSION, id, "campus", DatabaseKind.MYSQL, "edxapp",
                "backups/campus/mysql/" + id + ".sql.zst", 1000, "ab".repeat(32), 5000, "zstd",
                "mariadb-dump test", "edxstack test", "region-a", "active", started, started.plusSeconds(60),
                5 * 1024 * 1024, 1);
    }
}
