package io.gridpulse.model.event;

/**
 * A demand was filed through some channel. Nullable: {@code demandClass} (not yet classified),
 * {@code description}, {@code resident}.
 */
public record DemandCreated(
        Envelope envelope,
        String caseId,
        DemandChannel channel,
        String demandType,
        DemandClass demandClass,
        String description,
        ResidentRef resident) implements DemandEvent {

    public DemandCreated {
        Checks.required(envelope, "envelope");
        Checks.required(caseId, "caseId");
        Checks.required(channel, "channel");
        Checks.required(demandType, "demandType");
    }

    @Override
    public EventKind kind() {
        return EventKind.DEMAND_CREATED;
    }

    /** This event with the resident replaced. */
    public DemandCreated withResident(ResidentRef resident) {
        return new DemandCreated(envelope, caseId, channel, demandType, demandClass, description, resident);
    }
}
