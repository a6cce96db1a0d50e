package io.gridpulse.model.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeadlineCalculatorTest {

    private static final DeadlineCalculator SHANGHAI = new DeadlineCalculator(WorkingDayCalendar.mainland());

    /** An instant written as local Shanghai time, e.g. {@code 2026-09-30T15:00}. */
    private static Instant local(String dateTime) {
        return OffsetDateTime.parse(dateTime + "+08:00").toInstant();
    }

    private static SlaLimit.WorkingDays workingDays(int n) {
        return new SlaLimit.WorkingDays(n);
    }

    @Test
    void theDomainExampleIsDueAtTheEndOfTheMakeUpSaturday() {
        // Wed 2026-09-30 15:00, 3 working days: Oct 8, Oct 9, Oct 10 (make-up Saturday)
        assertThat(SHANGHAI.deadline(local("2026-09-30T15:00"), workingDays(3)))
                .isEqualTo(Instant.parse("2026-10-10T16:00:00Z"))
                .isEqualTo(local("2026-10-11T00:00"));
    }

    @Test
    void theDefaultZoneIsShanghai() {
        assertThat(SHANGHAI.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(DeadlineCalculator.DEFAULT_ZONE).isEqualTo(ZoneId.of("Asia/Shanghai"));
    }

    @ParameterizedTest(name = "created {0}, {1} working days, due {2}")
    @CsvSource({
            // on an ordinary working day: the creation day is not counted
            "2026-03-04T10:00, 1, 2026-03-06T00:00",
            "2026-03-04T10:00, 3, 2026-03-10T00:00",
            // on a holiday
            "2026-10-03T10:00, 1, 2026-10-09T00:00",
            "2026-02-18T09:30, 1, 2026-02-25T00:00",
            "2026-01-01T08:00, 1, 2026-01-05T00:00",
            // on an ordinary weekend
            "2026-03-07T11:00, 1, 2026-03-10T00:00",
            "2026-03-08T23:00, 1, 2026-03-10T00:00",
            // on a make-up Saturday: a working day, still not counted
            "2026-10-10T10:00, 1, 2026-10-13T00:00",
            "2026-02-14T10:00, 1, 2026-02-25T00:00",
            "2026-01-04T10:00, 1, 2026-01-06T00:00",
            // at the edges of the local day
            "2026-03-04T00:00, 1, 2026-03-06T00:00",
            "2026-03-04T23:59, 1, 2026-03-06T00:00",
            "2026-03-04T23:59:59.999, 1, 2026-03-06T00:00",
            "2026-03-05T00:00, 1, 2026-03-07T00:00",
            "2026-09-30T23:59, 1, 2026-10-09T00:00",
            "2026-10-01T00:00, 1, 2026-10-09T00:00",
            // month ends and February
            "2026-01-30T10:00, 1, 2026-02-03T00:00",
            "2026-03-31T10:00, 1, 2026-04-02T00:00",
            "2026-04-30T10:00, 1, 2026-05-07T00:00",
            "2026-02-27T10:00, 1, 2026-03-01T00:00",
            "2026-02-28T10:00, 1, 2026-03-03T00:00",
            "2025-02-27T10:00, 1, 2025-03-01T00:00",
            "2025-02-28T10:00, 1, 2025-03-04T00:00",
            "2026-11-30T10:00, 1, 2026-12-02T00:00",
            // across the year end and the 2026 New Year make-up Sunday
            "2025-12-31T10:00, 1, 2026-01-05T00:00",
            "2025-12-31T10:00, 3, 2026-01-07T00:00",
            "2025-12-30T18:00, 2, 2026-01-05T00:00",
            // longer limits across blocks
            "2026-09-30T15:00, 7, 2026-10-16T00:00",
            "2026-02-10T09:00, 15, 2026-03-10T00:00",
            "2025-09-26T09:00, 3, 2025-10-01T00:00"})
    void workingDayDeadlinesFallAtTheEndOfTheNthWorkingDayAfterTheCreationDate(
            String created, int days, String due) {
        assertThat(SHANGHAI.deadline(local(created), workingDays(days))).isEqualTo(local(due));
    }

    @Test
    void theCreationDateIsTakenInTheCalculatorsZoneNotInUtc() {
        // 2026-09-29T17:00Z is already Wed Sep 30 01:00 in Shanghai: Sep 30 is not counted
        var created = Instant.parse("2026-09-29T17:00:00Z");
        assertThat(SHANGHAI.deadline(created, workingDays(1))).isEqualTo(local("2026-10-09T00:00"));
        var utc = new DeadlineCalculator(WorkingDayCalendar.mainland(), ZoneOffset.UTC);
        assertThat(utc.deadline(created, workingDays(1))).isEqualTo(Instant.parse("2026-10-01T00:00:00Z"));
    }

    @Test
    void anInstantThatIsStillSeptember30InUtcIsOctober1InShanghai() {
        var created = Instant.parse("2026-09-30T17:00:00Z");
        assertThat(SHANGHAI.deadline(created, workingDays(1))).isEqualTo(local("2026-10-09T00:00"));
        assertThat(SHANGHAI.deadline(created, workingDays(3))).isEqualTo(local("2026-10-11T00:00"));
        // one minute earlier it is still Sep 30 23:59 in Shanghai; the result is the same because Oct 1-7 are off
        assertThat(SHANGHAI.deadline(created.minusSeconds(60), workingDays(3))).isEqualTo(local("2026-10-11T00:00"));
    }

    @Test
    void theLastMinuteOfAShanghaiDayIsNotYetTheNextDay() {
        // 2026-03-04T15:59Z = Wed 23:59 Shanghai; 16:00Z = Thu 00:00 Shanghai
        assertThat(SHANGHAI.deadline(Instant.parse("2026-03-04T15:59:00Z"), workingDays(1)))
                .isEqualTo(local("2026-03-06T00:00"));
        assertThat(SHANGHAI.deadline(Instant.parse("2026-03-04T16:00:00Z"), workingDays(1)))
                .isEqualTo(local("2026-03-07T00:00"));
    }

    @Test
    void aLeapDayIsCountedLikeAnyOtherDay() throws IOException {
        WorkingDayCalendar calendar;
        try (var in = getClass().getResourceAsStream("cn-2028-synthetic.txt")) {
            calendar = WorkingDayCalendar.load(in, "cn-2028-synthetic.txt");
        }
        var calculator = new DeadlineCalculator(calendar);
        // created Fri Feb 25: Mon Feb 28 off, so Tue Feb 29 is the one working day; due 24:00 that night
        assertThat(calculator.deadline(local("2028-02-25T10:00"), workingDays(1))).isEqualTo(local("2028-03-01T00:00"));
        // created on the leap day: Mar 1 off, so Thu Mar 2
        assertThat(calculator.deadline(local("2028-02-29T10:00"), workingDays(1))).isEqualTo(local("2028-03-03T00:00"));
        assertThat(calculator.warningAt(local("2028-02-25T10:00"), workingDays(1))).isEqualTo(local("2028-02-29T00:00"));
        // clock limits run straight through the leap day
        assertThat(calculator.deadline(local("2028-02-28T12:00"), SlaLimit.hours(24))).isEqualTo(local("2028-02-29T12:00"));
        assertThat(calculator.deadline(local("2028-01-31T09:00"), SlaLimit.every(Period.ofMonths(1))))
                .isEqualTo(local("2028-02-29T09:00"));
    }

    @ParameterizedTest(name = "created {0} + {1} = {2}")
    @CsvSource({
            "2026-09-30T15:00, PT24H, 2026-10-01T15:00",
            "2026-10-01T09:00, PT4H, 2026-10-01T13:00",
            "2026-10-03T22:00, PT4H, 2026-10-04T02:00",
            "2026-02-16T10:00, PT5M, 2026-02-16T10:05",
            "2026-02-16T23:50, PT20M, 2026-02-17T00:10",
            "2025-12-31T20:00, PT24H, 2026-01-01T20:00",
            "2026-03-07T10:00, PT24H, 2026-03-08T10:00"})
    void clockLimitsRunThroughHolidaysAndWeekendsUnchanged(String created, Duration limit, String due) {
        assertThat(SHANGHAI.deadline(local(created), new SlaLimit.ClockHours(limit))).isEqualTo(local(due));
    }

    @Test
    void clockLimitsNeverConsultTheCalendar() {
        var created = local("2031-06-01T10:00");
        assertThat(SHANGHAI.deadline(created, SlaLimit.hours(24))).isEqualTo(local("2031-06-02T10:00"));
        assertThat(SHANGHAI.warningAt(created, SlaLimit.hours(24))).isEqualTo(local("2031-06-02T05:12"));
    }

    @Test
    void workingDayLimitsBeyondTheLoadedYearsThrowInsteadOfGuessing() {
        assertThatThrownBy(() -> SHANGHAI.deadline(local("2026-12-30T10:00"), workingDays(3)))
                .isInstanceOfSatisfying(CalendarNotLoadedException.class, e -> assertThat(e.year()).isEqualTo(2027));
        assertThatThrownBy(() -> SHANGHAI.warningAt(local("2027-03-01T10:00"), workingDays(1)))
                .isInstanceOf(CalendarNotLoadedException.class).hasMessageContaining("2027");
        // 2026-12-31T16:00Z is already 2027 in Shanghai
        assertThatThrownBy(() -> SHANGHAI.deadline(Instant.parse("2026-12-31T16:00:00Z"), workingDays(1)))
                .isInstanceOf(CalendarNotLoadedException.class);
    }

    @ParameterizedTest(name = "created {0} + {1} warns at {2}")
    @CsvSource({
            "2026-09-30T15:00, PT24H, 2026-10-01T10:12",
            "2026-03-04T08:00, PT4H, 2026-03-04T11:12",
            "2026-03-04T08:00, PT5M, 2026-03-04T08:04",
            "2026-03-04T08:00, PT20M, 2026-03-04T08:16",
            "2026-03-04T08:00, PT1M, 2026-03-04T08:00:48"})
    void clockLimitsWarnAtEightyPercentOfTheAllowance(String created, Duration limit, String warning) {
        assertThat(SHANGHAI.warningAt(local(created), new SlaLimit.ClockHours(limit))).isEqualTo(local(warning));
    }

    @ParameterizedTest(name = "created {0}, {1} working days, warns at {2}")
    @CsvSource({
            "2026-09-30T15:00, 3, 2026-10-10T00:00",
            "2026-03-04T10:00, 1, 2026-03-05T00:00",
            "2026-03-04T23:59, 1, 2026-03-05T00:00",
            "2026-03-06T10:00, 1, 2026-03-09T00:00",
            "2026-02-13T10:00, 2, 2026-02-24T00:00",
            "2025-12-31T10:00, 1, 2026-01-04T00:00",
            "2026-09-30T15:00, 7, 2026-10-15T00:00"})
    void workingDayLimitsWarnAtTheStartOfTheLastWorkingDay(String created, int days, String warning) {
        assertThat(SHANGHAI.warningAt(local(created), workingDays(days))).isEqualTo(local(warning));
    }

    @Test
    void aPercentageWarningOnAWorkingDayLimitIsAShareOfTheElapsedTime() {
        // created Wed Mar 4 00:00, 1 working day: due Fri Mar 6 00:00, 48 h later; half is Thu 00:00
        var warning = SHANGHAI.warningAt(local("2026-03-04T00:00"), workingDays(1), new WarningRule.AtPercentOfAllowance(50));
        assertThat(warning).isEqualTo(local("2026-03-05T00:00"));
    }

    @Test
    void aStartOfLastWorkingDayWarningNeedsAWorkingDayLimit() {
        assertThatThrownBy(() -> SHANGHAI.warningAt(local("2026-03-04T00:00"), SlaLimit.hours(24),
                new WarningRule.AtStartOfLastWorkingDay()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("working-day limit");
    }

    @Test
    void recurringObligationsAreDueOnePeriodLaterInLocalCalendarTerms() {
        var created = local("2026-01-31T09:00");
        assertThat(SHANGHAI.deadline(created, SlaLimit.every(Period.ofWeeks(1)))).isEqualTo(local("2026-02-07T09:00"));
        assertThat(SHANGHAI.deadline(created, SlaLimit.every(Period.ofMonths(1)))).isEqualTo(local("2026-02-28T09:00"));
        assertThat(SHANGHAI.deadline(created, SlaLimit.every(Period.ofMonths(3)))).isEqualTo(local("2026-04-30T09:00"));
        // 80% of the 7 days of a weekly visit: 5 days 14 h 24 min
        assertThat(SHANGHAI.warningAt(created, SlaLimit.every(Period.ofWeeks(1)))).isEqualTo(local("2026-02-05T23:24"));
    }

    @Test
    void warningsComeAfterCreationAndBeforeTheDeadlineForEveryDefaultPolicy() {
        var created = MainlandNotices.FIRST.atTime(0, 0);
        for (var day = created; day.getYear() == 2025; day = day.plusHours(7)) {
            var at = day.toInstant(ZoneOffset.ofHours(8));
            for (var policy : SlaPolicies.defaults().all()) {
                var deadline = SHANGHAI.deadline(at, policy.limit());
                var warning = SHANGHAI.warningAt(at, policy.limit(), policy.warning());
                assertThat(warning).as(policy.id() + " created " + day).isAfter(at).isBefore(deadline);
            }
        }
    }

    @Test
    void escalationsDefaultToTheDeadlineThenOneDayThenThreeDaysLater() {
        var deadline = local("2026-10-11T00:00");
        assertThat(SHANGHAI.escalations(deadline)).containsExactly(
                local("2026-10-11T00:00"), local("2026-10-12T00:00"), local("2026-10-14T00:00"));
    }

    @Test
    void escalationsFollowConfiguredOffsets() {
        var deadline = local("2026-03-04T12:00");
        assertThat(SHANGHAI.escalations(deadline, List.of(Duration.ofMinutes(30), Duration.ofMinutes(30), Duration.ofHours(2))))
                .containsExactly(local("2026-03-04T12:30"), local("2026-03-04T12:30"), local("2026-03-04T14:00"));
        assertThat(SHANGHAI.escalations(deadline, List.of())).isEmpty();
    }

    @Test
    void escalationOffsetsMustNotBeNegativeOrDecrease() {
        var deadline = local("2026-03-04T12:00");
        assertThatThrownBy(() -> SHANGHAI.escalations(deadline, List.of(Duration.ofHours(-1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
        assertThatThrownBy(() -> SHANGHAI.escalations(deadline, List.of(Duration.ofHours(24), Duration.ofHours(1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("decrease");
    }
}
