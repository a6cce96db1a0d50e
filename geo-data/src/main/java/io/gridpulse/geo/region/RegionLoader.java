package io.gridpulse.geo.region;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridpulse.geo.region.RegionFileException.Problem;
import io.gridpulse.model.area.Area;
import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.area.AreaLevel;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.valid.IsValidOp;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a region from GeoJSON (WGS84 lon/lat, RFC 7946) and checks it before anything uses it: required
 * properties, codes well formed and unique, levels matching code lengths, parents present, children inside
 * their parents, siblings not overlapping, polygons valid, facilities inside their areas. Every problem is
 * reported at once, each with its feature index and code, in a {@link RegionFileException}.
 *
 * <p>Areas are features with {@code code, name, level, parent} (and optionally {@code nameEn}) and a Polygon or
 * MultiPolygon; facilities are Point features with {@code kind, code, name, areaCode} (optionally {@code nameEn},
 * {@code windows}).
 */
public final class RegionLoader {

    /**
     * How much of an area may stick out of its parent, or overlap a sibling, before it is a problem: a share of
     * the smaller area (0.01%), which lets digitising noise through and stops real mistakes.
     */
    public static final double RELATIVE_TOLERANCE = 1e-4;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final GeometryFactory FACTORY = new GeometryFactory();
    // square metres per square degree near the demo region; only used to make messages readable
    private static final double M2_PER_DEG2_AT_27N = 98_600.0 * 110_574.0;

    private RegionLoader() {
    }

    /** Reads and checks a region file; throws {@link RegionFileException} listing every problem. */
    public static Region load(InputStream geojson) throws IOException {
        return load(geojson, "region file");
    }

    /** As {@link #load(InputStream)}, naming the source in messages (a file name, say). */
    public static Region load(InputStream geojson, String sourceName) throws IOException {
        return read(geojson, sourceName, true);
    }

