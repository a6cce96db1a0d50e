package io.gridpulse.standalone.registry;

import io.gridpulse.geo.registry.RegisteredDevice;
import io.gridpulse.geo.registry.Registry;
import io.gridpulse.model.event.DeviceType;
import io.gridpulse.model.registry.HouseholdRegistration;
import io.gridpulse.warehouse.registry.HouseholdRow;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A county's own households and devices (GP_HOUSEHOLDS_FILE, GP_DEVICES_FILE) as the households table and the
 * gp.registry entries, when no simulator invents a city. The files name no resident, so entries list none: demands
 * are matched to groups by their grid and the household's wristbands, not by a resident's pseudonym.
 */
public final class CountyRegistry {

    private CountyRegistry() {
    }

    /** One households-table row per registered household. */
    public static List<HouseholdRow> rows(Registry registry) {
        return registry.households().stream().map(h -> new HouseholdRow(h.id(), h.grid(), h.residents(), h.aged60Plus(),
                h.groups().stream().map(g -> g.name().toLowerCase(Locale.ROOT)).sorted().toList())).toList();
    }

    /** One registry entry per household, with the wristbands registered to it, taking effect at {@code asOf}. */
    public static Stream<HouseholdRegistration> entries(Registry registry, Instant asOf) {
        Map<String, List<String>> wristbands = registry.devices().stream()
                .filter(d -> d.type() == DeviceType.WRISTBAND && d.householdId() != null)
                .collect(Collectors.groupingBy(RegisteredDevice::householdId,
                        Collectors.mapping(RegisteredDevice::id, Collectors.toList())));
        return registry.households().stream().map(h -> HouseholdRegistration.registered(h.id(), h.grid().value(),
                h.groups().stream().map(g -> g.name().toLowerCase(Locale.ROOT)).sorted().toList(), asOf, List.of(),
                wristbands.getOrDefault(h.id(), List.of())));
    }
}
