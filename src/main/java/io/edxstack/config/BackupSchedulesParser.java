package io.edxstack.config;

import io.edxstack.config.PlatformSpec.BackupSchedules;

import java.util.Set;
import java.util.regex.Pattern;

/** Reads a platform's {@code backup:} section: three cron schedules. */
final class BackupSchedulesParser {
    /** Five cron fields of numbers, ranges, lists, steps or '*'; Kubernetes' own macros (@daily) too. */
    private static final Pattern CRON = Pattern.compile(
            "(@(yearly|annually|monthly|weekly|daily|midnight|hourly))|([0-9*,/-]+\\s+){4}[0-9*,/-]+");

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
        return yaml.matching(key, CRON, "a cron schedule of five fields such as '15 */2 * * *'", fallback);
    }
}
