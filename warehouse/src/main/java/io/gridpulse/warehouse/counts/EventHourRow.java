package io.gridpulse.warehouse.counts;

import java.time.Instant;
import java.util.Objects;

/**
 * One row of {@code gridpulse.event_hours}: the full count of distinct events of one kind in one area during
 * the hour starting at {@code hour}. Area codes are empty where unknown.
 */
public record EventHourRow(Instant hour, String countyCode, String streetCode, String communityCode, String gridCode,
                           String kind, long events) {

    public EventHourRow {
        Objects.requireNonNull(hour, "hour");
        Objects.requireNonNull(kind, "kind");
        if (hour.toEpochMilli() % 3_600_000 != 0) {
            throw new IllegalArgumentException("an event hour starts on a whole hour, not at " + hour);
        }
        if (events < 1) {
            throw new IllegalArgumentException("an event hour counts at least one event, not " + events);
        }
        countyCode = Objects.requireNonNullElse(countyCode, "");
        streetCode = Objects.requireNonNullElse(streetCode, "");
        communityCode = Objects.requireNonNullElse(communityCode, "");
        gridCode = Objects.requireNonNullElse(gridCode, "");
    }
}
