package io.gridpulse.streams.groups;

import io.gridpulse.model.registry.HouseholdRegistration;

import java.util.ArrayList;
import java.util.List;

/**
 * A household registry entry as the enrichment needs it: the household, its groups (wire names) and the subjects that
 * carry them (the household, its residents' pseudonyms, its devices, as {@link Subjects} keys). A household in no
 * group, or one that left the registry, has no subjects: it ties nothing to a group.
 */
public record RegistryEntry(String householdId, List<String> groups, List<String> subjects) {

    public RegistryEntry {
        groups = List.copyOf(groups);
        subjects = List.copyOf(subjects);
    }

    public static RegistryEntry of(HouseholdRegistration registration) {
        if (registration.removed() || registration.groups().isEmpty()) {
            return new RegistryEntry(registration.householdId(), List.of(), List.of());
        }
        var subjects = new ArrayList<String>(1 + registration.residents().size() + registration.devices().size());
        subjects.add(Subjects.household(registration.householdId()));
        registration.residents().forEach(r -> subjects.add(Subjects.resident(r)));
        registration.devices().forEach(d -> subjects.add(Subjects.device(d)));
        return new RegistryEntry(registration.householdId(), registration.groups(), subjects);
    }
}
