package io.gridpulse.streams.sla;

import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LiveOrReplayWatermarksTest {
    private static final Duration LATENESS = Duration.ofSeconds(1);
    private static final Duration IDLE_AFTER = Duration.ofSeconds(2);
    private static final Duration WALL_LATENESS = Duration.ofMillis(300);
    private static final Instant NOW = Instant.parse("2026-11-24T01:00:00Z");

    private long nanos = 1_000_000_000L;
    private Instant wall = NOW;
    private final List<Long> watermarks = new ArrayList<>();
    private final WatermarkOutput output = new WatermarkOutput() {
        @Override
        public void emitWatermark(Watermark watermark) {
            watermarks.add(watermark.getTimestamp());
        }

        @Override
        public void markIdle() {
        }

        @Override
        public void markActive() {
        }
    };
    private final LiveOrReplayWatermarks<String> generator = new LiveOrReplayWatermarks<>(LATENESS, IDLE_AFTER, WALL_LATENESS,
            new Clock() {
                @Override
                public ZoneOffset getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(java.time.ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return wall;
                }
            }, () -> nanos);

    @Test
    void whileEventsFlowTheWatermarkTrailsTheNewestEventByTheLateness() {
        event(NOW.minusSeconds(10));
        event(NOW.minusSeconds(4));
        event(NOW.minusSeconds(7));   // disorder does not move time back
        generator.onPeriodicEmit(output);
        assertThat(watermarks).containsExactly(NOW.minusSeconds(4).minus(LATENESS).toEpochMilli() - 1);
    }

    @Test
    void aQuietStreamFollowsTheWallClockLessOnlyItsOwnSmallAllowanceSoADeadlinePassesWithinHalfASecond() {
        event(NOW.minusSeconds(30));
        wall = NOW.plusSeconds(60);
        pass(IDLE_AFTER);
        generator.onPeriodicEmit(output);
        var deadline = NOW.plusSeconds(60).minusMillis(500);
        assertThat(watermarks).last().satisfies(w -> {
            assertThat(w).as("a timer at a deadline half a second ago has fired").isGreaterThanOrEqualTo(deadline.toEpochMilli());
            assertThat(w).isEqualTo(wall.minus(WALL_LATENESS).toEpochMilli() - 1);
        });
    }

    @Test
    void aLiveStreamUnderLoadFollowsTheWallClockSoItsDeadlinesAreNotHeldBackByTheLateness() {
        for (int i = 0; i < 20; i++) {
            wall = NOW.plusMillis(100L * i);
            event(wall.minusMillis(50));   // events every 100 ms, 50 ms after they happened: never idle
            pass(Duration.ofMillis(100));
            generator.onPeriodicEmit(output);
        }
        assertThat(watermarks).last().isEqualTo(wall.minus(WALL_LATENESS).toEpochMilli() - 1);
    }

    @Test
    void theWallClockIsNotFollowedBeforeTheStreamHasBeenQuietForIdleAfter() {
        event(NOW.minusSeconds(30));
        wall = NOW;
        pass(IDLE_AFTER.minusMillis(1));
        generator.onPeriodicEmit(output);
        assertThat(watermarks).containsExactly(NOW.minusSeconds(30).minus(LATENESS).toEpochMilli() - 1);
        pass(Duration.ofMillis(1));
        generator.onPeriodicEmit(output);
        assertThat(watermarks).last().isEqualTo(NOW.minus(WALL_LATENESS).toEpochMilli() - 1);
    }

    @Test
    void aReplayOfHistoryIsTimedByItsEventsNotByTheWallClock() {
        var history = Instant.parse("2026-09-30T01:00:00Z");
        for (int minute = 0; minute < 60; minute++) {
            event(history.plusSeconds(60L * minute));
            pass(Duration.ofMillis(50));
            generator.onPeriodicEmit(output);
        }
        assertThat(watermarks).isSorted().allSatisfy(w -> assertThat(w).isLessThan(history.plusSeconds(3600).toEpochMilli()));
    }

    @Test
    void theWatermarkNeverGoesBack() {
        wall = NOW;
        pass(IDLE_AFTER);
        generator.onPeriodicEmit(output);
        event(NOW.minusSeconds(3600));   // a late upload after a quiet spell
        pass(IDLE_AFTER);
        wall = NOW.minusSeconds(1);       // and the wall clock stepped back (NTP)
        generator.onPeriodicEmit(output);
        assertThat(watermarks).containsExactly(NOW.minus(WALL_LATENESS).toEpochMilli() - 1);
    }

    private void event(Instant at) {
        generator.onEvent("e", at.toEpochMilli(), output);
    }

    private void pass(Duration d) {
        nanos += d.toNanos();
    }
}
