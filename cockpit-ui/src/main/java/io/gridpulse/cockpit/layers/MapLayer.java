package io.gridpulse.cockpit.layers;

import java.util.Optional;

/** A layer the map explorer can draw over the areas; its id is what {@code ?layers=} carries. */
public enum MapLayer {
    /** Demand heat from the heat rollup, by demand type and time range. */
    HEAT("heat"),
    /** Open SLA breaches and warnings at their areas; fresh breaches pulse. */
    BREACHES("breaches"),
    /** Devices with their state (online, offline, SOS, low battery). */
    DEVICES("devices"),
    /** Service halls and stations. */
    FACILITIES("facilities");

    private final String id;

    MapLayer(String id) {
        this.id = id;
    }

    /** The name in the URL, element ids ({@code layer-<id>}) and translation keys ({@code map.layer.<id>}). */
    public String id() {
        return id;
    }

    static Optional<MapLayer> fromId(String id) {
        for (var layer : values()) {
            if (layer.id.equals(id)) {
                return Optional.of(layer);
            }
        }
        return Optional.empty();
    }
}
