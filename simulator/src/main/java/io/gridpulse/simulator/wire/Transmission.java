package io.gridpulse.simulator.wire;

import io.gridpulse.model.event.Event;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What reaches the ingest edge, at the simulated instant it is sent: one event as it happens, a batch an
 * offline terminal uploads when it is back (its events keep their original, earlier {@code occurredAt}), or a
 * malformed message that the edge must refuse.
 */
public sealed interface Transmission permits Transmission.Single, Transmission.Batch, Transmission.Malformed {

    /** When the message is sent, in simulated time. */
    Instant sentAt();

    /** An event sent as it happens ({@code POST /api/v1/events}). */
    record Single(Instant sentAt, Event event) implements Transmission {
        public Single {
            Objects.requireNonNull(event, "event");
        }
    }

    /**
     * Events a terminal held while offline, uploaded in one request ({@code POST /api/v1/events:batch}) when it
     * reconnects; every event happened before {@code sentAt}.
     */
    record Batch(Instant sentAt, String source, List<Event> events) implements Transmission {
        public Batch {
            events = List.copyOf(events);
        }
    }

    /** A deliberately broken message ({@code defect} says how), sent as one event would be; the edge must answer 400. */
    record Malformed(Instant sentAt, String defect, String body) implements Transmission {
    }
}
