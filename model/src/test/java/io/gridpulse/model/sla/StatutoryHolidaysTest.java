package io.gridpulse.model.sla;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StatutoryHolidaysTest {
    @ParameterizedTest(name = "{0}: 除夕 {1}, 清明 {2}, 端午 {3}, 中秋 {4}")
    @CsvSource({
            "2025, 2025-01-28, 2025-04-04, 2025-05-31, 2025-10-06",
            "2026, 2026-02-16, 2026-04-05, 2026-06-19, 2026-09-25",
            // the new moon of February 2027 is at 23:56 in China on the 6th: 春节 is the 6th, 除夕 the 5th
            "2027, 2027-02-05, 2027-04-05, 2027-06-09, 2027-09-15",
            "2028, 2028-01-25, 2028-04-04, 2028-05-28, 2028-10-03"})
    void theLunarAndSolarTermHolidaysFallOnTheirDays(int year, LocalDate eve, LocalDate qingming, LocalDate duanwu,
                                                      LocalDate midAutumn) {
        var days = StatutoryHolidays.of(year);
        assertThat(days).containsKeys(eve, eve.plusDays(1), eve.plusDays(2), eve.plusDays(3), qingming, duanwu, midAutumn);
        assertThat(days.get(eve)).isEqualTo("春节 (除夕)");
        assertThat(days.get(qingming)).isEqualTo("清明节");
        assertThat(days.get(duanwu)).isEqualTo("端午节");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {2025, 2026, 2027, 2030, 2099})
    void theFixedDatesAreTheRegulations(int year) {
        assertThat(StatutoryHolidays.of(year)).containsKeys(LocalDate.of(year, 1, 1), LocalDate.of(year, 5, 1),
                LocalDate.of(year, 5, 2), LocalDate.of(year, 10, 1), LocalDate.of(year, 10, 2), LocalDate.of(year, 10, 3));
    }

    @Test
    void aYearHasThirteenDaysUnlessTwoHolidaysMeet() {
        assertThat(StatutoryHolidays.of(2026)).hasSize(13);
        // in 2028 the Mid-Autumn Festival is 3 October, a day of the National Day holiday already
        assertThat(StatutoryHolidays.of(2028)).hasSize(12);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {2025, 2026})
    void everyStatutoryHolidayIsADayOffInTheYearsNotice(int year) {
        // the notices the product ships; each statutory day must be off in them
        var notice = WorkingDayCalendar.mainland();
        for (var day : StatutoryHolidays.of(year).keySet()) {
            assertThat(notice.isWorkingDay(day)).as("%s in the %d notice", day, year).isFalse();
        }
    }

    @Test
    void yearsOutsideTheComputedRangeAreRefused() {
        assertThatThrownBy(() -> StatutoryHolidays.of(2100)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2100");
        assertThatThrownBy(() -> StatutoryHolidays.of(2024)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("amended in 2024");
    }
}
