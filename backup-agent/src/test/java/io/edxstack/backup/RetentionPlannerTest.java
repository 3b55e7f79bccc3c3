package io.edxstack.backup;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetentionPlannerTest {
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-21T23:45:00Z"), ZoneOffset.UTC);
    private static final RetentionPolicy WEEK = new RetentionPolicy(7, 4, 3, Duration.ofHours(24));

    @Test
    void plan_fewerBackupsThanMinimum_keepsAll() {
        List<BackupManifest> two = List.of(Manifests.at("2026-11-21T02:00:00Z", "000001"),
                Manifests.at("2026-01-01T02:00:00Z", "000002"));
        PrunePlan plan = RetentionPlanner.plan(inventory(two), new RetentionPolicy(0, 0, 3, Duration.ZERO), NOW);
        assertEquals(List.of(), plan.expired());
        assertEquals(2, plan.kept().size());
    }

    @Test
    void plan_onlyIncompleteLeftovers_removesOnlyThosePastGrace() {
        StoredObject old = new StoredObject("backups/campus/mysql/20261119T020000Z-000001.sql.zst", 10,
                Instant.parse("2026-11-19T02:10:00Z"));
        StoredObject fresh = new StoredObject("backups/campus/mysql/20261121T230000Z-000002.sql.zst", 10,
                Instant.parse("2026-11-21T23:10:00Z"));
        PendingUpload staleUpload = new PendingUpload("k1", "u1", Instant.parse("2026-11-20T01:00:00Z"));
        PendingUpload running = new PendingUpload("k2", "u2", Instant.parse("2026-11-21T23:40:00Z"));
        PrunePlan plan = RetentionPlanner.plan(new BackupInventory(List.of(), List.of(old, fresh),
                List.of(staleUpload, running)), WEEK, NOW);
        assertEquals(List.of(old), plan.leftovers());
        assertEquals(List.of(staleUpload), plan.staleUploads());
        assertEquals(List.of(), plan.expired());
        assertEquals(List.of(), plan.kept());
    }

    @Test
    void plan_dailyBackupsOverFiveWeeks_keepsSevenDaysAndFourWeeks() {
        List<BackupManifest> daily = new ArrayList<>();
        for (int day = 0; day < 35; day++) {
            Instant at = Instant.parse("2026-11-21T02:00:00Z").minus(Duration.ofDays(day));
            daily.add(Manifests.at(at.toString(), String.format("%06x", day)));
        }
        PrunePlan plan = RetentionPlanner.plan(inventory(daily), WEEK, NOW);
        Set<String> keptDays = plan.kept().stream().map(k -> k.backup().startedAt().toString().substring(0, 10))
                .collect(Collectors.toSet());
        // 7 newest days (Nov 15..21) and the newest of the 4 newest ISO weeks: Saturday Nov 21 (week 47), Sunday
        // Nov 15 (week 46), Sunday Nov 8 (week 45), Sunday Nov 1 (week 44); the first two are already daily.
        assertEquals(Set.of("2026-11-21", "2026-11-20", "2026-11-19", "2026-11-18", "2026-11-17", "2026-11-16",
                "2026-11-15", "2026-11-08", "2026-11-01"), keptDays);
        assertEquals(35 - 9, plan.expired().size());
    }

    @Test
    void plan_severalBackupsADay_keepsNewestOfEachDay() {
        List<BackupManifest> backups = List.of(Manifests.at("2026-11-21T20:00:00Z", "00000a"),
                Manifests.at("2026-11-21T08:00:00Z", "00000b"), Manifests.at("2026-11-20T20:00:00Z", "00000c"),
                Manifests.at("2026-11-20T08:00:00Z", "00000d"));
        PrunePlan plan = RetentionPlanner.plan(inventory(backups), new RetentionPolicy(2, 0, 1, Duration.ZERO), NOW);
        assertEquals(Set.of("00000a", "00000c"), suffixes(plan.kept().stream().map(PrunePlan.Kept::backup).toList()));
        assertEquals(Set.of("00000b", "00000d"), suffixes(plan.expired()));
    }

    @Test
    void plan_backupsDatedInTheFuture_neitherDeletedNorCountedAgainstOlderOnes() {
        List<BackupManifest> backups = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            backups.add(Manifests.at("2027-06-0" + (i + 1) + "T02:00:00Z", "f0000" + i));
        }
        backups.add(Manifests.at("2026-11-21T02:00:00Z", "000001"));
        backups.add(Manifests.at("2026-11-20T02:00:00Z", "000002"));
        backups.add(Manifests.at("2026-11-19T02:00:00Z", "000003"));
        backups.add(Manifests.at("2026-11-18T02:00:00Z", "000004"));
        PrunePlan plan = RetentionPlanner.plan(inventory(backups), new RetentionPolicy(1, 0, 3, Duration.ZERO), NOW);
        assertEquals(Set.of("000004"), suffixes(plan.expired()),
                "the three newest genuine backups stay although five future-dated ones are newer");
        assertTrue(plan.kept().stream().filter(k -> k.backup().backupId().contains("-f"))
                .allMatch(k -> k.reason().contains("future")));
    }

    @Test
    void plan_backupWithinSkewTolerance_countsAsPresent() {
        List<BackupManifest> backups = List.of(Manifests.at("2026-11-21T23:48:00Z", "000001"),
                Manifests.at("2026-11-20T02:00:00Z", "000002"));
        PrunePlan plan = RetentionPlanner.plan(inventory(backups), new RetentionPolicy(1, 0, 1, Duration.ZERO), NOW);
        assertEquals(Set.of("000002"), suffixes(plan.expired()));
    }

    @Test
    void policy_minKeepBelowOne_isRejected() {
        BackupSettingsException e = assertThrows(BackupSettingsException.class,
                () -> new RetentionPolicy(7, 4, 0, Duration.ZERO));
        assertTrue(e.getMessage().contains("--min-keep"), e.getMessage());
    }

    private static BackupInventory inventory(List<BackupManifest> complete) {
        return new BackupInventory(complete, List.of(), List.of());
    }

    private static Set<String> suffixes(List<BackupManifest> manifests) {
        return manifests.stream().map(m -> m.backupId().substring(17)).collect(Collectors.toSet());
    }
}
