package io.gridpulse.model.event;

/** A demand was first answered to the resident (this stops the response clock). Nullable: {@code note}. */
public record DemandResponded(Envelope envelope, String caseId, String by, String note) implements DemandEvent {

    public DemandResponded {
        Checks.required(envelope, "envelope");
        Checks.required(caseId, "caseId");
        Checks.required(by, "by");
    }

    @Override
    public EventKind kind() {
        return EventKind.DEMAND_RESPONDED;
    }
}
