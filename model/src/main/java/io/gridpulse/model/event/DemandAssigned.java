package io.gridpulse.model.event;

/**
 * A demand was assigned to its first receiver (首接) and lead unit (牽頭單位). Nullable:
 * {@code department}.
 */
public record DemandAssigned(Envelope envelope, String caseId, String firstReceiver, String leadUnit, String department)
        implements DemandEvent {

    public DemandAssigned {
        Checks.required(envelope, "envelope");
        Checks.required(caseId, "caseId");
        Checks.required(firstReceiver, "firstReceiver");
        Checks.required(leadUnit, "leadUnit");
    }

    @Override
    public EventKind kind() {
        return EventKind.DEMAND_ASSIGNED;
    }
}
