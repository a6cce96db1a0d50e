package io.gridpulse.model.event;

import io.gridpulse.model.area.AreaCode;

/**
 * Where an event happened: an area code (any level, usually a grid) and/or a point; at least one
 * is non-null.
 */
public record Placement(AreaCode areaCode, GeoPoint point) {

    public Placement {
        if (areaCode == null && point == null) {
            throw new IllegalArgumentException("a placement needs an area code or a point");
        }
    }

    /** A placement by area code only. */
    public static Placement of(AreaCode areaCode) {
        return new Placement(java.util.Objects.requireNonNull(areaCode, "areaCode"), null);
    }

    /** A placement by point only. */
    public static Placement of(GeoPoint point) {
        return new Placement(null, java.util.Objects.requireNonNull(point, "point"));
    }
}
