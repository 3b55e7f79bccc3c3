package io.edxstack.failover;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The newest complete backup's age per platform database, and whether all are within the RPO. */
public record BackupFreshnessReport(Duration rpo, Instant checkedAt, List<Entry> entries) {

    public BackupFreshnessReport {
        entries = List.copyOf(entries);
    }

    /** True when every database has a complete backup no older than the RPO. */
    public boolean withinRpo() {
        return entries.stream().allMatch(Entry::withinRpo);
    }

    public List<Entry> violations() {
        return entries.stream().filter(entry -> !entry.withinRpo()).toList();
    }

    /** One line per database, for people, e.g. {@code ok    campus/mysql  backup 2026...  age 3h12m (RPO 24h)}. */
    public String toText() {
        return entries.stream().map(entry -> entry.toText(rpo)).collect(Collectors.joining("\n"));
    }

    /**
     * @param futureDated complete backups dated ahead of the checking clock, which were not counted
     * @param skipped     newer complete backups whose data object does not match their manifest, with why
     */
    public record Entry(PlatformDatabase database, Optional<String> newestBackupId, Optional<Duration> age,
                        boolean withinRpo, int futureDated, List<String> skipped) {
        public Entry {
            skipped = List.copyOf(skipped);
        }

        public Entry(PlatformDatabase database, Optional<String> newestBackupId, Optional<Duration> age,
                     boolean withinRpo, int futureDated) {
            this(database, newestBackupId, age, withinRpo, futureDated, List.of());
        }

        String toText(Duration rpo) {
            String status = withinRpo ? "ok   " : "STALE";
            String detail = newestBackupId.isEmpty()
                    ? "no complete backup"
                    : "backup " + newestBackupId.get() + "  age " + human(age.orElseThrow());
            String skew = futureDated == 0 ? ""
                    : "  (" + futureDated + " backup(s) dated in the future ignored, perhaps a writer's clock is wrong)";
            String damaged = skipped.isEmpty() ? ""
                    : "  (newer backup(s) skipped, their data object does not match the manifest: "
                    + String.join(", ", skipped) + ")";
            return status + " " + database + "  " + detail + " (RPO " + human(rpo) + ")" + skew + damaged;
        }

        private static String human(Duration duration) {
            long minutes = duration.toMinutes();
            return minutes >= 60 ? minutes / 60 + "h" + String.format("%02d", minutes % 60) + "m" : minutes + "m";
        }
    }
}
