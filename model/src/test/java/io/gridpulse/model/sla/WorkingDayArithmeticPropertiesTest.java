package io.gridpulse.model.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Properties checked over every day of the shipped years, for limits of 1 to 20 working days. */
class WorkingDayArithmeticPropertiesTest {

    private static final WorkingDayCalendar MAINLAND = WorkingDayCalendar.mainland();
    private static final LocalDate LAST_LOADED = MainlandNotices.LAST;
    private static final int MAX_DAYS = 20;

    @Test
    void plusWorkingDaysIsALaterWorkingDayExactlyNWorkingDaysAway() {
        for (var day : MainlandNotices.everyDay()) {
            int available = MAINLAND.workingDaysBetween(day, LAST_LOADED);
            for (int n = 1; n <= MAX_DAYS; n++) {
                var start = day;
                int count = n;
                if (n > available) {
                    assertThatThrownBy(() -> MAINLAND.plusWorkingDays(start, count))
                            .isInstanceOf(CalendarNotLoadedException.class);
                    continue;
                }
                var result = MAINLAND.plusWorkingDays(day, n);
                assertThat(MAINLAND.isWorkingDay(result)).as("%s + %d = %s is a working day", day, n, result).isTrue();
                assertThat(result).as("%s + %d", day, n).isAfter(day);
                assertThat(MAINLAND.workingDaysBetween(day, result)).as("%s + %d = %s", day, n, result).isEqualTo(n);
                assertThat(MAINLAND.workingDaysBetween(day, result.minusDays(1))).as("%s + %d is the first such day", day, n)
                        .isEqualTo(n - 1);
            }
        }
    }

    @Test
    void nextWorkingDayIsPlusOneWorkingDayAndSkipsOnlyDaysOff() {
        for (var day : MainlandNotices.everyDay()) {
            if (day.equals(LAST_LOADED)) {
                continue;
            }
            var next = MAINLAND.nextWorkingDay(day);
            assertThat(next).isEqualTo(MAINLAND.plusWorkingDays(day, 1));
            for (var between = day.plusDays(1); between.isBefore(next); between = between.plusDays(1)) {
                assertThat(MAINLAND.isWorkingDay(between)).as("%s lies before %s", between, next).isFalse();
            }
        }
    }

    @Test
    void workingDaysBetweenAddsUpOverConsecutiveSpans() {
        var first = MainlandNotices.FIRST.minusDays(1);
        int total = 0;
        for (var day : MainlandNotices.everyDay()) {
            total += MAINLAND.isWorkingDay(day) ? 1 : 0;
            assertThat(MAINLAND.workingDaysBetween(first, day)).as("up to %s", day).isEqualTo(total);
        }
    }

    @Test
    void everyWorkingDayDeadlineIsLocalMidnightAfterAWorkingDayAndWarnsAtItsStart() {
        var zone = ZoneId.of("Asia/Shanghai");
        var calculator = new DeadlineCalculator(MAINLAND, zone);
        for (var day : MainlandNotices.everyDay()) {
            int available = MAINLAND.workingDaysBetween(day, LAST_LOADED);
            for (var time : new LocalTime[] {LocalTime.MIDNIGHT, LocalTime.NOON, LocalTime.of(23, 59, 59)}) {
                var created = day.atTime(time).atZone(zone).toInstant();
                for (int n = 1; n <= Math.min(MAX_DAYS, available); n++) {
                    var deadline = calculator.deadline(created, new SlaLimit.WorkingDays(n)).atZone(zone);
                    var lastDay = deadline.toLocalDate().minusDays(1);
                    assertThat(deadline.toLocalTime()).isEqualTo(LocalTime.MIDNIGHT);
                    assertThat(MAINLAND.isWorkingDay(lastDay)).isTrue();
                    assertThat(MAINLAND.workingDaysBetween(day, lastDay)).isEqualTo(n);
                    assertThat(calculator.warningAt(created, new SlaLimit.WorkingDays(n)))
                            .isEqualTo(lastDay.atStartOfDay(zone).toInstant());
                }
            }
        }
    }
}
