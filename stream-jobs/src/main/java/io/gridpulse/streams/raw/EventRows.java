package io.gridpulse.streams.raw;

import io.gridpulse.model.event.Event;
import io.gridpulse.streams.place.Placed;
import io.gridpulse.warehouse.EventRow;

import java.time.Instant;

/** Turns a placed event into its row in the raw events table: the area lineage and the WGS84 point it was placed by. */
final class EventRows {
    private EventRows() {}

    static EventRow of(Event event, String json, Instant loggedAt, Placed.At place) {
        return new EventRow(
                event.eventId(),
                event.kind().wireName(),
                event.occurredAt(),
                loggedAt,
                event.envelope().source(),
                place.gridCode(),
                place.communityCode(),
                place.streetCode(),
                place.countyCode(),
                place.lon(),
                place.lat(),
                json);
    }
}
