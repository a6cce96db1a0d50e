package io.gridpulse.simulator.city;

import io.gridpulse.model.event.PopulationGroup;
import java.util.List;
import java.util.Set;

/** A household of a grid: its id, kind, residents (head first) and priority groups. */
public record Household(String id, Grid grid, int index, HouseholdKind kind, List<Resident> residents,
        Set<PopulationGroup> groups) {

    public Household {
        residents = List.copyOf(residents);
        groups = Set.copyOf(groups);
    }

    /** The resident who usually speaks for the household. */
    public Resident head() {
        return residents.getFirst();
    }

    /** Whether the household belongs to any priority group. */
    public boolean isPriority() {
        return !groups.isEmpty();
    }
}
