package io.gridpulse.streams.place;

import io.gridpulse.geo.crs.Coordinates;
import io.gridpulse.geo.hex.HexCells;
import io.gridpulse.geo.region.Region;
import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.area.AreaLevel;
import io.gridpulse.model.event.Crs;
import io.gridpulse.model.event.GeoPoint;
import io.gridpulse.model.event.Placement;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Places events in the region's hierarchy. A {@code gridCode} must name an area of the region (ingest checked it
 * against its own copy; the job checks again, so an edge and a job started with different region files never put
 * an event in an area the maps do not have); when it names a coarser area and a point is given, the point refines
 * it to the grid around it. A point alone is located by point-in-polygon (the region's STRtree), after conversion from
 * GCJ-02, BD-09 or CGCS2000 to WGS84. Not thread-safe (one per operator instance).
 */
public final class Placer {
    /** The H3 resolution heat cells are kept at; the map's coarser cells are their parents. */
    public static final int CELL_RESOLUTION = HexCells.COMMUNITY;

    private final Region region;
    private final Map<String, Long> gridCells = new HashMap<>();

    public Placer(Region region) {
        this.region = region;
    }

    /** Where the placement puts the event. */
    public Placed place(Placement placement) {
        var point = placement.point() == null ? null : Coordinates.toWgs84(placement.point());
        var code = placement.areaCode();
        if (code != null) {
            if (region.area(code).isEmpty()) {
                return new Placed.Nowhere("cannot place the event: its gridCode " + code.value() + " is not an area of the"
                        + " region", point == null ? null : point.lon(), point == null ? null : point.lat());
            }
            if (point != null && code.level() != AreaLevel.GRID) {
                var finer = region.locate(point.lon(), point.lat());
                if (finer.isPresent() && code.contains(finer.get())) {
                    code = finer.get();
                }
            }
            return at(code, point);
        }
        var located = region.locate(point.lon(), point.lat());
        if (located.isEmpty()) {
            return new Placed.Nowhere("cannot place the event: its point " + describe(placement.point())
                    + " lies outside every area of the region, and it has no gridCode", point.lon(), point.lat());
        }
        return at(located.get(), point);
    }

    /**
     * The event's H3 cell at {@link #CELL_RESOLUTION}: of its point when it has one, else of the
     * middle of its grid when the region knows the grid; 0 when neither.
     */
    public long cell(String gridCode, Double lon, Double lat) {
        if (lon != null && lat != null) {
            return HexCells.cell(lon, lat, CELL_RESOLUTION);
        }
        if (gridCode == null || gridCode.isEmpty()) {
            return 0;
        }
        return gridCells.computeIfAbsent(gridCode, this::middleCell);
    }

    private long middleCell(String gridCode) {
        var code = AreaCode.parse(gridCode);
        if (code.isEmpty() || !region.children(code.get()).isEmpty()) {
            return 0L;
        }
        return region.geometry(code.get())
                .map(g -> g.getInteriorPoint().getCoordinate())
                .map(c -> HexCells.cell(c.x, c.y, CELL_RESOLUTION))
                .orElse(0L);
    }

    private static Placed.At at(AreaCode code, GeoPoint wgs84) {
        return new Placed.At(codeAt(code, AreaLevel.GRID), codeAt(code, AreaLevel.COMMUNITY), codeAt(code, AreaLevel.STREET),
                codeAt(code, AreaLevel.COUNTY), wgs84 == null ? null : wgs84.lon(), wgs84 == null ? null : wgs84.lat());
    }

    private static String codeAt(AreaCode area, AreaLevel level) {
        return area.level().codeLength() < level.codeLength() ? "" : area.at(level).value();
    }

    private static String describe(GeoPoint point) {
        var text = String.format(Locale.ROOT, "(%.6f, %.6f)", point.lon(), point.lat());
        return point.crs() == Crs.WGS84 ? text : text + " in " + point.crs().wireName();
    }
}
