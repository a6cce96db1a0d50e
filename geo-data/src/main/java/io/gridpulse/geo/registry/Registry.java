package io.gridpulse.geo.registry;

import io.gridpulse.model.area.AreaCode;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A region's households and devices as their owner registered them (read by {@link RegistryLoader}):
 * the denominators of visit coverage and the devices whose health is watched. Immutable.
 */
public final class Registry {

    private final List<RegisteredHousehold> households;
    private final List<RegisteredDevice> devices;
    private final Map<String, RegisteredHousehold> byId;
    private final Map<AreaCode, List<RegisteredHousehold>> byGrid;

    Registry(List<RegisteredHousehold> households, List<RegisteredDevice> devices) {
        this.households = List.copyOf(households);
        this.devices = List.copyOf(devices);
        var ids = new HashMap<String, RegisteredHousehold>();
        var grids = new LinkedHashMap<AreaCode, List<RegisteredHousehold>>();
        for (var h : this.households) {
            ids.put(h.id(), h);
            grids.computeIfAbsent(h.grid(), g -> new java.util.ArrayList<>()).add(h);
        }
        this.byId = Map.copyOf(ids);
        var frozen = new HashMap<AreaCode, List<RegisteredHousehold>>();
        grids.forEach((g, list) -> frozen.put(g, List.copyOf(list)));
        this.byGrid = Map.copyOf(frozen);
    }

    /** Every household, in file order. */
    public List<RegisteredHousehold> households() {
        return households;
    }

    /** Every device, in file order. */
    public List<RegisteredDevice> devices() {
        return devices;
    }

    public Optional<RegisteredHousehold> household(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The households of one grid, in file order; empty for a grid nobody lives in. */
    public List<RegisteredHousehold> householdsIn(AreaCode grid) {
        return byGrid.getOrDefault(grid, List.of());
    }
}
