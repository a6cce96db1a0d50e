package io.gridpulse.simulator;

import java.time.Duration;
import java.time.Instant;

/**
 * Maps simulated event time to wall time for a caller that replays a stream in real time: at
 * {@code speed} 60 one wall second covers one simulated minute. The generator itself never waits;
 * a caller sleeps until {@link #wallTimeOf} each event's {@code occurredAt} (and may restamp it).
 */
public record Pace(Instant simulatedStart, Instant wallStart, double speed) {

    public Pace {
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be a positive number, got " + speed);
        }
    }

    /** The wall-clock instant at which an event of this simulated time is due. */
    public Instant wallTimeOf(Instant occurredAt) {
        long simulatedNanos = Duration.between(simulatedStart, occurredAt).toNanos();
        return wallStart.plusNanos(Math.round(simulatedNanos / speed));
    }
}