    /** Reads a file; {@code checkGeometry} false skips the containment and overlap checks (for the tested demo file). */
    static Region read(InputStream geojson, String sourceName, boolean checkGeometry) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(geojson);
        } catch (JacksonException e) {
            throw new RegionFileException(sourceName, List.of(new Problem(-1, null,
                    "not valid JSON: " + e.getOriginalMessage() + " at line " + e.getLocation().getLineNr())));
        }
        var reading = new Reading();
        reading.read(root);
        if (reading.problems.isEmpty()) {
            reading.checkHierarchy();
            reading.checkFacilities();
            // containment and overlaps only mean something once every area has its right parent
            if (checkGeometry && reading.problems.isEmpty()) {
                reading.checkContainment();
                reading.checkSiblingOverlaps();
            }
        }
        if (!reading.problems.isEmpty()) {
            var sorted = new ArrayList<>(reading.problems);
            sorted.sort(Comparator.comparingInt(Problem::feature));
            throw new RegionFileException(sourceName, sorted);
        }
        var areas = reading.areas.values().stream().map(Draft::toArea).toList();
        var facilities = reading.facilities.stream().map(FacilityDraft::facility).toList();
        return new Region(areas, facilities);
    }

    private record Draft(int index, Area area, String parent, Geometry geometry, boolean valid) {
        RegionArea toArea() {
            return new RegionArea(area, parent == null ? null : AreaCode.of(parent), geometry);
        }
    }

    private record FacilityDraft(int index, Facility facility) {
    }

    private static final class Reading {
        final List<Problem> problems = new ArrayList<>();
        final Map<AreaCode, Draft> areas = new LinkedHashMap<>();
        final List<FacilityDraft> facilities = new ArrayList<>();

        void read(JsonNode root) {
            if (root == null || !root.isObject() || !"FeatureCollection".equals(root.path("type").asText())) {
                problems.add(new Problem(-1, null, "expected a GeoJSON FeatureCollection"));
                return;
            }
            var features = root.path("features");
            if (!features.isArray() || features.isEmpty()) {
                problems.add(new Problem(-1, null, "the FeatureCollection has no features"));
                return;
            }
            var facilityCodes = new HashSet<String>();
            for (int i = 0; i < features.size(); i++) {
                var feature = features.get(i);
                var props = feature.path("properties");
                if (!props.isObject()) {
                    problems.add(new Problem(i, null, "has no properties object"));
                    continue;
                }
                if (props.hasNonNull("kind")) {
                    readFacility(i, props, feature.path("geometry"), facilityCodes);
                } else {
                    readArea(i, props, feature.path("geometry"));
                }
            }
        }

        private void readArea(int i, JsonNode props, JsonNode geometryNode) {
            var codeText = text(props, "code");
            int before = problems.size();
            if (codeText == null) {
                problems.add(new Problem(i, null, "property \"code\" is missing (areas need code, name, level, parent)"));
                return;
            }
            var code = AreaCode.parse(codeText);
            if (code.isEmpty()) {
                problems.add(new Problem(i, codeText, "code \"" + codeText
                        + "\" is not an area code: 6 digits for a county, 9 street, 12 community, 15 grid"));
            }
            var name = text(props, "name");
            if (name == null || name.isBlank()) {
                problems.add(new Problem(i, codeText, "property \"name\" is missing or blank"));
            }
            var levelText = text(props, "level");
            AreaLevel level = null;
            if (levelText == null) {
                problems.add(new Problem(i, codeText, "property \"level\" is missing (county, street, community or grid)"));
            } else {
                try {
                    level = AreaLevel.valueOf(levelText.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    problems.add(new Problem(i, codeText, "level \"" + levelText
                            + "\" is not one of province, city, county, street, community, grid"));
                }
            }
            if (level != null && code.isPresent() && code.get().level() != level) {
                problems.add(new Problem(i, codeText, "level \"" + levelText + "\" does not match the code, whose "
                        + codeText.length() + " digits make it a " + code.get().level().name().toLowerCase(Locale.ROOT)));
            }
            if (!props.has("parent")) {
                problems.add(new Problem(i, codeText, "property \"parent\" is missing (use null for the top area)"));
            }
            var parent = text(props, "parent");
            if (parent != null && AreaCode.parse(parent).isEmpty()) {
                problems.add(new Problem(i, codeText, "parent \"" + parent + "\" is not an area code"));
            }
            var geometry = areaGeometry(i, codeText, geometryNode);
            if (code.isPresent() && areas.containsKey(code.get())) {
                problems.add(new Problem(i, codeText, "code " + codeText + " is also used by feature "
                        + areas.get(code.get()).index()));
                return;
            }
            if (problems.size() > before || geometry == null) {
                return;
            }
            var validation = new IsValidOp(geometry).getValidationError();
            if (validation != null) {
                var at = validation.getCoordinate();
                problems.add(new Problem(i, codeText, "invalid polygon: " + validation.getMessage()
                        + (at == null ? "" : " near lon " + at.x + ", lat " + at.y)));
            }
            areas.put(code.get(), new Draft(i, new Area(code.get(), name.trim(), blankToNull(text(props, "nameEn"))),
                    parent, geometry, validation == null));
        }

        private void readFacility(int i, JsonNode props, JsonNode geometryNode, HashSet<String> codes) {
            var code = text(props, "code");
            int before = problems.size();
            var kindText = text(props, "kind");
            var kind = FacilityKind.fromWire(kindText);
            if (kind.isEmpty()) {
                problems.add(new Problem(i, code, "facility kind \"" + kindText + "\" is not one of "
                        + java.util.Arrays.stream(FacilityKind.values()).map(FacilityKind::wireName)
                                .collect(java.util.stream.Collectors.joining(", "))));
            }
            if (code == null || code.isBlank()) {
                problems.add(new Problem(i, null, "facility property \"code\" is missing"));
            } else if (!codes.add(code)) {
                problems.add(new Problem(i, code, "facility code " + code + " is used twice"));
            }
            var name = text(props, "name");
            if (name == null || name.isBlank()) {
                problems.add(new Problem(i, code, "facility property \"name\" is missing or blank"));
            }
            var areaText = text(props, "areaCode");
            var area = AreaCode.parse(areaText);
            if (area.isEmpty()) {
                problems.add(new Problem(i, code, "facility property \"areaCode\" is missing or not an area code: " + areaText));
            }
            int windows = props.path("windows").asInt(0);
            if (props.has("windows") && (!props.get("windows").canConvertToInt() || windows < 0)) {
                problems.add(new Problem(i, code, "\"windows\" must be a whole number of at least 0"));
            }
            Coordinate at = null;
            if (!"Point".equals(geometryNode.path("type").asText())) {
                problems.add(new Problem(i, code, "a facility's geometry must be a Point"));
            } else {
                at = position(geometryNode.path("coordinates"));
                if (at == null) {
                    problems.add(new Problem(i, code, "a Point needs [lon, lat] coordinates within [-180, 180] and [-90, 90]"));
                }
            }
            if (problems.size() == before) {
                facilities.add(new FacilityDraft(i, new Facility(kind.get(), code, name.trim(),
                        blankToNull(text(props, "nameEn")), area.get(), at.x, at.y, windows)));
            }
        }

        void checkHierarchy() {
            for (var d : areas.values()) {
                var code = d.area().code();
                var implied = code.parent();
                if (d.parent() == null) {
                    if (implied.isPresent() && areas.containsKey(implied.get())) {
                        problems.add(new Problem(d.index(), code.value(), "declares no parent, but its parent "
                                + implied.get() + " is in the file"));
                    }
                    continue;
                }
                var parent = AreaCode.of(d.parent());
                if (implied.isEmpty() || !implied.get().equals(parent)) {
                    problems.add(new Problem(d.index(), code.value(), "parent " + parent + " does not match the code, "
                            + "whose leading digits name " + implied.map(AreaCode::value).orElse("no parent")));
                } else if (!areas.containsKey(parent)) {
                    problems.add(new Problem(d.index(), code.value(), "parent " + parent + " is not in the file"));
                }
            }
        }

        void checkFacilities() {
            for (var f : facilities) {
                var facility = f.facility();
                var area = areas.get(facility.areaCode());
                if (area == null) {
                    problems.add(new Problem(f.index(), facility.code(), "areaCode " + facility.areaCode() + " is not in the file"));
                } else if (area.valid() && !area.geometry().covers(FACTORY.createPoint(new Coordinate(facility.lon(), facility.lat())))) {
                    problems.add(new Problem(f.index(), facility.code(), "lies at lon " + facility.lon() + ", lat "
                            + facility.lat() + ", outside its area " + facility.areaCode()));
                }
            }
        }

        void checkContainment() {
            for (var d : areas.values()) {
                if (d.parent() == null || !d.valid()) {
                    continue;
                }
                var parent = areas.get(AreaCode.of(d.parent()));
                if (parent == null || !parent.valid() || parent.geometry().covers(d.geometry())) {
                    continue;
                }
                double outside = OverlayNGRobust.overlay(d.geometry(), parent.geometry(), OverlayNG.DIFFERENCE).getArea();
                if (outside > RELATIVE_TOLERANCE * d.geometry().getArea()) {
                    problems.add(new Problem(d.index(), d.area().code().value(), String.format(Locale.ROOT,
                            "sticks out of its parent %s by about %.0f m² (%.3f%% of its area)", d.parent(),
                            outside * M2_PER_DEG2_AT_27N, 100 * outside / d.geometry().getArea())));
                }
            }
        }

        void checkSiblingOverlaps() {
            var families = new LinkedHashMap<String, List<Draft>>();
            for (var d : areas.values()) {
                if (d.valid()) {
                    families.computeIfAbsent(String.valueOf(d.parent()), p -> new ArrayList<>()).add(d);
                }
            }
            for (var siblings : families.values()) {
                var index = new STRtree();
                siblings.forEach(s -> index.insert(s.geometry().getEnvelopeInternal(), s));
                for (var a : siblings) {
                    @SuppressWarnings("unchecked")
                    List<Draft> near = index.query(a.geometry().getEnvelopeInternal());
                    for (var b : near) {
                        if (b.index() <= a.index()) {
                            continue;
                        }
                        var shared = OverlayNGRobust.overlay(a.geometry(), b.geometry(), OverlayNG.INTERSECTION);
                        double area = shared.getArea();
                        if (area > RELATIVE_TOLERANCE * Math.min(a.geometry().getArea(), b.geometry().getArea())) {
                            problems.add(new Problem(b.index(), b.area().code().value(), String.format(Locale.ROOT,
                                    "overlaps its sibling %s (feature %d) by about %.0f m²", a.area().code(), a.index(),
                                    area * M2_PER_DEG2_AT_27N)));
                        }
                    }
                }
            }
        }

        private Geometry areaGeometry(int i, String code, JsonNode node) {
            var type = node.path("type").asText();
            var coordinates = node.path("coordinates");
            try {
                return switch (type) {
                    case "Polygon" -> polygon(coordinates);
                    case "MultiPolygon" -> {
                        if (!coordinates.isArray() || coordinates.isEmpty()) {
                            throw new IllegalArgumentException("a MultiPolygon needs at least one polygon");
                        }
                        var polygons = new Polygon[coordinates.size()];
                        for (int p = 0; p < polygons.length; p++) {
                            polygons[p] = polygon(coordinates.get(p));
                        }
                        yield FACTORY.createMultiPolygon(polygons);
                    }
                    default -> throw new IllegalArgumentException("an area's geometry must be a Polygon or MultiPolygon, got "
                            + (type.isEmpty() ? "none" : type));
                };
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(i, code, e.getMessage()));
                return null;
            }
        }

        private static Polygon polygon(JsonNode rings) {
            if (!rings.isArray() || rings.isEmpty()) {
                throw new IllegalArgumentException("a Polygon needs at least an exterior ring");
            }
            var linear = new LinearRing[rings.size()];
            for (int r = 0; r < linear.length; r++) {
                var ring = rings.get(r);
                if (!ring.isArray() || ring.size() < 4) {
                    throw new IllegalArgumentException("ring " + r + " needs at least 4 positions");
                }
                var cs = new Coordinate[ring.size()];
                for (int k = 0; k < cs.length; k++) {
                    cs[k] = position(ring.get(k));
                    if (cs[k] == null) {
                        throw new IllegalArgumentException("ring " + r + " position " + k
                                + " is not [lon, lat] within [-180, 180] and [-90, 90]");
                    }
                }
                if (!cs[0].equals2D(cs[cs.length - 1])) {
                    throw new IllegalArgumentException("ring " + r + " is not closed (its last position must repeat the first)");
                }
                linear[r] = FACTORY.createLinearRing(cs);
            }
            return FACTORY.createPolygon(linear[0], java.util.Arrays.copyOfRange(linear, 1, linear.length));
        }

        private static Coordinate position(JsonNode p) {
            if (!p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
                return null;
            }
            double lon = p.get(0).asDouble();
            double lat = p.get(1).asDouble();
            return Math.abs(lon) <= 180 && Math.abs(lat) <= 90 ? new Coordinate(lon, lat) : null;
        }

        private static String text(JsonNode props, String field) {
            var node = props.get(field);
            return node == null || node.isNull() ? null : node.asText();
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s.trim();
        }
    }
}
