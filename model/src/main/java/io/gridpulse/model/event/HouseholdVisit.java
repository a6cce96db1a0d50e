package io.gridpulse.model.event;

import java.util.List;
import java.util.Set;

/**
 * A household visit (走訪/入戶/回訪) by a grid worker, with the groups the household belongs to and
 * the demands raised. Nullable: {@code notes}, {@code resident}.
 */
public record HouseholdVisit(
        Envelope envelope,
        String visitorId,
        String householdId,
        VisitType visitType,
        int durationMinutes,
        Set<PopulationGroup> groups,
        List<RaisedDemand> demands,
        String notes,
        ResidentRef resident) implements Event {

    public HouseholdVisit {
        Checks.required(envelope, "envelope");
        Checks.required(visitorId, "visitorId");
        Checks.required(householdId, "householdId");
        Checks.required(visitType, "visitType");
        Checks.range(durationMinutes, 0, 1440, "durationMinutes");
        groups = groups == null ? Set.of() : Set.copyOf(groups);
        demands = demands == null ? List.of() : List.copyOf(demands);
    }

    @Override
    public EventKind kind() {
        return EventKind.VISIT;
    }

    /** Whether the visit recorded nothing: no demands and no notes (such visits are flagged). */
    public boolean isEmpty() {
        return demands.isEmpty() && (notes == null || notes.isBlank());
    }

    /** This visit with the resident replaced. */
    public HouseholdVisit withResident(ResidentRef resident) {
        return new HouseholdVisit(envelope, visitorId, householdId, visitType, durationMinutes, groups, demands,
                notes, resident);
    }
}
