package io.gridpulse.model.event;

/** A closed or resolved demand was reopened, for a reason. Nullable: {@code by}. */
public record DemandReopened(Envelope envelope, String caseId, String reason, String by) implements DemandEvent {

    public DemandReopened {
        Checks.required(envelope, "envelope");
        Checks.required(caseId, "caseId");
        Checks.required(reason, "reason");
    }

    @Override
    public EventKind kind() {
        return EventKind.DEMAND_REOPENED;
    }
}
