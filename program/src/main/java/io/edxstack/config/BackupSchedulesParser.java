package io.edxstack.config;

import io.edxstack.config.PlatformSpec.BackupSchedules;

import java.util.Set;

/** Reads a platform's {@code backup:} section: three cron schedules. */
final class BackupSchedulesParser {
    /** Default: backups every two hours, restores at the DR site 30 minutes later, pruning once a day. */
    static final BackupSchedules DEFAULTS = new BackupSchedules("15 */2 * * *", "45 */2 * * *", "30 3 * * *");

    private BackupSchedulesParser() {
    }

    static BackupSchedules parse(YamlObject backup) {
        backup.allowOnly(Set.of("schedule", "restoreSchedule", "pruneSchedule"));
        return new BackupSchedules(
                cron(backup, "schedule", DEFAULTS.backup()),
                cron(backup, "restoreSchedule", DEFAULTS.restore()),
                cron(backup, "pruneSchedule", DEFAULTS.prune()));
    }

    private static String cron(YamlObject yaml, String key, String fallback) {
        String text = yaml.string(key).orElse(fallback);
        try {
            if (!CronSchedule.parse(text).runs()) {
                yaml.problem(key, "never runs (no such day in any year), perhaps another day of the month (got '"
                        + text + "')");
            }
        } catch (IllegalArgumentException e) {
            yaml.problem(key, "must be a Kubernetes cron schedule of five fields such as '15 */2 * * *': "
                    + e.getMessage() + " (got '" + text + "')");
        }
        return text;
    }
}
