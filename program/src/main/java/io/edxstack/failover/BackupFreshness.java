package io.edxstack.failover;

import io.edxstack.backup.BackupCatalogue;
import io.edxstack.backup.BackupManifest;
import io.edxstack.backup.CheckedBackups;
import io.edxstack.backup.RetentionPlanner;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * How old each platform database's newest complete backup is, against the recovery point objective. A database
 * without a complete backup violates the RPO. A backup dated ahead of the clock (beyond the skew tolerance) cannot
 * prove freshness, so the newest backup not in the future is the one judged, and the report says so.
 */
public final class BackupFreshness {
    private BackupFreshness() {
    }

    public static BackupFreshnessReport check(BackupCatalogue catalogue, List<PlatformDatabase> databases,
                                              Duration rpo, Clock clock) {
        if (rpo.isNegative() || rpo.isZero()) {
            throw new IllegalArgumentException("RPO " + rpo + " must be positive, perhaps PT24H");
        }
        Instant now = clock.instant();
        Instant latestCredible = now.plus(RetentionPlanner.SKEW_TOLERANCE);
        List<BackupFreshnessReport.Entry> entries = databases.stream().map(database -> {
            CheckedBackups checked = catalogue.checkedBackups(database.platform(), database.kind());
            List<BackupManifest> complete = checked.usable();
            int futureDated = (int) complete.stream()
                    .filter(backup -> backup.finishedAt().isAfter(latestCredible))
                    .count();
            Optional<BackupManifest> newest = complete.stream()
                    .filter(backup -> !backup.finishedAt().isAfter(latestCredible))
                    .max((a, b) -> a.finishedAt().compareTo(b.finishedAt()));
            Optional<Duration> age = newest.map(backup -> durationOrZero(backup.finishedAt(), now));
            boolean within = age.map(a -> a.compareTo(rpo) <= 0).orElse(false);
            // Backups newer than the one judged that failed the check: what a restore of "latest" skips too.
            String judged = newest.map(BackupManifest::backupId).orElse("");
            List<String> skipped = checked.rejected().stream()
                    .filter(rejected -> rejected.backupId().compareTo(judged) > 0)
                    .map(CheckedBackups.Rejected::toString)
                    .toList();
            return new BackupFreshnessReport.Entry(database, newest.map(BackupManifest::backupId), age, within,
                    futureDated, skipped);
        }).toList();
        return new BackupFreshnessReport(rpo, now, entries);
    }

    private static Duration durationOrZero(Instant finished, Instant now) {
        Duration age = Duration.between(finished, now);
        return age.isNegative() ? Duration.ZERO : age;
    }
}
