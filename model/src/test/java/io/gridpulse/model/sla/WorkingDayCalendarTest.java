package io.gridpulse.model.sla;

import static java.time.LocalDate.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.MethodSource;

class WorkingDayCalendarTest {

    private static final WorkingDayCalendar MAINLAND = WorkingDayCalendar.mainland();

    @ParameterizedTest
    @FieldSource("io.gridpulse.model.sla.MainlandNotices#OFF_2025")
    void every2025HolidayIsOff(LocalDate holiday) {
        assertThat(MAINLAND.isWorkingDay(holiday)).isFalse();
    }

    @ParameterizedTest
    @FieldSource("io.gridpulse.model.sla.MainlandNotices#OFF_2026")
    void every2026HolidayIsOff(LocalDate holiday) {
        assertThat(MAINLAND.isWorkingDay(holiday)).isFalse();
    }

    @ParameterizedTest
    @FieldSource("io.gridpulse.model.sla.MainlandNotices#WORK_2025")
    void every2025MakeUpDayIsAWorkingWeekendDay(LocalDate makeUp) {
        assertThat(makeUp.getDayOfWeek()).isIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        assertThat(MAINLAND.isWorkingDay(makeUp)).isTrue();
    }

    @ParameterizedTest
    @FieldSource("io.gridpulse.model.sla.MainlandNotices#WORK_2026")
    void every2026MakeUpDayIsAWorkingWeekendDay(LocalDate makeUp) {
        assertThat(makeUp.getDayOfWeek()).isIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        assertThat(MAINLAND.isWorkingDay(makeUp)).isTrue();
    }

    @Test
    void everyOtherDayOf2025And2026IsWorkingExactlyWhenItIsMondayToFriday() {
        for (var day : MainlandNotices.everyDay()) {
            assertThat(MAINLAND.isWorkingDay(day)).as(day + " " + day.getDayOfWeek())
                    .isEqualTo(MainlandNotices.expectedWorking(day));
        }
    }

    @ParameterizedTest
    @CsvSource({"2026-03-07, false", "2026-03-08, false", "2026-03-09, true", "2026-03-13, true",
            "2025-07-05, false", "2025-07-06, false", "2025-07-07, true", "2025-12-31, true", "2026-12-31, true",
            "2026-12-26, false"})
    void ordinaryWeekendsAreOffAndOrdinaryWeekdaysAreOn(LocalDate day, boolean working) {
        assertThat(MAINLAND.isWorkingDay(day)).isEqualTo(working);
    }

    @Test
    void eachYearHasTheWorkingDaysItsNoticeImplies() {
        // 261 weekdays in each year; 2025: 18 weekday holidays, 5 make-up days; 2026: 19 and 6.
        assertThat(MAINLAND.workingDaysBetween(parse("2024-12-31"), parse("2025-12-31"))).isEqualTo(248);
        assertThat(MAINLAND.workingDaysBetween(parse("2025-12-31"), parse("2026-12-31"))).isEqualTo(248);
    }

    @Test
    void theMainlandCalendarCovers2025And2026Only() {
        assertThat(MAINLAND.years()).containsExactly(2025, 2026);
        assertThat(MAINLAND.covers(2025)).isTrue();
        assertThat(MAINLAND.covers(2026)).isTrue();
        assertThat(MAINLAND.covers(2024)).isFalse();
        assertThat(MAINLAND.covers(2027)).isFalse();
    }

    @Test
    void theMainlandCalendarIsLoadedOnce() {
        assertThat(WorkingDayCalendar.mainland()).isSameAs(MAINLAND);
    }

    @ParameterizedTest
    @CsvSource({"2026-03-02, 2026-03-03", "2026-03-06, 2026-03-09", "2026-03-07, 2026-03-09",
            "2025-12-31, 2026-01-04", "2026-09-30, 2026-10-08", "2026-10-08, 2026-10-09", "2026-10-09, 2026-10-10",
            "2026-10-10, 2026-10-12", "2026-02-13, 2026-02-14", "2026-02-14, 2026-02-24"})
    void nextWorkingDayIsStrictlyAfterTheGivenDay(LocalDate day, LocalDate next) {
        assertThat(MAINLAND.nextWorkingDay(day)).isEqualTo(next);
    }

