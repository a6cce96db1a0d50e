package io.gridpulse.warehouse;

import java.time.Instant;
import java.util.Objects;

/**
 * An input that could not become an event, kept for 90 days with the reason it was refused;
 * {@code eventId} is empty when the input had none.
 */
public record DeadLetterRow(String eventId, Instant receivedAt, String source, String reason, String payload) {

    public DeadLetterRow {
        eventId = Objects.requireNonNullElse(eventId, "");
        Objects.requireNonNull(receivedAt, "receivedAt");
        source = Objects.requireNonNullElse(source, "");
        reason = Objects.requireNonNullElse(reason, "");
        payload = Objects.requireNonNullElse(payload, "");
    }
}
