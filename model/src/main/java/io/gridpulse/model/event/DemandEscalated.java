package io.gridpulse.model.event;

import io.gridpulse.model.area.AreaLevel;

/** A demand was escalated up the hierarchy to a level, for a reason. Nullable: {@code by}. */
public record DemandEscalated(Envelope envelope, String caseId, AreaLevel toLevel, String reason, String by)
        implements DemandEvent {

    public DemandEscalated {
        Checks.required(envelope, "envelope");
        Checks.required(caseId, "caseId");
        Checks.required(toLevel, "toLevel");
        Checks.required(reason, "reason");
    }

    @Override
    public EventKind kind() {
        return EventKind.DEMAND_ESCALATED;
    }
}
