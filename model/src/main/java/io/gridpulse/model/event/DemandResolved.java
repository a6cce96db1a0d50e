package io.gridpulse.model.event;

/** A demand was resolved by the handling unit. Nullable: {@code note}. */
public record DemandResolved(Envelope envelope, String caseId, String by, String note) implements DemandEvent {

    public DemandResolved {
        Checks.required(envelope, "envelope");
        Checks.required(caseId, "caseId");
        Checks.required(by, "by");
    }

    @Override
    public EventKind kind() {
        return EventKind.DEMAND_RESOLVED;
    }
}
