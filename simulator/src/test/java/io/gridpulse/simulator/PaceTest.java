package io.gridpulse.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PaceTest {

    private static final Instant SIMULATED = Instant.parse("2026-11-23T01:00:00Z");
    private static final Instant WALL = Instant.parse("2026-11-23T12:00:00Z");

    @Test
    void atSpeedSixtyASimulatedHourTakesAWallMinute() {
        var pace = new Pace(SIMULATED, WALL, 60);
        assertThat(pace.wallTimeOf(SIMULATED.plusSeconds(3600))).isEqualTo(WALL.plusSeconds(60));
    }

    @Test
    void atSpeedOneSimulatedTimeRunsWithTheWallClock() {
        var pace = new Pace(SIMULATED, WALL, 1);
        assertThat(pace.wallTimeOf(SIMULATED.plusMillis(1234))).isEqualTo(WALL.plusMillis(1234));
    }

    @Test
    void aSpeedThatIsNotPositiveIsRejected() {
        assertThatThrownBy(() -> new Pace(SIMULATED, WALL, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("speed");
    }
}
