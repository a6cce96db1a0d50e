package io.gridpulse.simulator.events;

import io.gridpulse.model.event.DeviceType;
import io.gridpulse.model.event.Event;
import io.gridpulse.model.event.Telemetry;
import io.gridpulse.simulator.Simulator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class MixTest {

    /** A Tuesday, midnight in Shanghai. */
    private static final Instant START = Instant.parse("2026-11-23T16:00:00Z");
    private static final Simulator COUNTY = Simulator.of(5).withMix(Mix.county());

    /** One simulated day of the county. */
    private static List<Event> day;

    @BeforeAll
    static void generate() {
        var end = START.plus(Duration.ofDays(1));
        day = COUNTY.events(START).takeWhile(e -> e.occurredAt().isBefore(end)).toList();
    }

    @Test
    void theCountyPresetIsAboutTwentyTwoEventsASecondAndTheProvinceSixtyOneCounties() {
        assertThat(Mix.county().eventsPerSecond()).isCloseTo(21.6, within(0.3));
        assertThat(Mix.province().eventsPerSecond()).isCloseTo(61 * Mix.county().eventsPerSecond(), within(1e-6));
        assertThat(Mix.preset("County")).isEqualTo(Mix.county());
        assertThat(Mix.preset("demo").eventsPerHour()).isCloseTo(3_600, within(1e-9));
        assertThatThrownBy(() -> Mix.preset("planet")).hasMessageContaining("demo, county or province");
    }

    @Test
    void aSimulatedCountyDayHasTheEventsOfItsDerivation() {
        // a weekday carries a little more than the weekly mean (halls, visits)
        assertThat(day.size() / 86_400.0).isCloseTo(Mix.county().eventsPerSecond(), within(0.06 * Mix.county().eventsPerSecond()));
    }

    @Test
    void everyOneOfTheFiveThousandWristbandsSendsHeartbeatsAboutEveryFiveMinutes() {
        var bands = day.stream().filter(e -> e instanceof Telemetry t && t.deviceType() == DeviceType.WRISTBAND)
                .map(e -> ((Telemetry) e).deviceId()).collect(Collectors.groupingBy(id -> id, Collectors.counting()));
        assertThat(bands).hasSize(5_000);
        double perBandPerHour = bands.values().stream().mapToLong(Long::longValue).average().orElseThrow() / 24;
        assertThat(perBandPerHour).isCloseTo(12, within(0.5));
    }

    @Test
    void scalingKeepsTheSharesAndSetsTheTotal() {
        var scaled = Mix.county().scaledTo(7_200);
        assertThat(scaled.eventsPerHour()).isCloseTo(7_200, within(1e-6));
        assertThat(scaled.telemetry() / scaled.visits()).isCloseTo(Mix.county().telemetry() / Mix.county().visits(), within(1e-9));
        assertThatThrownBy(() -> Mix.county().times(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
