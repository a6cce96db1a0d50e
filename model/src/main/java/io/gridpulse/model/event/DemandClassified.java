package io.gridpulse.model.event;

/** A demand was given its type and handling class (which picks its SLA). Nullable: {@code by}. */
public record DemandClassified(Envelope envelope, String caseId, String demandType, DemandClass demandClass, String by)
        implements DemandEvent {

    public DemandClassified {
        Checks.required(envelope, "envelope");
        Checks.required(caseId, "caseId");
        Checks.required(demandType, "demandType");
        Checks.required(demandClass, "demandClass");
    }

    @Override
    public EventKind kind() {
        return EventKind.DEMAND_CLASSIFIED;
    }
}
