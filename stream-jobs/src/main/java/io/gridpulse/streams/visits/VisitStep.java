package io.gridpulse.streams.visits;

import java.time.Instant;

/**
 * What the visit obligations need of one household visit: small and flat, so Flink serialises it as a POJO.
 *
 * @param priority the visit itself names a group that owes visits (elderly living alone, left-behind child):
 *                 such a visit is kept when it comes before its household's registry entry
 */
public record VisitStep(String householdId, String eventId, Instant occurredAt, boolean priority) {
}
