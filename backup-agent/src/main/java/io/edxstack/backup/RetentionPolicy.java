package io.edxstack.backup;

import java.time.Duration;

/**
 * How many complete backups prune keeps: the newest of each of the last {@code keepDaily} days and
 * {@code keepWeekly} ISO weeks that have backups, and never fewer than the {@code minKeep} newest. Counting days
 * that have backups (not calendar days) means a week without backups never empties the catalogue.
 * {@code grace} is how old an incomplete leftover or multipart upload must be before it is removed: longer than
 * the longest backup run, or prune would abort a run in progress.
 */
public record RetentionPolicy(int keepDaily, int keepWeekly, int minKeep, Duration grace) {
    public RetentionPolicy {
        if (keepDaily < 0 || keepWeekly < 0) {
            throw new BackupSettingsException("--keep-daily and --keep-weekly must not be negative");
        }
        if (minKeep < 1) {
            throw new BackupSettingsException("--min-keep " + minKeep + " would allow deleting every backup, "
                    + "perhaps 3");
        }
        if (grace.isNegative()) {
            throw new BackupSettingsException("--grace " + grace + " is negative, perhaps 24h");
        }
    }
}
