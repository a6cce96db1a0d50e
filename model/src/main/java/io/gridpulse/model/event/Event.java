package io.gridpulse.model.event;

import io.gridpulse.model.area.AreaCode;
import java.time.Instant;
import java.util.Optional;

/**
 * Something that happened in the field and was sent to ingest: one of a closed family of kinds,
 * each with the common {@link Envelope}.
 */
public sealed interface Event
        permits HouseholdVisit, DemandEvent, HallTicket, Feedback, Telemetry, PlaqueEvent, Detection {

    /** The common part: id, time, source and placement. */
    Envelope envelope();

    /** The kind of this event. */
    EventKind kind();

    /** The client-made id, the idempotency key. */
    default String eventId() {
        return envelope().eventId();
    }

    /** When the event happened. */
    default Instant occurredAt() {
        return envelope().occurredAt();
    }

    /** The sending terminal, device or app. */
    default String source() {
        return envelope().source();
    }

    /**
     * The area code the event was placed in (the wire's {@code gridCode}; usually a grid, but it
     * may be any level), empty when it was placed by point only.
     */
    default Optional<AreaCode> gridCode() {
        return Optional.ofNullable(envelope().placement().areaCode());
    }

    /** The point the event was placed at, if the client sent one. */
    default Optional<GeoPoint> point() {
        return Optional.ofNullable(envelope().placement().point());
    }
}
