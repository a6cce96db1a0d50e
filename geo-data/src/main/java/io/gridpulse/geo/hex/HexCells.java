package io.gridpulse.geo.hex;

import com.uber.h3core.H3Core;
import com.uber.h3core.util.LatLng;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * H3 hexagons for the heatmap layers, in WGS84 lon/lat. The map uses three sizes: {@link #COUNTY} cells
 * (about 5 km² each) for a whole county, {@link #STREET} (0.7 km²) for a street or township, {@link #COMMUNITY}
 * (0.1 km², a few blocks) for a community. Cells are {@code long} H3 indexes; {@link #address} gives the hex
 * string that ClickHouse's {@code geoToH3} and map libraries also use.
 */
public final class HexCells {

    /** Resolution for a county-wide heatmap. */
    public static final int COUNTY = 7;
    /** Resolution for a street or township. */
    public static final int STREET = 8;
    /** Resolution for a community or village. */
    public static final int COMMUNITY = 9;

    private static final H3Core H3 = load();
    private static final GeometryFactory FACTORY = new GeometryFactory();

    private HexCells() {
    }

    private static H3Core load() {
        try {
            return H3Core.newInstance(); // unpacks the native library bundled in the h3 jar
        } catch (IOException e) {
            throw new UncheckedIOException("the H3 native library could not be loaded", e);
        }
    }

    /** The cell of this resolution (0..15) that holds the point. */
    public static long cell(double lon, double lat, int resolution) {
        checkResolution(resolution);
        return H3.latLngToCell(lat, lon, resolution);
    }

    /** The cell's hex string, such as {@code 88418d6643fffff}. */
    public static String address(long cell) {
        return H3.h3ToString(cell);
    }

    /** The cell with this hex string; throws {@link IllegalArgumentException} if it names no valid cell. */
    public static long parse(String address) {
        long cell;
        try {
            cell = H3.stringToH3(address);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not an H3 cell: " + address, e);
        }
        if (!H3.isValidCell(cell)) {
            throw new IllegalArgumentException("not an H3 cell: " + address);
        }
        return cell;
    }

    public static int resolution(long cell) {
        return H3.getResolution(cell);
    }

    /** The enclosing cell at a coarser (or the same) resolution. */
    public static long parent(long cell, int resolution) {
        checkResolution(resolution);
        return H3.cellToParent(cell, resolution);
    }

    /** The cell's centre as (lon, lat). */
    public static Coordinate centre(long cell) {
        var c = H3.cellToLatLng(cell);
        return new Coordinate(c.lng, c.lat);
    }

    /** The cell's outline as a WGS84 polygon (x = lon, y = lat). */
    public static Polygon boundary(long cell) {
        List<LatLng> ring = H3.cellToBoundary(cell);
        var cs = new Coordinate[ring.size() + 1];
        for (int i = 0; i < ring.size(); i++) {
            cs[i] = new Coordinate(ring.get(i).lng, ring.get(i).lat);
        }
        cs[ring.size()] = cs[0].copy();
        return FACTORY.createPolygon(cs);
    }

    /** The cells whose centres lie inside an area (a Polygon or MultiPolygon in lon/lat), as H3's polyfill does. */
    public static List<Long> cover(Geometry area, int resolution) {
        checkResolution(resolution);
        var cells = new ArrayList<Long>();
        for (int i = 0; i < area.getNumGeometries(); i++) {
            if (!(area.getGeometryN(i) instanceof Polygon polygon)) {
                throw new IllegalArgumentException("only polygons can be covered, not " + area.getGeometryN(i).getGeometryType());
            }
            var holes = new ArrayList<List<LatLng>>();
            for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
                holes.add(latLngs(polygon.getInteriorRingN(h).getCoordinates()));
            }
            cells.addAll(H3.polygonToCells(latLngs(polygon.getExteriorRing().getCoordinates()), holes, resolution));
        }
        return cells.stream().distinct().sorted().toList();
    }

    private static List<LatLng> latLngs(Coordinate[] ring) {
        var out = new ArrayList<LatLng>(ring.length);
        for (var c : ring) {
            out.add(new LatLng(c.y, c.x));
        }
        return out;
    }

    private static void checkResolution(int resolution) {
        if (resolution < 0 || resolution > 15) {
            throw new IllegalArgumentException("H3 resolutions are 0..15, got " + resolution);
        }
    }
}
