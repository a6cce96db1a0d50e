package io.gridpulse.geo.region;

import io.gridpulse.model.area.Area;
import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.area.AreaLevel;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.overlayng.CoverageUnion;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.overlayng.UnaryUnionNG;
import org.locationtech.jts.operation.polygonize.Polygonizer;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws the FICTIONAL demo region 云溪市 from a seed: an irregular county outline around lon 113.5, lat 27.65
 * (near, but not, the real Liling), a small urban core of 5 streets, 10 large rural towns and townships around
 * it, their communities/villages and 1,080 grids, plus service halls, community stations and elderly-care
 * stations.
 *
 * <p>Every level is a seeded Voronoi partition (relaxed a few times so cells are even) clipped to its parent,
 * worked in kilometres so cells are not stretched by longitude. The grids are then rounded together to
 * millionths of a degree in one snap-rounding pass and every higher level is the exact union of its children,
 * so children tile their parents with no gap or overlap, down to the coordinate.
 *
 * <p>The committed {@code demo-region.geojson} is this class's output for {@link #SEED}; regenerate it with
 * {@code main} (see {@link #main}) after changing anything here, a test fails when they differ.
 */
public final class DemoRegionGenerator {

    /** The seed of the committed demo region. */
    public static final long SEED = 439901L;
    /** Where the committed file lives, relative to the geo-data module. */
    public static final String RESOURCE_PATH = "src/main/resources/io/gridpulse/geo/region/demo-region.geojson";

    /** Grids per urban street and per town or township: the 1,080 micro-grids of the Liling plan (5×90 + 10×63). */
    static final int GRIDS_PER_URBAN_STREET = 90;
    static final int GRIDS_PER_RURAL_STREET = 63;

    private static final double LON0 = 113.5;
    private static final double LAT0 = 27.65;
    private static final double KM_PER_DEGREE_LAT = 110.574;
    private static final double KM_PER_DEGREE_LON = 111.320 * StrictMath.cos(StrictMath.toRadians(LAT0));
    private static final double COUNTY_RADIUS_KM = 24.5;
    private static final double CORE_RADIUS_KM = 4.6;
    private static final PrecisionModel MICRO_DEGREES = new PrecisionModel(1e6);

    private final GeometryFactory km = new GeometryFactory();
    private final GeometryFactory degrees = new GeometryFactory(MICRO_DEGREES);
    private final SplittableRandom rnd;

    private DemoRegionGenerator(long seed) {
        this.rnd = new SplittableRandom(seed);
    }

    /** The areas (county first, then streets, communities, grids, each in code order) and facilities. */
    record Generated(List<RegionArea> areas, List<Facility> facilities) {
    }

    /** The demo region drawn from this seed; the same seed always gives the same region. */
    static Generated generate(long seed) {
        return new DemoRegionGenerator(seed).generate();
    }

    /** The demo region of this seed as the GeoJSON text that is committed for {@link #SEED}. */
    public static String geoJson(long seed) {
        var region = generate(seed);
        var county = region.areas().getFirst().area();
        return GeoJson.write(county.name(),
                "FICTIONAL demo region, not a real administrative boundary: drawn by "
                        + DemoRegionGenerator.class.getName() + " with seed " + seed + ". Coordinates WGS84.",
                region.areas(), region.facilities());
    }

    /**
     * Rewrites the committed file (or the path given as the only argument). From {@code geo-data}, after a build:
     * {@code java -cp target/classes:$(cat cp.txt) io.gridpulse.geo.region.DemoRegionGenerator}, with {@code cp.txt}
     * from {@code ../mvnw -q dependency:build-classpath -Dmdep.outputFile=cp.txt}.
     */
    public static void main(String[] args) throws IOException {
        var target = Path.of(args.length > 0 ? args[0] : RESOURCE_PATH);
        Files.writeString(target, geoJson(SEED), StandardCharsets.UTF_8);
        System.out.println("wrote " + target.toAbsolutePath() + " (" + Files.size(target) + " bytes)");
    }

    private Generated generate() {
        var names = RegionDirectory.readDemoNames();
        var countyArea = names.getFirst();
        var streetAreas = names.subList(1, names.size());

        var outline = blob(new Coordinate(0, 0), COUNTY_RADIUS_KM, 0.85, 96, 0.16, 0.05);
        var core = blob(new Coordinate(0.8, -0.5), CORE_RADIUS_KM, 1.0, 48, 0.06, 0.02);
        var countryside = OverlayNGRobust.overlay(outline, core, OverlayNG.DIFFERENCE);

        var urban = streetAreas.stream().filter(a -> !isRural(a.code())).toList();
        var towns = streetAreas.stream().filter(a -> isRural(a.code())).toList();

        // urban streets lie where their names point (东 east, 西 west, 南 south, 北 north), 新城 to the north-east
        double[] urbanAngles = {0, 195, 270, 125, 60};
        var urbanSeeds = new ArrayList<Coordinate>();
        for (int i = 0; i < urban.size(); i++) {
            urbanSeeds.add(polar(core.getCentroid().getCoordinate(), 0.55 * CORE_RADIUS_KM, urbanAngles[i % 5] + jitter(8)));
        }
        var townSeeds = new ArrayList<Coordinate>();
        for (int i = 0; i < towns.size(); i++) {
            double angle = 90 - i * 360.0 / towns.size() + jitter(12);
            townSeeds.add(polar(new Coordinate(0, 0), COUNTY_RADIUS_KM * (0.45 + 0.3 * rnd.nextDouble()), angle));
        }
        var streetShapes = new HashMap<AreaCode, Geometry>();
        var urbanCells = relax(core, urbanSeeds, 1);
        for (int i = 0; i < urban.size(); i++) {
            streetShapes.put(urban.get(i).code(), urbanCells.get(i));
        }
        var townCells = relax(countryside, townSeeds, 1);
        for (int i = 0; i < towns.size(); i++) {
            streetShapes.put(towns.get(i).code(), townCells.get(i));
        }

        // communities and grids as templates in kilometres
        var gridTemplates = new ArrayList<Geometry>();
        var gridCodes = new ArrayList<AreaCode>();
        var communities = new ArrayList<Area>();
        var grids = new ArrayList<Area>();
        for (var street : streetAreas) {
            boolean rural = isRural(street.code());
            var streetShape = streetShapes.get(street.code());
            int gridCount = rural ? GRIDS_PER_RURAL_STREET : GRIDS_PER_URBAN_STREET;
            int communityCount = rural ? 6 + rnd.nextInt(2) : 8 + rnd.nextInt(3);
            var communityCells = inCodeOrder(streetShape, relax(streetShape, randomPoints(streetShape, communityCount), 3));
            for (int c = 0; c < communityCount; c++) {
                var community = AreaCode.of(street.code().value() + pad(c + 1));
                communities.add(communityArea(street, community, c + 1, rural));
                int inCommunity = gridCount / communityCount + (c < gridCount % communityCount ? 1 : 0);
                var communityShape = communityCells.get(c);
                var gridCells = inCodeOrder(communityShape, relax(communityShape, randomPoints(communityShape, inCommunity), 3));
                for (int g = 0; g < inCommunity; g++) {
                    var grid = AreaCode.of(community.value() + pad(g + 1));
                    grids.add(new Area(grid, "第" + chineseNumber(g + 1) + "网格", "Grid " + (g + 1)));
                    gridCodes.add(grid);
                    gridTemplates.add(gridCells.get(g));
                }
            }
        }

        var gridShapes = roundTogether(gridTemplates, gridCodes);

        var shapes = new HashMap<AreaCode, Geometry>();
        for (int i = 0; i < gridCodes.size(); i++) {
            shapes.put(gridCodes.get(i), gridShapes.get(i));
        }
        for (var community : communities) {
            shapes.put(community.code(), unionOfChildren(community.code(), grids, shapes));
        }
        for (var street : streetAreas) {
            shapes.put(street.code(), unionOfChildren(street.code(), communities, shapes));
        }
        shapes.put(countyArea.code(), unionOfChildren(countyArea.code(), streetAreas, shapes));

        // the unions' ring start points depend on hash order inside JTS; normal form makes the output reproducible
        shapes.values().forEach(Geometry::normalize);
        var areas = new ArrayList<RegionArea>();
        areas.add(new RegionArea(countyArea, null, shapes.get(countyArea.code())));
        for (var level : List.of(streetAreas, communities, grids)) {
            for (var a : level) {
                areas.add(new RegionArea(a, a.code().parent().orElseThrow(), shapes.get(a.code())));
            }
        }
        return new Generated(List.copyOf(areas), facilities(streetAreas, communities, grids, shapes));
    }

    private List<Facility> facilities(List<Area> streets, List<Area> communities, List<Area> grids,
                                      HashMap<AreaCode, Geometry> shapes) {
        var facilities = new ArrayList<Facility>();
        for (var street : streets) {
            // the hall sits in the street's first grid, where the simulator seats it
            var seat = AreaCode.of(street.code().value() + "001001");
            var p = pointIn(shapes.get(seat));
            boolean rural = isRural(street.code());
            facilities.add(new Facility(FacilityKind.SERVICE_HALL, "hall-" + street.code(),
                    street.name() + "便民服务大厅", street.nameEn() + " Service Hall", seat, p.x, p.y, rural ? 6 : 10));
        }
        for (var community : communities) {
            boolean rural = isRural(community.code());
            var first = AreaCode.of(community.code().value() + "001");
            var p = pointIn(shapes.get(first));
            facilities.add(new Facility(FacilityKind.COMMUNITY_STATION, "station-" + community.code(),
                    community.name() + "服务站", community.nameEn() + " Service Station", first, p.x, p.y, 0));
            var inCommunity = grids.stream().filter(g -> community.code().contains(g.code())).toList();
            var where = inCommunity.get(rnd.nextInt(inCommunity.size())).code();
            var q = pointIn(shapes.get(where));
            facilities.add(new Facility(FacilityKind.ELDERLY_CARE_STATION, "eldercare-" + community.code(),
                    community.name() + (rural ? "互助养老服务点" : "居家养老服务站"),
                    community.nameEn() + (rural ? " Mutual-Aid Elderly Care Point" : " Elderly Care Station"),
                    where, q.x, q.y, 0));
        }
        // smart plaques, named as the simulator names them: two merchants a grid, one a community, three agencies a street
        // (drawn after everything else, so that adding them moved nothing drawn before)
        for (var grid : grids) {
            for (int m = 1; m <= 2; m++) {
                var p = pointIn(shapes.get(grid.code()));
                facilities.add(new Facility(FacilityKind.SMART_PLAQUE, "pq-" + grid.code() + "-m" + m,
                        grid.name() + "商户亮牌" + chineseNumber(m), grid.nameEn() + " Merchant Plaque " + m,
                        grid.code(), p.x, p.y, 0));
            }
        }
        for (var community : communities) {
            var first = AreaCode.of(community.code().value() + "001");
            var p = pointIn(shapes.get(first));
            facilities.add(new Facility(FacilityKind.SMART_PLAQUE, "pq-" + community.code() + "-c",
                    community.name() + "亮牌", community.nameEn() + " Community Plaque", first, p.x, p.y, 0));
        }
        for (var street : streets) {
            var seat = AreaCode.of(street.code().value() + "001001");
            for (int k = 1; k <= 3; k++) {
                var p = pointIn(shapes.get(seat));
                facilities.add(new Facility(FacilityKind.SMART_PLAQUE, "pq-" + street.code() + "-a" + k,
                        street.name() + "机关亮牌" + chineseNumber(k), street.nameEn() + " Agency Plaque " + k,
                        seat, p.x, p.y, 0));
            }
        }
        return List.copyOf(facilities);
    }

    private static Area communityArea(Area street, AreaCode code, int number, boolean rural) {
        var streetEn = street.nameEn().substring(0, street.nameEn().lastIndexOf(' '));
        return rural
                ? new Area(code, street.name() + "第" + chineseNumber(number) + "村", streetEn + " Village " + number)
                : new Area(code, street.name() + "第" + chineseNumber(number) + "社区", streetEn + " Community " + number);
    }

    /**
     * Rounds the grid templates to micro-degrees in one pass: all their edges are snap-rounded together and
     * re-polygonised, and each face goes to the template it lies in, so neighbours share identical edges.
     */
    private List<Geometry> roundTogether(List<Geometry> templatesKm, List<AreaCode> codes) {
        var toDegrees = new AffineTransformation()
                .scale(1 / KM_PER_DEGREE_LON, 1 / KM_PER_DEGREE_LAT)
                .translate(LON0, LAT0);
        var templates = templatesKm.stream().map(toDegrees::transform).toList();
        var index = new STRtree();
        for (int i = 0; i < templates.size(); i++) {
            index.insert(templates.get(i).getEnvelopeInternal(), i);
        }
        var edges = new ArrayList<Geometry>();
        templates.forEach(t -> edges.add(t.getBoundary()));
        var noded = UnaryUnionNG.union(degrees.buildGeometry(edges), MICRO_DEGREES);
        var polygonizer = new Polygonizer();
        polygonizer.add(noded);
        @SuppressWarnings("unchecked")
        var faces = (List<Polygon>) new ArrayList<Polygon>(polygonizer.getPolygons());

        var facesOf = new ArrayList<List<Geometry>>();
        templates.forEach(t -> facesOf.add(new ArrayList<>()));
        for (var face : faces) {
            facesOf.get(owner(face, templates, index)).add(face);
        }
        var result = new ArrayList<Geometry>();
        for (int i = 0; i < templates.size(); i++) {
            if (facesOf.get(i).isEmpty()) {
                throw new IllegalStateException("grid " + codes.get(i) + " vanished when rounded; try another seed");
            }
            var grid = CoverageUnion.union(degrees.buildGeometry(facesOf.get(i)));
            if (!(grid instanceof Polygon) || !grid.isValid()) {
                throw new IllegalStateException("grid " + codes.get(i) + " is not one valid polygon after rounding: "
                        + grid.getGeometryType() + "; try another seed");
            }
            result.add(grid);
        }
        return result;
    }

    /** The template a face belongs to: the one holding its interior point, else the one it overlaps most. */
    private static int owner(Polygon face, List<Geometry> templates, STRtree index) {
        var inside = face.getInteriorPoint();
        @SuppressWarnings("unchecked")
        List<Integer> candidates = index.query(face.getEnvelopeInternal());
        int best = -1;
        double bestArea = -1;
        for (int i : candidates) {
            var t = templates.get(i);
            if (t.contains(inside)) {
                return i;
            }
            double shared = OverlayNGRobust.overlay(t, face, OverlayNG.INTERSECTION).getArea();
            if (shared > bestArea) {
                best = i;
                bestArea = shared;
            }
        }
        if (best < 0) {
            throw new IllegalStateException("a face at " + inside + " lies in no grid template");
        }
        return best;
    }

    private Geometry unionOfChildren(AreaCode parent, List<Area> level, HashMap<AreaCode, Geometry> shapes) {
        var children = level.stream().filter(a -> parent.contains(a.code())).map(a -> shapes.get(a.code())).toList();
        var union = CoverageUnion.union(degrees.buildGeometry(children));
        if (!(union instanceof Polygon) || !union.isValid()) {
            throw new IllegalStateException(parent + " is not one valid polygon: " + union.getGeometryType());
        }
        return union;
    }

    /**
     * Seeded Voronoi cells of the points clipped to the parent, in the points' order, after moving each point
     * to its cell's centroid a few times (Lloyd's relaxation) so that siblings come out of similar size.
     */
    private List<Geometry> relax(Geometry parent, List<Coordinate> seeds, int rounds) {
        var points = new ArrayList<>(seeds);
        var cells = partition(parent, points);
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < points.size(); i++) {
                var centroid = cells.get(i).getCentroid();
                points.set(i, parent.contains(centroid) ? centroid.getCoordinate()
                        : cells.get(i).getInteriorPoint().getCoordinate());
            }
            cells = partition(parent, points);
        }
        return cells;
    }

    /** The cells in code order: the one nearest the parent's middle first (the seat), then clockwise from north. */
    private static List<Geometry> inCodeOrder(Geometry parent, List<Geometry> cells) {
        var middle = parent.getInteriorPoint().getCoordinate();
        var centres = cells.stream().map(c -> c.getInteriorPoint().getCoordinate()).toList();
        var order = new ArrayList<Integer>();
        for (int i = 0; i < cells.size(); i++) {
            order.add(i);
        }
        int seat = order.stream().min(Comparator.comparingDouble(i -> centres.get(i).distance(middle))).orElseThrow();
        order.remove(Integer.valueOf(seat));
        order.sort(Comparator.comparingDouble(i -> clockwiseFromNorth(middle, centres.get(i))));
        order.addFirst(seat);
        return order.stream().map(cells::get).toList();
    }

    private List<Geometry> partition(Geometry parent, List<Coordinate> seeds) {
        var builder = new VoronoiDiagramBuilder();
        builder.setSites(seeds);
        // unclipped cells (bounded by the triangulation's far frame): the builder's own envelope clip uses the old,
        // non-robust overlay, which fails when relaxed seeds make near-degenerate vertices
        List<Polygon> diagram = builder.getSubdivision().getVoronoiCellPolygons(km);
        var cells = new ArrayList<Geometry>(seeds.size());
        for (int i = 0; i < seeds.size(); i++) {
            cells.add(null);
        }
        for (int k = 0; k < diagram.size(); k++) {
            var cell = diagram.get(k);
            int i = seeds.indexOf((Coordinate) cell.getUserData());
            if (i < 0 || cells.get(i) != null) {
                throw new IllegalStateException("Voronoi cell " + k + " has no site of its own");
            }
            cells.set(i, OverlayNGRobust.overlay(cell, parent, OverlayNG.INTERSECTION));
        }
        if (cells.contains(null)) {
            throw new IllegalStateException("two seeds coincide; Voronoi dropped one");
        }
        mergeStrayParts(cells, seeds);
        return cells;
    }

    /**
     * A cell cut in pieces by a concave parent keeps the piece with its seed; each other piece joins the
     * neighbour it shares most border with, so every area is one polygon.
     */
    private void mergeStrayParts(List<Geometry> cells, List<Coordinate> seeds) {
        for (int i = 0; i < cells.size(); i++) {
            var cell = cells.get(i);
            if (cell.getNumGeometries() < 2) {
                continue;
            }
            var seed = km.createPoint(seeds.get(i));
            Geometry keep = null;
            var stray = new ArrayList<Geometry>();
            for (int p = 0; p < cell.getNumGeometries(); p++) {
                var part = cell.getGeometryN(p);
                if (keep == null && part.intersects(seed)) {
                    keep = part;
                } else {
                    stray.add(part);
                }
            }
            if (keep == null) {
                keep = stray.stream().max(Comparator.comparingDouble(Geometry::getArea)).orElseThrow();
                stray.remove(keep);
            }
            cells.set(i, keep);
            for (var part : stray) {
                var touching = part.buffer(0.001);
                int best = -1;
                double bestShared = 0;
                for (int j = 0; j < cells.size(); j++) {
                    if (j == i) {
                        continue;
                    }
                    double shared = OverlayNGRobust.overlay(touching, cells.get(j), OverlayNG.INTERSECTION).getArea();
                    if (shared > bestShared) {
                        best = j;
                        bestShared = shared;
                    }
                }
                if (best < 0) {
                    throw new IllegalStateException("a piece of a Voronoi cell touches no neighbour");
                }
                cells.set(best, OverlayNGRobust.overlay(cells.get(best), part, OverlayNG.UNION));
            }
        }
    }

    /** An irregular star-shaped outline: a radius wobbling with a few seeded harmonics plus per-vertex noise, stretched. */
    private Polygon blob(Coordinate centre, double radius, double eastWestStretch, int vertices, double harmonic, double noise) {
        int harmonics = 5;
        double[] amplitude = new double[harmonics];
        double[] phase = new double[harmonics];
        for (int k = 0; k < harmonics; k++) {
            amplitude[k] = harmonic * (0.4 + 0.6 * rnd.nextDouble()) / (1 + 0.5 * k);
            phase[k] = 2 * Math.PI * rnd.nextDouble();
        }
        var ring = new Coordinate[vertices + 1];
        for (int i = 0; i < vertices; i++) {
            double theta = 2 * Math.PI * i / vertices;
            double r = 1;
            for (int k = 0; k < harmonics; k++) {
                r += amplitude[k] * StrictMath.sin((k + 2) * theta + phase[k]);
            }
            r *= radius * (1 + noise * (2 * rnd.nextDouble() - 1));
            ring[i] = new Coordinate(centre.x + eastWestStretch * r * StrictMath.cos(theta), centre.y + r * StrictMath.sin(theta) / eastWestStretch);
        }
        ring[vertices] = ring[0].copy();
        return km.createPolygon(ring);
    }

    private List<Coordinate> randomPoints(Geometry area, int count) {
        var env = area.getEnvelopeInternal();
        var locator = new IndexedPointInAreaLocator(area);
        var points = new ArrayList<Coordinate>(count);
        while (points.size() < count) {
            var c = new Coordinate(env.getMinX() + rnd.nextDouble() * env.getWidth(),
                    env.getMinY() + rnd.nextDouble() * env.getHeight());
            if (locator.locate(c) == Location.INTERIOR && !points.contains(c)) {
                points.add(c);
            }
        }
        return points;
    }

    /** A seeded point strictly inside the polygon, already rounded to micro-degrees. */
    private Coordinate pointIn(Geometry area) {
        var env = area.getEnvelopeInternal();
        var locator = new IndexedPointInAreaLocator(area);
        while (true) {
            var c = new Coordinate(env.getMinX() + rnd.nextDouble() * env.getWidth(),
                    env.getMinY() + rnd.nextDouble() * env.getHeight());
            MICRO_DEGREES.makePrecise(c);
            if (locator.locate(c) == Location.INTERIOR) {
                return c;
            }
        }
    }

    private Coordinate polar(Coordinate centre, double radius, double degreesCounterClockwiseFromEast) {
        double a = StrictMath.toRadians(degreesCounterClockwiseFromEast);
        return new Coordinate(centre.x + radius * StrictMath.cos(a), centre.y + radius * StrictMath.sin(a));
    }

    private double jitter(double degrees) {
        return degrees * (2 * rnd.nextDouble() - 1);
    }

    private static double clockwiseFromNorth(Coordinate from, Coordinate to) {
        double a = StrictMath.atan2(to.x - from.x, to.y - from.y);
        return a < 0 ? a + 2 * Math.PI : a;
    }

    /** Whether a street code is a town or township (1xx, 2xx) rather than an urban street (0xx). */
    static boolean isRural(AreaCode code) {
        return code.at(AreaLevel.STREET).value().charAt(6) != '0';
    }

    private static String pad(int n) {
        return String.format("%03d", n);
    }

    static String chineseNumber(int n) {
        String[] digits = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
        if (n < 1 || n > 99) {
            throw new IllegalArgumentException("only 1..99 are named, got " + n);
        }
        if (n < 10) {
            return digits[n];
        }
        return (n / 10 == 1 ? "" : digits[n / 10]) + "十" + (n % 10 == 0 ? "" : digits[n % 10]);
    }
}
