package io.edxstack.config;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Schedules in Kubernetes' cron dialect, and the longest wait between two runs that the RPO is held to. */
class CronScheduleTest {

    @ParameterizedTest(name = "{0} runs at most {1} minutes apart")
    @CsvSource(delimiter = '|', value = {
            "15 */2 * * *     | 120",
            "45 */2 * * *     | 120",
            "*/5 * * * *      | 5",
            "* * * * *        | 1",
            "0,30 9-17 * * *  | 930",
            "1-10/2 * * * *   | 52",
            "30 3 * * 1-5     | 4320",
            "30 3 * * MON-FRI | 4320",
            "0 0 * jan mon    | 493920",
            "0 0 ? * 0        | 10080",
            "@daily           | 1440",
            "@hourly          | 60",
            "@weekly          | 10080",
            "0 0 1,15 * 1     | 10080",
            "0 0 1 * *        | 44640"})
    void longestGap_validSchedules(String schedule, long minutes) {
        assertThat(CronSchedule.parse(schedule).longestGap()).isEqualTo(Duration.ofMinutes(minutes));
        assertThat(CronSchedule.parse(schedule).runs()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "0 25 * * *           | Value 25 not in range [0, 23]",
            "60 * * * *           | Value 60 not in range [0, 59]",
            "99 99 99 99 99       | not in range",
            "0 0 ? * 7            | Value 7 not in range [0, 6]",
            "0 0 L * *            | ",
            "15 */2 * *           | has 4 fields, Kubernetes takes five",
            "0 15 */2 * * *       | has 6 fields",
            "@every 1h            | is not one of @annually",
            "TZ=UTC 0 3 * * *     | time zone inside the schedule",
            "every hour           | has 2 fields"})
    void parse_schedulesKubernetesRefuses_throwWithTheReason(String schedule, String reason) {
        assertThatThrownBy(() -> CronSchedule.parse(schedule)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(reason == null ? "" : reason);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"0 4 31 2 *", "0 4 30 2 *"})
    void runs_scheduleOnADayThatNeverComes_isFalse(String schedule) {
        assertThat(CronSchedule.parse(schedule).runs()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"0 0 29 2 *"})
    void longestGap_leapDayOnly_isYears(String schedule) {
        assertThat(CronSchedule.parse(schedule).runs()).isTrue();
        assertThat(CronSchedule.parse(schedule).longestGap()).isGreaterThan(Duration.ofDays(365 * 3));
    }
}
