package io.edxstack.backup;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A backup's identity, e.g. {@code 20261121T234500Z-3f9a1c}: the UTC start second first so that ids sort by time
 * in S3 listings, then a random suffix so two runs in the same second never share an object key.
 */
public record BackupId(String value) implements Comparable<BackupId> {
    private static final Pattern SHAPE = Pattern.compile("\\d{8}T\\d{6}Z-[0-9a-f]{6}");
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    public BackupId {
        if (!SHAPE.matcher(value).matches()) {
            throw new BackupSettingsException("'" + value + "' is not a backup id, perhaps copy one from 'backups list'");
        }
    }

    public static BackupId next(Clock clock) {
        byte[] suffix = new byte[3];
        RANDOM.nextBytes(suffix);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        return new BackupId(STAMP.format(now) + "-" + HexFormat.of().formatHex(suffix));
    }

    public static boolean looksLikeId(String text) {
        return SHAPE.matcher(text).matches();
    }

    /** When the backup started, by the writer's clock. */
    public Instant startedAt() {
        try {
            return Instant.from(STAMP.parse(value.substring(0, 16)));
        } catch (DateTimeParseException e) {
            throw new BackupSettingsException("'" + value + "' holds no valid time, perhaps copy one from 'backups list'");
        }
    }

    @Override
    public int compareTo(BackupId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
