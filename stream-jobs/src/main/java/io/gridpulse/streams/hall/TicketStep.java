package io.gridpulse.streams.hall;

import java.time.Instant;

/**
 * What the handling clock needs of one hall ticket event: small and flat, so Flink serialises it as a POJO.
 *
 * @param stage the ticket's stage in lower case (issued, called, served, completed, abandoned)
 */
public record TicketStep(String hallId, String ticketId, String stage, String windowId, String serviceItem, String eventId,
                         Instant occurredAt, String gridCode, String communityCode, String streetCode, String countyCode) {

    /** The key of the ticket: ticket ids are unique within a hall. */
    public String ticketKey() {
        return hallId + "/" + ticketId;
    }
}
