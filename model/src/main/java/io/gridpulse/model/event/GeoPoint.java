package io.gridpulse.model.event;

import java.util.Objects;

/** A longitude/latitude pair in degrees, in the CRS the client measured it in. */
public record GeoPoint(double lon, double lat, Crs crs) {

    public GeoPoint {
        if (!Double.isFinite(lon) || lon < -180 || lon > 180) {
            throw new IllegalArgumentException("lon must be a finite number in [-180, 180], got " + lon);
        }
        if (!Double.isFinite(lat) || lat < -90 || lat > 90) {
            throw new IllegalArgumentException("lat must be a finite number in [-90, 90], got " + lat);
        }
        Objects.requireNonNull(crs, "crs");
    }

    /** A WGS84 point. */
    public static GeoPoint wgs84(double lon, double lat) {
        return new GeoPoint(lon, lat, Crs.WGS84);
    }
}
