package io.gridpulse.warehouse.heat;

import java.time.Instant;

/** The number of events of a heat layer in one rolled-up time bucket starting at {@code start}. */
public record HeatPoint(Instant start, long events) {
}
