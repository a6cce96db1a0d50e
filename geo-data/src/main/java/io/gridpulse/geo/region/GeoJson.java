package io.gridpulse.geo.region;

import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

import java.math.BigDecimal;
import java.util.List;

/**
 * Writes a region as RFC 7946 GeoJSON, one feature per line and coordinates in millionths of a degree
 * (about 0.1 m), so that the committed file diffs line by line and is byte-for-byte reproducible.
 */
final class GeoJson {

    private GeoJson() {
    }

    static String write(String name, String description, List<RegionArea> areas, List<Facility> facilities) {
        var out = new StringBuilder(1 << 20);
        out.append("{\"type\":\"FeatureCollection\",\"name\":").append(string(name))
                .append(",\"description\":").append(string(description)).append(",\"features\":[\n");
        boolean first = true;
        for (var a : areas) {
            first = separator(out, first);
            out.append("{\"type\":\"Feature\",\"properties\":{\"code\":").append(string(a.code().value()))
                    .append(",\"name\":").append(string(a.area().name()))
                    .append(",\"nameEn\":").append(string(a.area().nameEn()))
                    .append(",\"level\":").append(string(a.code().level().name().toLowerCase(java.util.Locale.ROOT)))
                    .append(",\"parent\":").append(string(a.parent() == null ? null : a.parent().value()))
                    .append("},\"geometry\":");
            geometry(out, a.geometry());
            out.append('}');
        }
        for (var f : facilities) {
            first = separator(out, first);
            out.append("{\"type\":\"Feature\",\"properties\":{\"kind\":").append(string(f.kind().wireName()))
                    .append(",\"code\":").append(string(f.code()))
                    .append(",\"name\":").append(string(f.name()))
                    .append(",\"nameEn\":").append(string(f.nameEn()))
                    .append(",\"areaCode\":").append(string(f.areaCode().value()));
            if (f.windows() > 0) {
                out.append(",\"windows\":").append(f.windows());
            }
            out.append("},\"geometry\":{\"type\":\"Point\",\"coordinates\":");
            position(out, f.lon(), f.lat());
            out.append("}}");
        }
        return out.append("\n]}\n").toString();
    }

    private static boolean separator(StringBuilder out, boolean first) {
        if (!first) {
            out.append(",\n");
        }
        return false;
    }

    private static void geometry(StringBuilder out, Geometry g) {
        switch (g) {
            case Polygon p -> {
                out.append("{\"type\":\"Polygon\",\"coordinates\":");
                polygon(out, p);
                out.append('}');
            }
            case MultiPolygon mp -> {
                out.append("{\"type\":\"MultiPolygon\",\"coordinates\":[");
                for (int i = 0; i < mp.getNumGeometries(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    polygon(out, (Polygon) mp.getGeometryN(i));
                }
                out.append("]}");
            }
            default -> throw new IllegalArgumentException("an area must be a Polygon or MultiPolygon, not " + g.getGeometryType());
        }
    }

    // RFC 7946: exterior rings counterclockwise, holes clockwise
    private static void polygon(StringBuilder out, Polygon p) {
        out.append('[');
        ring(out, p.getExteriorRing(), true);
        for (int i = 0; i < p.getNumInteriorRing(); i++) {
            out.append(',');
            ring(out, p.getInteriorRingN(i), false);
        }
        out.append(']');
    }

    private static void ring(StringBuilder out, LinearRing ring, boolean counterClockwise) {
        Coordinate[] cs = ring.getCoordinates();
        boolean reverse = Orientation.isCCW(cs) != counterClockwise;
        out.append('[');
        for (int i = 0; i < cs.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            var c = cs[reverse ? cs.length - 1 - i : i];
            position(out, c.x, c.y);
        }
        out.append(']');
    }

    private static void position(StringBuilder out, double lon, double lat) {
        out.append('[').append(micro(lon)).append(',').append(micro(lat)).append(']');
    }

    private static String micro(double degrees) {
        return BigDecimal.valueOf(Math.round(degrees * 1e6), 6).stripTrailingZeros().toPlainString();
    }

    private static String string(String s) {
        if (s == null) {
            return "null";
        }
        var out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
