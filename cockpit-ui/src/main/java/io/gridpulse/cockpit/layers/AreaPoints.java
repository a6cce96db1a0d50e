package io.gridpulse.cockpit.layers;

import io.gridpulse.geo.region.Region;
import io.gridpulse.model.area.AreaCode;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Places things known only by their area (alerts, devices without a position) inside that area: at a
 * spot picked from the thing's id, so several in one grid spread out instead of hiding each other,
 * and the same thing lands on the same spot every time.
 */
final class AreaPoints {
    private static final GeometryFactory FACTORY = new GeometryFactory();
    private final Region region;
    private final Map<String, Optional<Geometry>> shapes = new HashMap<>();

    AreaPoints(Region region) {
        this.region = region;
    }

    /** A point (lon, lat) inside the area for the keyed thing, empty if the area is unknown. */
    Optional<Coordinate> place(String areaCode, String key) {
        var shape = shapes.computeIfAbsent(areaCode, code -> AreaCode.parse(code).flatMap(region::geometry));
        if (shape.isEmpty()) {
            return Optional.empty();
        }
        var geometry = shape.get();
        var envelope = geometry.getEnvelopeInternal();
        long hash = mix(key.hashCode());
        for (int attempt = 0; attempt < 6; attempt++) {
            // two numbers in [-0.35, 0.35] from the hash: the offset from the envelope's centre
            double u = ((hash >>> (attempt * 10)) & 0x3ff) / 1023.0 * 0.7 - 0.35;
            double v = ((hash >>> (attempt * 10 + 5)) & 0x3ff) / 1023.0 * 0.7 - 0.35;
            var at = new Coordinate(envelope.centre().x + u * envelope.getWidth(), envelope.centre().y + v * envelope.getHeight());
            if (geometry.contains(FACTORY.createPoint(at))) {
                return Optional.of(at);
            }
        }
        return Optional.of(geometry.getInteriorPoint().getCoordinate());
    }

    private static long mix(long x) {
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        x *= 0xc4ceb9fe1a85ec53L;
        return x ^ (x >>> 33);
    }
}
