package io.gridpulse.model.event;

/** A demand was closed (the loop is complete). Nullable: {@code note}. */
public record DemandClosed(Envelope envelope, String caseId, String by, String note) implements DemandEvent {

    public DemandClosed {
        Checks.required(envelope, "envelope");
        Checks.required(caseId, "caseId");
        Checks.required(by, "by");
    }

    @Override
    public EventKind kind() {
        return EventKind.DEMAND_CLOSED;
    }
}
