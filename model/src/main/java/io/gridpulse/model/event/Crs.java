package io.gridpulse.model.event;

import java.util.Optional;

/** The coordinate reference system of a point: GPS, the mainland's offset systems, or CGCS2000. */
public enum Crs implements WireNamed {
    WGS84("WGS84"),
    GCJ02("GCJ-02"),
    BD09("BD-09"),
    CGCS2000("CGCS2000");

    private final String wireName;

    Crs(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    /** The CRS with this wire name ("WGS84", "GCJ-02", "BD-09", "CGCS2000"), if any. */
    public static Optional<Crs> fromWire(String name) {
        for (var crs : values()) {
            if (crs.wireName.equals(name)) {
                return Optional.of(crs);
            }
        }
        return Optional.empty();
    }
}
