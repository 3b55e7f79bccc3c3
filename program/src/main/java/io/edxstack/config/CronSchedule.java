package io.edxstack.config;

import com.cronutils.model.Cron;
import com.cronutils.model.definition.CronDefinition;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.field.CronFieldName;
import com.cronutils.model.field.expression.Always;
import com.cronutils.model.field.expression.And;
import com.cronutils.model.field.expression.Between;
import com.cronutils.model.field.expression.Every;
import com.cronutils.model.field.expression.FieldExpression;
import com.cronutils.model.field.expression.On;
import com.cronutils.model.field.expression.QuestionMark;
import com.cronutils.model.field.value.FieldValue;
import com.cronutils.model.field.value.IntegerFieldValue;
import com.cronutils.parser.CronParser;

import java.time.Duration;
import java.time.LocalDate;
import java.util.BitSet;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A CronJob schedule in Kubernetes' dialect (robfig/cron's standard parser): five fields, minute 0-59, hour
 * 0-23, day of month 1-31, month 1-12 or JAN-DEC, day of week 0-6 or SUN-SAT, with lists, ranges, steps and
 * {@code ?}, or one of the macros {@code @yearly}, {@code @monthly}, {@code @weekly}, {@code @daily},
 * {@code @hourly}. Parsed with cron-utils, so the longest gap between two runs can be measured.
 */
public final class CronSchedule {
    private static final CronDefinition KUBERNETES = CronDefinitionBuilder.defineCron()
            .withMinutes().withValidRange(0, 59).and()
            .withHours().withValidRange(0, 23).and()
            .withDayOfMonth().withValidRange(1, 31).supportsQuestionMark().and()
            .withMonth().withValidRange(1, 12).and()
            .withDayOfWeek().withValidRange(0, 6).withMondayDoWValue(1).supportsQuestionMark().and()
            .instance();
    private static final CronParser PARSER = new CronParser(KUBERNETES);
    private static final Map<String, String> MACROS = Map.of(
            "@yearly", "0 0 1 1 *", "@annually", "0 0 1 1 *", "@monthly", "0 0 1 * *", "@weekly", "0 0 * * 0",
            "@daily", "0 0 * * *", "@midnight", "0 0 * * *", "@hourly", "0 * * * *");
    /** Long enough to meet every month length and weekday, and a leap day when there is one. */
    private static final Duration WINDOW = Duration.ofDays(4 * 366);
    private static final ZonedDateTime EPOCH = ZonedDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    private static final Map<String, Measure> MEASURES = new ConcurrentHashMap<>();

    private final String text;
    private final Cron cron;

    private CronSchedule(String text, Cron cron) {
        this.text = text;
        this.cron = cron;
    }

