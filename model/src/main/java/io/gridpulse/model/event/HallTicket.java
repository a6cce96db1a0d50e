package io.gridpulse.model.event;

/**
 * A service-hall ticket (辦事大廳取號) moved to a stage. {@code oneVisit}: completed in one visit
 * (一次辦結); {@code assisted}: handled by a helper (幫辦代辦). Nullable: {@code windowId},
 * {@code serviceItem}, {@code group}.
 */
public record HallTicket(
        Envelope envelope,
        String ticketId,
        String hallId,
        TicketStage stage,
        String windowId,
        String serviceItem,
        boolean oneVisit,
        boolean assisted,
        PopulationGroup group) implements Event {

    public HallTicket {
        Checks.required(envelope, "envelope");
        Checks.required(ticketId, "ticketId");
        Checks.required(hallId, "hallId");
        Checks.required(stage, "stage");
    }

    @Override
    public EventKind kind() {
        return EventKind.TICKET;
    }
}
