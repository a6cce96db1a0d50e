package io.gridpulse.geo.registry;

import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.event.PopulationGroup;

import java.util.Set;

/**
 * One household of a registry: an id the owner chose (no ID numbers, no names), its grid, how many
 * residents it has and how many of them are aged 60 or more, and its priority groups.
 */
public record RegisteredHousehold(String id, AreaCode grid, int residents, int aged60Plus, Set<PopulationGroup> groups) {

    public RegisteredHousehold {
        groups = Set.copyOf(groups);
    }
}
