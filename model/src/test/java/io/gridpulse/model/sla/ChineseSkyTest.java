package io.gridpulse.model.sla;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class ChineseSkyTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // published instants (UTC) of solstices and equinoxes
            "2024-03-20T03:06:00Z, 2024, 0",
            "2024-06-20T20:51:00Z, 2024, 90",
            "2024-09-22T12:44:00Z, 2024, 180",
            "2024-12-21T09:21:00Z, 2024, 270"})
    void solarTermsFallWithinAQuarterOfAnHourOfThePublishedInstants(Instant published, int year, double longitude) {
        assertThat(Duration.between(published, ChineseSky.solarTerm(year, longitude)).abs()).isLessThan(Duration.ofMinutes(15));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "2025-01-29T12:36:00Z",
            "2026-02-17T12:01:00Z",
            "2027-02-06T15:56:00Z"})
    void newMoonsFallWithinAMinuteOfThePublishedInstants(Instant published) {
        var k = Math.round((published.atZone(ChineseSky.CHINA).getYear() + 0.1 - 2000) * 12.3685);
        var nearest = java.util.stream.LongStream.rangeClosed(k - 2, k + 2)
                .mapToObj(i -> ChineseSky.universal(ChineseSky.newMoon(i)))
                .min(java.util.Comparator.comparing(i -> Duration.between(published, i).abs())).orElseThrow();
        assertThat(Duration.between(published, nearest).abs()).isLessThan(Duration.ofMinutes(1));
    }

    @Test
    void aNewMoonAtTwentyThreeFiftySixInChinaStartsThatDaysMonth() {
        assertThat(ChineseSky.newMoonOnOrBefore(LocalDate.of(2027, 2, 6))).isEqualTo(LocalDate.of(2027, 2, 6));
        assertThat(ChineseSky.newMoonOnOrBefore(LocalDate.of(2027, 2, 5))).isEqualTo(LocalDate.of(2027, 1, 8));
        assertThat(ChineseSky.newMoonOnOrBefore(LocalDate.of(2027, 3, 7))).isEqualTo(LocalDate.of(2027, 2, 6));
    }
}
