package io.gridpulse.streams.visits;

import java.time.Instant;

/** What the visit obligations need of one household visit: small and flat, so Flink serialises it as a POJO. */
public record VisitStep(String householdId, String eventId, Instant occurredAt) {
}