    /** Parses a schedule; the message says what Kubernetes would object to. */
    public static CronSchedule parse(String text) {
        String trimmed = text.trim();
        if (trimmed.startsWith("TZ=") || trimmed.startsWith("CRON_TZ=")) {
            throw new IllegalArgumentException("Kubernetes refuses a time zone inside the schedule; CronJobs of "
                    + "edxstack run in UTC, write the UTC time");
        }
        if (trimmed.startsWith("@")) {
            String fields = MACROS.get(trimmed.toLowerCase(Locale.ROOT));
            if (fields == null) {
                throw new IllegalArgumentException("'" + trimmed + "' is not one of " + String.join(", ",
                        MACROS.keySet().stream().sorted().toList()) + "; perhaps five cron fields");
            }
            return new CronSchedule(trimmed, PARSER.parse(fields));
        }
        String[] fields = trimmed.split("\\s+");
        if (fields.length != 5) {
            throw new IllegalArgumentException("has " + fields.length + " fields, Kubernetes takes five: "
                    + "minute hour day-of-month month day-of-week");
        }
        try {
            return new CronSchedule(trimmed, PARSER.parse(trimmed.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() == null ? "is not a cron schedule" : e.getMessage());
        }
    }

    /** Whether the schedule ever runs: Kubernetes accepts {@code 0 0 31 2 *}, which never does. */
    public boolean runs() {
        return measure().matchingDays() > 0;
    }

    /** The longest time between two consecutive runs, over four years of UTC calendar (at most that). */
    public Duration longestGap() {
        return measure().longestGap();
    }

    private record Measure(Duration longestGap, int matchingDays) {
    }

    private Measure measure() {
        return MEASURES.computeIfAbsent(text, ignored -> measureGaps());
    }

    /**
     * Every matching day runs at the same minutes, so the gaps are the ones inside a day and the ones from a
     * matching day's last run to the next matching day's first. As robfig/cron does, a day matches on its
     * day of month OR its day of week when both fields are restricted, on both when either starts with * or ?.
     */
    private Measure measureGaps() {
        BitSet minutes = values(CronFieldName.MINUTE, 0, 59);
        BitSet hours = values(CronFieldName.HOUR, 0, 23);
        BitSet daysOfMonth = values(CronFieldName.DAY_OF_MONTH, 1, 31);
        BitSet months = values(CronFieldName.MONTH, 1, 12);
        BitSet daysOfWeek = values(CronFieldName.DAY_OF_WEEK, 0, 6);
        boolean either = !starred(2) && !starred(4);
        int first = -1;
        int last = -1;
        long longest = 0;
        for (int hour = hours.nextSetBit(0); hour >= 0; hour = hours.nextSetBit(hour + 1)) {
            for (int minute = minutes.nextSetBit(0); minute >= 0; minute = minutes.nextSetBit(minute + 1)) {
                int at = hour * 60 + minute;
                if (last >= 0) {
                    longest = Math.max(longest, at - last);
                }
                first = first < 0 ? at : first;
                last = at;
            }
        }
        long previousDay = -1;
        int matchingDays = 0;
        long days = WINDOW.toDays();
        for (long day = 0; day < days; day++) {
            LocalDate date = EPOCH.toLocalDate().plusDays(day);
            boolean dom = daysOfMonth.get(date.getDayOfMonth());
            boolean dow = daysOfWeek.get(date.getDayOfWeek().getValue() % 7);
            if (!months.get(date.getMonthValue()) || !(either ? dom || dow : dom && dow)) {
                continue;
            }
            if (previousDay >= 0) {
                longest = Math.max(longest, (day - previousDay) * 1440 + first - last);
            }
            previousDay = day;
            matchingDays++;
        }
        return new Measure(matchingDays < 2 ? WINDOW : Duration.ofMinutes(Math.min(longest, WINDOW.toMinutes())),
                matchingDays);
    }

    /** robfig/cron treats a field starting with * or ? as unrestricted when combining the day fields. */
    private boolean starred(int field) {
        String[] fields = cron.asString().split("\\s+");
        return fields[field].startsWith("*") || fields[field].startsWith("?");
    }

    private BitSet values(CronFieldName field, int min, int max) {
        BitSet values = new BitSet();
        expand(cron.retrieve(field).getExpression(), min, max, values);
        return values;
    }

    private static void expand(FieldExpression expression, int min, int max, BitSet into) {
        if (expression instanceof Always || expression instanceof QuestionMark) {
            into.set(min, max + 1);
        } else if (expression instanceof On on) {
            into.set(on.getTime().getValue());
        } else if (expression instanceof Between between) {
            into.set(number(between.getFrom()), number(between.getTo()) + 1);
        } else if (expression instanceof And and) {
            and.getExpressions().forEach(part -> expand(part, min, max, into));
        } else if (expression instanceof Every every) {
            BitSet base = new BitSet();
            FieldExpression from = every.getExpression();
            if (from instanceof On on) {
                base.set(on.getTime().getValue(), max + 1);
            } else {
                expand(from, min, max, base);
            }
            int step = every.getPeriod().getValue();
            int start = base.nextSetBit(0);
            for (int value = start; value >= 0 && value <= max; value += step) {
                if (base.get(value)) {
                    into.set(value);
                }
            }
        } else {
            throw new IllegalStateException("unexpected cron expression " + expression.asString());
        }
    }

    private static int number(FieldValue<?> value) {
        if (value instanceof IntegerFieldValue integer) {
            return integer.getValue();
        }
        throw new IllegalStateException("unexpected cron value " + value);
    }

    @Override
    public String toString() {
        return text;
    }
}
