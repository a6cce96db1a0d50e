package io.gridpulse.model.event;

import java.util.List;

/**
 * The street blew the whistle on a demand (街道吹哨): the named departments must report (部門報到).
 * {@code departments} is never empty. Nullable: {@code reason}, {@code by}.
 */
public record WhistleRaised(Envelope envelope, String caseId, List<String> departments, String reason, String by)
        implements DemandEvent {

    public WhistleRaised {
        Checks.required(envelope, "envelope");
        Checks.required(caseId, "caseId");
        departments = List.copyOf(Checks.required(departments, "departments"));
        if (departments.isEmpty()) {
            throw new IllegalArgumentException("a whistle names at least one department");
        }
    }

    @Override
    public EventKind kind() {
        return EventKind.DEMAND_WHISTLE;
    }
}
