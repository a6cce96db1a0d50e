package io.gridpulse.streams.plaques;

import java.time.Instant;

/**
 * What the plaque clock needs of one plaque event: small and flat, so Flink serialises it as a POJO.
 *
 * @param action      the action's name in lower case (scanned, damaged, outdated, subject_changed ...)
 * @param subjectType the plaque's subject in lower case (community, merchant, agency)
 */
public record PlaqueStep(String plaqueId, String action, String subjectType, String eventId, Instant occurredAt,
                         String gridCode, String communityCode, String streetCode, String countyCode) {
}
