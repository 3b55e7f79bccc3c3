package io.edxstack.backup;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Decides what prune removes: a pure function of the inventory, the policy and the clock.
 *
 * <p>Backups dated more than {@link #SKEW_TOLERANCE} ahead of the clock (a writer with a wrong clock) are kept and
 * left out of every count, so they can neither be deleted nor push genuine older backups out of the daily, weekly
 * or minimum sets. Days and weeks are UTC, from the backup id's timestamp.
 */
public final class RetentionPlanner {
    public static final Duration SKEW_TOLERANCE = Duration.ofMinutes(5);

    private RetentionPlanner() {
    }

    public static PrunePlan plan(BackupInventory inventory, RetentionPolicy policy, Clock clock) {
        Instant now = clock.instant();
        Map<BackupManifest, String> kept = new LinkedHashMap<>();
        List<BackupManifest> present = new ArrayList<>();
        for (BackupManifest backup : inventory.complete()) {
            if (timeOf(backup).isAfter(now.plus(SKEW_TOLERANCE))) {
                kept.put(backup, "dated in the future, perhaps a writer's clock is wrong: never pruned");
            } else {
                present.add(backup);
            }
        }
        present.sort((a, b) -> b.backupId().compareTo(a.backupId()));
        keepNewestPer(present, policy.keepDaily(), RetentionPlanner::dayOf, "newest of day ", kept);
        keepNewestPer(present, policy.keepWeekly(), RetentionPlanner::weekOf, "newest of week ", kept);
        for (BackupManifest backup : present.subList(0, Math.min(policy.minKeep(), present.size()))) {
            kept.putIfAbsent(backup, "among the " + policy.minKeep() + " newest (--min-keep)");
        }
        List<BackupManifest> expired = present.stream().filter(backup -> !kept.containsKey(backup)).toList();
        Instant cutoff = now.minus(policy.grace());
        List<StoredObject> leftovers = inventory.leftovers().stream()
                .filter(object -> object.lastModified().isBefore(cutoff))
                .toList();
        List<PendingUpload> staleUploads = inventory.uploads().stream()
                .filter(upload -> upload.initiated().isBefore(cutoff))
                .toList();
        List<PrunePlan.Kept> keptList = kept.entrySet().stream()
                .map(entry -> new PrunePlan.Kept(entry.getKey(), entry.getValue()))
                .sorted((a, b) -> b.backup().backupId().compareTo(a.backup().backupId()))
                .toList();
        return new PrunePlan(keptList, expired, leftovers, staleUploads);
    }

    private static void keepNewestPer(List<BackupManifest> newestFirst, int periods,
                                      Function<BackupManifest, String> periodOf, String reason,
                                      Map<BackupManifest, String> kept) {
        Set<String> seen = new HashSet<>();
        for (BackupManifest backup : newestFirst) {
            String period = periodOf.apply(backup);
            if (seen.size() >= periods && !seen.contains(period)) {
                return;
            }
            if (seen.add(period)) {
                kept.putIfAbsent(backup, reason + period);
            }
        }
    }

    private static Instant timeOf(BackupManifest backup) {
        return backup.id().startedAt();
    }

    private static String dayOf(BackupManifest backup) {
        return LocalDate.ofInstant(timeOf(backup), ZoneOffset.UTC).toString();
    }

    private static String weekOf(BackupManifest backup) {
        LocalDate day = LocalDate.ofInstant(timeOf(backup), ZoneOffset.UTC);
        return day.get(IsoFields.WEEK_BASED_YEAR) + "-W" + String.format("%02d", day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }
}
