package io.gridpulse.warehouse;

import java.time.Instant;
import java.util.Objects;

/**
 * One governance event as stored in {@code gridpulse.events}. Area codes are empty strings when
 * unknown, {@code lon}/{@code lat} null when absent, {@code payload} the event's JSON.
 */
public record EventRow(
        String eventId,
        String kind,
        Instant occurredAt,
        Instant ingestedAt,
        String source,
        String gridCode,
        String communityCode,
        String streetCode,
        String countyCode,
        Double lon,
        Double lat,
        String payload) {

    public EventRow {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(ingestedAt, "ingestedAt");
        source = Objects.requireNonNullElse(source, "");
        gridCode = Objects.requireNonNullElse(gridCode, "");
        communityCode = Objects.requireNonNullElse(communityCode, "");
        streetCode = Objects.requireNonNullElse(streetCode, "");
        countyCode = Objects.requireNonNullElse(countyCode, "");
        payload = Objects.requireNonNullElse(payload, "");
    }
}
