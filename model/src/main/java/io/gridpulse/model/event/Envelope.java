package io.gridpulse.model.event;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * What every event carries: its client-made id (the idempotency key), when it happened with the
 * offset the client sent (so local time can be shown), the sending terminal or device, and where.
 */
public record Envelope(String eventId, Instant occurredAt, ZoneOffset offset, String source, Placement placement) {

    public Envelope {
        Checks.required(eventId, "eventId");
        Checks.required(occurredAt, "occurredAt");
        Checks.required(offset, "offset");
        Checks.required(source, "source");
        Checks.required(placement, "placement");
    }

    /** The envelope of an event that happened at this offset date-time. */
    public static Envelope of(String eventId, OffsetDateTime occurredAt, String source, Placement placement) {
        return new Envelope(eventId, occurredAt.toInstant(), occurredAt.getOffset(), source, placement);
    }

    /** The time the event happened, at the client's offset. */
    public OffsetDateTime localOccurredAt() {
        return occurredAt.atOffset(offset);
    }
}
