package io.gridpulse.model.sla;

import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Clocks keep running past the last loaded year: a working-day count that reaches a year without its State Council
 * notice counts its weekdays that are not statutory holidays, and says it is provisional.
 */
class ProvisionalDeadlinesTest {
    static final DeadlineCalculator SHIPPED = new DeadlineCalculator(WorkingDayCalendar.mainland());

    @Test
    void sevenWorkingDaysFromTheTwentyThirdOfDecemberReachIntoTheNewYearProvisionally() {
        var schedule = SHIPPED.schedule(at("2026-12-23T10:00:00+08:00"), SlaLimit.workingDays(7));
        // Dec 24, 25, 28, 29, 30, 31; 1 January is a holiday by law; Monday 4 January is the seventh
        assertThat(schedule.deadline()).isEqualTo(at("2027-01-05T00:00:00+08:00"));
        assertThat(schedule.warningAt()).isEqualTo(at("2027-01-04T00:00:00+08:00"));
        assertThat(schedule.provisional()).isTrue();
        assertThat(schedule.provisionalYears()).containsExactly(2027);
    }

    @Test
    void threeWorkingDaysFromTheTwentyNinthOfDecemberToo() {
        var schedule = SHIPPED.schedule(at("2026-12-29T15:00:00+08:00"), SlaLimit.workingDays(3));
        assertThat(schedule.deadline()).isEqualTo(at("2027-01-05T00:00:00+08:00"));
        assertThat(schedule.provisionalYears()).containsExactly(2027);
    }

    @Test
    void aClockInsideLoadedYearsIsNotProvisionalAndAgreesWithTheStrictCount() {
        var created = at("2026-12-21T09:00:00+08:00");
        var schedule = SHIPPED.schedule(created, SlaLimit.workingDays(3));
        assertThat(schedule.provisional()).isFalse();
        assertThat(schedule.deadline()).isEqualTo(SHIPPED.deadline(created, SlaLimit.workingDays(3)))
                .isEqualTo(at("2026-12-25T00:00:00+08:00"));
        assertThat(schedule.warningAt()).isEqualTo(SHIPPED.warningAt(created, SlaLimit.workingDays(3)));
    }

    @Test
    void theSpringFestivalOf2027IsSkippedByLawBeforeItsNoticeIsOut() {
        // 除夕 Friday 5 February, 初三 Monday 8 February
        var schedule = SHIPPED.schedule(at("2027-02-01T09:00:00+08:00"), SlaLimit.workingDays(7));
        assertThat(schedule.deadline()).isEqualTo(at("2027-02-13T00:00:00+08:00"));
        assertThat(schedule.provisional()).isTrue();
    }

    @Test
    void onceTheYearsNoticeIsLoadedTheSameClockIsExactAndFollowsIt() throws Exception {
        // a notice that also gives Monday 4 January off and makes Saturday 9 January a working day
        var notice = WorkingDayCalendar.load(new StringReader("""
                year 2027
                2027-01-01 off 元旦
                2027-01-04 off 元旦
                2027-01-09 work 元旦调休上班
                """), "test-2027.txt");
        var loaded = new DeadlineCalculator(WorkingDayCalendar.mainland().with(notice));
        var schedule = loaded.schedule(at("2026-12-23T10:00:00+08:00"), SlaLimit.workingDays(7));
        assertThat(schedule.provisional()).isFalse();
        assertThat(schedule.deadline()).isEqualTo(at("2027-01-06T00:00:00+08:00"));
    }

    @Test
    void clockHoursAreNeverProvisional() {
        var schedule = SHIPPED.schedule(at("2026-12-31T20:00:00+08:00"), SlaLimit.hours(24));
        assertThat(schedule.provisional()).isFalse();
        assertThat(schedule.deadline()).isEqualTo(at("2027-01-01T20:00:00+08:00"));
        assertThat(Duration.between(schedule.warningAt(), schedule.deadline())).isEqualTo(Duration.ofMinutes(288));
    }

    @Test
    void aYearBeyondTheLawsReachIsStillRefused() {
        assertThatThrownBy(() -> SHIPPED.schedule(at("2099-12-30T10:00:00+08:00"), SlaLimit.workingDays(7)))
                .isInstanceOf(CalendarNotLoadedException.class).hasMessageContaining("2100");
    }

    static Instant at(String text) {
        return OffsetDateTime.parse(text).toInstant();
    }
}