    @ParameterizedTest(name = "{0} + {1} working days = {2}")
    @CsvSource({
            // 元旦 2026: Jan 1-3 off, Sunday Jan 4 worked
            "2025-12-31, 1, 2026-01-04", "2025-12-31, 2, 2026-01-05", "2026-01-01, 1, 2026-01-04",
            "2026-01-03, 1, 2026-01-04",
            // 春节 2026: Saturday Feb 14 worked, Feb 15-23 off, Saturday Feb 28 worked
            "2026-02-12, 1, 2026-02-13", "2026-02-13, 1, 2026-02-14", "2026-02-13, 2, 2026-02-24",
            "2026-02-14, 1, 2026-02-24", "2026-02-18, 1, 2026-02-24", "2026-02-23, 1, 2026-02-24",
            "2026-02-27, 1, 2026-02-28", "2026-02-28, 1, 2026-03-02", "2026-02-13, 7, 2026-03-02",
            // 清明 2026: Apr 4-6 off
            "2026-04-03, 1, 2026-04-07", "2026-04-02, 2, 2026-04-07",
            // 劳动节 2026: May 1-5 off, Saturday May 9 worked
            "2026-04-30, 1, 2026-05-06", "2026-04-30, 4, 2026-05-09", "2026-05-08, 1, 2026-05-09",
            "2026-05-09, 1, 2026-05-11",
            // 端午 2026: Jun 19-21 off
            "2026-06-18, 1, 2026-06-22", "2026-06-17, 2, 2026-06-22",
            // 中秋 2026: Sunday Sep 20 worked, Sep 25-27 off
            "2026-09-18, 1, 2026-09-20", "2026-09-19, 1, 2026-09-20", "2026-09-24, 1, 2026-09-28",
            // 国庆 2026: Oct 1-7 off, Saturday Oct 10 worked
            "2026-09-30, 1, 2026-10-08", "2026-09-30, 3, 2026-10-10", "2026-09-30, 4, 2026-10-12",
            "2026-10-05, 1, 2026-10-08",
            // 2025 blocks
            "2025-01-24, 1, 2025-01-26", "2025-01-27, 1, 2025-02-05", "2025-02-07, 1, 2025-02-08",
            "2025-04-03, 1, 2025-04-07", "2025-04-30, 1, 2025-05-06", "2025-05-30, 1, 2025-06-03",
            "2025-09-30, 1, 2025-10-09", "2025-10-10, 1, 2025-10-11", "2025-10-11, 1, 2025-10-13",
            // year end
            "2025-12-30, 1, 2025-12-31", "2025-12-30, 2, 2026-01-04", "2025-12-26, 5, 2026-01-05"})
    void plusWorkingDaysSkipsHolidaysAndCountsMakeUpDays(LocalDate start, int n, LocalDate expected) {
        assertThat(MAINLAND.plusWorkingDays(start, n)).isEqualTo(expected);
    }

    @Test
    void plusWorkingDaysNeedsAtLeastOneDay() {
        assertThatThrownBy(() -> MAINLAND.plusWorkingDays(parse("2026-03-02"), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1").hasMessageContaining("0");
        assertThatThrownBy(() -> MAINLAND.plusWorkingDays(parse("2026-03-02"), -3))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({"2026-03-02, 2026-03-02, 0", "2026-03-02, 2026-03-03, 1", "2026-03-06, 2026-03-08, 0",
            "2026-03-06, 2026-03-09, 1", "2026-09-30, 2026-10-07, 0", "2026-09-30, 2026-10-11, 3",
            "2026-09-30, 2026-10-12, 4", "2025-12-31, 2026-01-04, 1", "2025-12-31, 2026-01-31, 21",
            "2026-02-01, 2026-02-28, 16"})
    void workingDaysBetweenCountsAfterTheFirstDayUpToAndIncludingTheLast(LocalDate from, LocalDate to, int count) {
        assertThat(MAINLAND.workingDaysBetween(from, to)).isEqualTo(count);
    }

    @Test
    void workingDaysBetweenRejectsAnEndBeforeTheStart() {
        assertThatThrownBy(() -> MAINLAND.workingDaysBetween(parse("2026-03-03"), parse("2026-03-02")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2026-03-02").hasMessageContaining("2026-03-03");
    }

    static Stream<Runnable> questionsBeyondTheLoadedYears() {
        return Stream.of(
                () -> MAINLAND.isWorkingDay(parse("2027-01-04")),
                () -> MAINLAND.nextWorkingDay(parse("2026-12-31")),
                () -> MAINLAND.plusWorkingDays(parse("2026-12-30"), 2),
                () -> MAINLAND.plusWorkingDays(parse("2026-12-01"), 30),
                () -> MAINLAND.workingDaysBetween(parse("2026-12-30"), parse("2027-01-05")));
    }

    @ParameterizedTest
    @MethodSource("questionsBeyondTheLoadedYears")
    void questionsReachingAYearAfterTheLoadedOnesThrowNamingThatYear(Runnable question) {
        assertThatThrownBy(question::run)
                .isInstanceOfSatisfying(CalendarNotLoadedException.class, e -> {
                    assertThat(e.year()).isEqualTo(2027);
                    assertThat(e.loadedYears()).containsExactly(2025, 2026);
                })
                .hasMessageContaining("2027").hasMessageContaining("2025, 2026");
    }

    @Test
    void aDayBeforeTheLoadedYearsIsNotGuessed() {
        assertThatThrownBy(() -> MAINLAND.isWorkingDay(parse("2024-12-31")))
                .isInstanceOfSatisfying(CalendarNotLoadedException.class, e -> assertThat(e.year()).isEqualTo(2024));
        assertThatThrownBy(() -> MAINLAND.workingDaysBetween(parse("2024-12-30"), parse("2025-01-02")))
                .isInstanceOf(CalendarNotLoadedException.class);
    }

    @Test
    void theStartDayIsNotExaminedSoItMayLieBeforeTheLoadedYears() {
        assertThat(MAINLAND.plusWorkingDays(parse("2024-12-31"), 1)).isEqualTo(parse("2025-01-02"));
        assertThat(MAINLAND.workingDaysBetween(parse("2024-12-31"), parse("2025-01-03"))).isEqualTo(2);
    }

    @Test
    void theLastDaysOfTheLastLoadedYearAreStillAnswered() {
        assertThat(MAINLAND.plusWorkingDays(parse("2026-12-29"), 2)).isEqualTo(parse("2026-12-31"));
        assertThat(MAINLAND.workingDaysBetween(parse("2026-12-24"), parse("2026-12-31"))).isEqualTo(5);
    }
}
