package io.gridpulse.warehouse.registry;

import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.area.AreaLevel;

import java.util.List;
import java.util.Objects;

/**
 * One registered household as stored: its pseudonymous id, its grid, residents, residents aged 60+,
 * and its priority groups by wire name (e.g. {@code elderly_alone}).
 */
public record HouseholdRow(String householdId, AreaCode grid, int residents, int aged60Plus, List<String> groups) {

    public HouseholdRow {
        Objects.requireNonNull(householdId, "householdId");
        Objects.requireNonNull(grid, "grid");
        if (grid.level() != AreaLevel.GRID) {
            throw new IllegalArgumentException("household " + householdId + " must be placed in a grid, not " + grid);
        }
        if (residents < 0 || aged60Plus < 0 || aged60Plus > residents) {
            throw new IllegalArgumentException("household " + householdId + ": residents and aged 60+ must be 0 <= aged <= residents");
        }
        groups = List.copyOf(groups);
    }
}
