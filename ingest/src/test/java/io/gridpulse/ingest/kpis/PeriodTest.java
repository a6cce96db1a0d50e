package io.gridpulse.ingest.kpis;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class PeriodTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    // Tuesday 2026-11-24 01:30 in Shanghai, still Monday the 23rd in UTC
    private static final Instant NOW = Instant.parse("2026-11-23T17:30:00Z");

    private static String range(String text) {
        var p = Period.parse(text, NOW, SHANGHAI).orElseThrow();
        return p.from() + "/" + p.to();
    }

    @Test
    void theCurrentDayIsTheLocalDayNotTheUtcOne() {
        assertThat(range("day")).isEqualTo("2026-11-23T16:00:00Z/2026-11-24T16:00:00Z");
    }

    @Test
    void aWeekStartsOnMonday() {
        assertThat(range("week")).isEqualTo("2026-11-22T16:00:00Z/2026-11-29T16:00:00Z");
    }

    @Test
    void monthQuarterAndYearAreCalendarPeriods() {
        assertThat(range("month")).isEqualTo("2026-10-31T16:00:00Z/2026-11-30T16:00:00Z");
        assertThat(range("quarter")).isEqualTo("2026-09-30T16:00:00Z/2026-12-31T16:00:00Z");
        assertThat(range("year")).isEqualTo("2025-12-31T16:00:00Z/2026-12-31T16:00:00Z");
    }

    @Test
    void aNamedMonthOrDayIsThatOne() {
        assertThat(range("2026-02")).isEqualTo("2026-01-31T16:00:00Z/2026-02-28T16:00:00Z");
        assertThat(range("2024-02-29")).isEqualTo("2024-02-28T16:00:00Z/2024-02-29T16:00:00Z");
    }

    @Test
    void anythingElseIsNoPeriod() {
        for (var bad : new String[] {"", "decade", "2026-13", "2026-02-30", "2026-1", "26-11"}) {
            assertThat(Period.parse(bad, NOW, SHANGHAI)).as(bad).isEmpty();
        }
    }
}
