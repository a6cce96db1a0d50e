package io.gridpulse.streams.visits;

import io.gridpulse.model.registry.HouseholdRegistration;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * One registry entry as the job carries it: flat, groups as their wire names separated by spaces.
 *
 * @param gridCode empty for a removed household
 * @param asOf     when the entry took effect (its event time)
 */
public record RegistryStep(String householdId, String gridCode, String groups, boolean removed, Instant asOf) {

    public static RegistryStep of(HouseholdRegistration entry) {
        return new RegistryStep(entry.householdId(), entry.gridCode(), String.join(" ", entry.groups()), entry.removed(),
                entry.asOf());
    }

    /** The groups as a list of wire names. */
    public List<String> groupList() {
        return groups.isBlank() ? List.of() : Arrays.asList(groups.split(" "));
    }
}
