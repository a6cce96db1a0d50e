package io.gridpulse.warehouse;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One governance event as stored in {@code gridpulse.events}. Area codes are empty strings when
 * unknown, {@code lon}/{@code lat} null when absent, {@code payload} the event's JSON,
 * {@code populationGroups} the wire names of the priority groups of the household the event is about
 * ({@code elderly_alone} ...; sorted, no duplicates, empty when it names no such household).
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
        String payload,
        List<String> populationGroups) {

    /** A row of an event that is tied to no population group. */
    public EventRow(String eventId, String kind, Instant occurredAt, Instant ingestedAt, String source, String gridCode,
                    String communityCode, String streetCode, String countyCode, Double lon, Double lat, String payload) {
        this(eventId, kind, occurredAt, ingestedAt, source, gridCode, communityCode, streetCode, countyCode, lon, lat,
                payload, List.of());
    }

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
        populationGroups = populationGroups == null || populationGroups.isEmpty() ? List.of()
                : populationGroups.stream().filter(Objects::nonNull).distinct().sorted().toList();
    }

    /** This row with these population groups (wire names) in place of its own. */
    public EventRow withPopulationGroups(List<String> groups) {
        return new EventRow(eventId, kind, occurredAt, ingestedAt, source, gridCode, communityCode, streetCode, countyCode,
                lon, lat, payload, groups);
    }
}
