package io.gridpulse.geo.region;

import io.gridpulse.model.area.Area;
import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.area.AreaLevel;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.index.strtree.STRtree;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A region's areas with their boundaries (WGS84 lon/lat), their hierarchy and facilities, and a spatial index
 * that finds the finest area (the grid, in the demo) around a point. Immutable and safe to share between threads.
 */
public final class Region {

    private final Map<AreaCode, RegionArea> areas;
    private final Map<AreaCode, List<Area>> children;
    private final List<Area> roots;
    private final List<Facility> facilities;
    private final STRtree leafIndex = new STRtree();
    private final RegionDirectory directory;

    Region(List<RegionArea> areas, List<Facility> facilities) {
        var byCode = new LinkedHashMap<AreaCode, RegionArea>();
        areas.forEach(a -> byCode.put(a.code(), a));
        this.areas = java.util.Collections.unmodifiableMap(byCode);
        var kids = new HashMap<AreaCode, List<Area>>();
        var tops = new ArrayList<Area>();
        for (var a : areas) {
            if (a.parent() == null) {
                tops.add(a.area());
            } else {
                kids.computeIfAbsent(a.parent(), p -> new ArrayList<>()).add(a.area());
            }
        }
        kids.values().forEach(list -> list.sort(Comparator.comparing(Area::code)));
        tops.sort(Comparator.comparing(Area::code));
        var frozen = new HashMap<AreaCode, List<Area>>();
        kids.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        this.children = Map.copyOf(frozen);
        this.roots = List.copyOf(tops);
        this.facilities = List.copyOf(facilities);
        for (var a : areas) {
            if (!children.containsKey(a.code())) {
                var locator = new IndexedPointInAreaLocator(a.geometry());
                locator.locate(a.geometry().getEnvelopeInternal().centre()); // builds its index now, not under load
                leafIndex.insert(a.geometry().getEnvelopeInternal(), new Leaf(a.code(), locator));
            }
        }
        leafIndex.build();
        this.directory = RegionDirectory.of(areas.stream().map(RegionArea::area).toList());
    }

    private record Leaf(AreaCode code, IndexedPointInAreaLocator locator) {
    }

    private static final class Demo {
        static final Region REGION = loadDemo();

        private static Region loadDemo() {
            try (var in = Region.class.getResourceAsStream("demo-region.geojson")) {
                if (in == null) {
                    throw new IllegalStateException("demo-region.geojson is missing from the geo-data jar");
                }
                // the committed file is checked in full by the module's tests; loading skips the slow overlap checks
                return RegionLoader.read(in, "demo-region.geojson", false);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The FICTIONAL demo region 云溪市 (439901), read once from the geo-data jar. */
    public static Region demo() {
        return Demo.REGION;
    }

    /** The areas without a parent in this region (the demo: the county). */
    public List<Area> roots() {
        return roots;
    }

    public Optional<Area> area(AreaCode code) {
        return Optional.ofNullable(areas.get(code)).map(RegionArea::area);
    }

    /** The area with this code, if the code is well formed and in the region. */
    public Optional<Area> find(String code) {
        return AreaCode.parse(code).flatMap(this::area);
    }

    /** Every area, parents before children, in the order of the source. */
    public Collection<Area> areas() {
        return directory.all();
    }

    /** The areas at one level, by code. */
    public List<Area> areas(AreaLevel level) {
        return areas.values().stream().map(RegionArea::area).filter(a -> a.level() == level)
                .sorted(Comparator.comparing(Area::code)).toList();
    }

    /** The direct children of an area, by code; empty for a leaf or an unknown code. */
    public List<Area> children(AreaCode code) {
        return children.getOrDefault(code, List.of());
    }

    /** The parent of an area, when the region holds it. */
    public Optional<Area> parent(AreaCode code) {
        return Optional.ofNullable(areas.get(code)).map(RegionArea::parent).flatMap(this::area);
    }

    /** The area and its ancestors that the region holds, top first and the area itself last; empty if unknown. */
    public List<Area> lineage(AreaCode code) {
        if (!areas.containsKey(code)) {
            return List.of();
        }
        return code.lineage().stream().map(areas::get).filter(a -> a != null).map(RegionArea::area).toList();
    }

    /** The boundary of an area in WGS84 lon/lat (x = lon, y = lat): a copy, the caller may change it. */
    public Optional<Geometry> geometry(AreaCode code) {
        return Optional.ofNullable(areas.get(code)).map(a -> a.geometry().copy());
    }

    /**
     * The boundaries of an area's children as a GeoJSON FeatureCollection (properties code, name,
     * nameEn, level, parent), for a map that draws one level at a time. Names are unique among siblings.
     */
    public String childrenGeoJson(AreaCode parent) {
        var kids = children(parent).stream().map(a -> areas.get(a.code())).toList();
        return GeoJson.write(parent.value(), "children of " + parent, kids, List.of());
    }

    /**
     * The finest area (the grid, in the demo) containing this WGS84 point; empty outside the region. A point
     * exactly on a shared border goes to the area with the lower code.
     */
    public Optional<AreaCode> locate(double lon, double lat) {
        var at = new Coordinate(lon, lat);
        @SuppressWarnings("unchecked")
        List<Leaf> near = leafIndex.query(new Envelope(at));
        return near.stream()
                .filter(leaf -> leaf.locator().locate(at) != Location.EXTERIOR)
                .map(Leaf::code)
                .min(Comparator.naturalOrder());
    }

    /** Service halls, community stations and elderly-care stations, in the order of the source. */
    public List<Facility> facilities() {
        return facilities;
    }

    /** The facilities inside an area (at any depth below it). */
    public List<Facility> facilitiesIn(AreaCode code) {
        return facilities.stream().filter(f -> code.contains(f.areaCode())).toList();
    }

    /** The names of this region's areas, as the cockpit reads them. */
    public RegionDirectory directory() {
        return directory;
    }
}
