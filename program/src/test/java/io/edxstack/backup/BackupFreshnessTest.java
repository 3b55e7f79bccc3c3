package io.edxstack.backup;

import io.edxstack.backup.contract.DatabaseKind;
import io.edxstack.failover.BackupFreshness;
import io.edxstack.failover.BackupFreshnessReport;
import io.edxstack.failover.PlatformDatabase;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The catalogue is an in-memory stand-in here; the S3 catalogue it reads in production is tested against RGW. */
class BackupFreshnessTest {
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-21T23:45:00Z"), ZoneOffset.UTC);
    private static final PlatformDatabase MYSQL = new PlatformDatabase("campus", DatabaseKind.MYSQL);
    private static final PlatformDatabase MONGO = new PlatformDatabase("campus", DatabaseKind.MONGODB);

    @Test
    void check_recentBackups_withinRpo() {
        BackupCatalogue catalogue = catalogue(Map.of(
                DatabaseKind.MYSQL, List.of(Manifests.at("2026-11-21T20:00:00Z", "000001")),
                DatabaseKind.MONGODB, List.of(Manifests.at("2026-11-21T02:00:00Z", "000002"))));
        BackupFreshnessReport report = BackupFreshness.check(catalogue, List.of(MYSQL, MONGO), Duration.ofHours(24), NOW);
        assertTrue(report.withinRpo(), report.toText());
        assertEquals(Duration.ofMinutes(224), report.entries().get(0).age().orElseThrow());
        assertTrue(report.toText().contains("ok    campus/mysql  backup 20261121T200000Z-000001  age 3h44m"),
                report.toText());
    }

    @Test
    void check_missingBackup_isViolation() {
        BackupCatalogue catalogue = catalogue(Map.of(DatabaseKind.MYSQL,
                List.of(Manifests.at("2026-11-21T20:00:00Z", "000001"))));
        BackupFreshnessReport report = BackupFreshness.check(catalogue, List.of(MYSQL, MONGO), Duration.ofHours(24), NOW);
        assertFalse(report.withinRpo());
        assertEquals(List.of(MONGO), report.violations().stream().map(BackupFreshnessReport.Entry::database).toList());
        assertTrue(report.toText().contains("STALE campus/mongodb  no complete backup"), report.toText());
    }

    @Test
    void check_backupOlderThanRpo_isViolation() {
        BackupCatalogue catalogue = catalogue(Map.of(DatabaseKind.MYSQL,
                List.of(Manifests.at("2026-11-20T20:00:00Z", "000001"))));
        BackupFreshnessReport report = BackupFreshness.check(catalogue, List.of(MYSQL), Duration.ofHours(24), NOW);
        assertFalse(report.withinRpo(), report.toText());
    }

    @Test
    void check_onlyFutureDatedBackupIsFresh_doesNotCount() {
        BackupCatalogue catalogue = catalogue(Map.of(DatabaseKind.MYSQL, List.of(
                Manifests.at("2027-01-01T00:00:00Z", "00000f"), Manifests.at("2026-11-19T20:00:00Z", "000001"))));
        BackupFreshnessReport report = BackupFreshness.check(catalogue, List.of(MYSQL), Duration.ofHours(24), NOW);
        assertFalse(report.withinRpo(), report.toText());
        assertEquals("20261119T200000Z-000001", report.entries().get(0).newestBackupId().orElseThrow());
        assertTrue(report.toText().contains("dated in the future"), report.toText());
    }

    private static BackupCatalogue catalogue(Map<DatabaseKind, List<BackupManifest>> backups) {
        return (platform, kind) -> backups.getOrDefault(kind, List.of());
    }
}
