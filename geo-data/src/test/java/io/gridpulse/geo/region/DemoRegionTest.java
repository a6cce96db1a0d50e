package io.gridpulse.geo.region;

import io.gridpulse.model.area.Area;
import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.area.AreaLevel;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.overlayng.CoverageUnion;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

import java.util.HashSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DemoRegionTest {

    private static final Region REGION = Region.demo();
    private static final AreaCode COUNTY = AreaCode.of("439901");

    private static Geometry shape(Area a) {
        return REGION.geometry(a.code()).orElseThrow();
    }

    @Test
    void theCountyIsLabelledFictionalAndIsTheOnlyRoot() {
        assertThat(REGION.roots()).extracting(Area::code).containsExactly(COUNTY);
        assertThat(REGION.area(COUNTY).orElseThrow().name()).contains("虚构");
    }

    @Test
    void everyAreaIsOneValidPolygon() {
        assertThat(REGION.areas()).allSatisfy(a -> {
            var g = shape(a);
            assertThat(g).as(a.code().value()).isInstanceOf(Polygon.class);
            assertThat(g.isValid()).as(a.code().value()).isTrue();
            assertThat(g.getArea()).as(a.code().value()).isPositive();
        });
    }

    @Test
    void codesAreUniqueAndMatchTheirLevels() {
        var codes = new HashSet<AreaCode>();
        assertThat(REGION.areas()).allSatisfy(a -> assertThat(codes.add(a.code())).as(a.code().value()).isTrue());
        assertThat(REGION.areas(AreaLevel.COUNTY)).hasSize(1);
        assertThat(REGION.areas(AreaLevel.STREET)).hasSize(15);
        assertThat(REGION.areas(AreaLevel.COMMUNITY)).hasSizeBetween(110, 140);
        assertThat(REGION.areas()).allSatisfy(a -> assertThat(a.code().value()).startsWith("439901"));
    }

    @Test
    void thereAre1080GridsNinetyPerUrbanStreetAndSixtyThreePerTownship() {
        assertThat(REGION.areas(AreaLevel.GRID)).hasSize(1080);
        for (var street : REGION.children(COUNTY)) {
            long grids = REGION.areas(AreaLevel.GRID).stream().filter(g -> street.code().contains(g.code())).count();
            assertThat(grids).as(street.name()).isEqualTo(DemoRegionGenerator.isRural(street.code()) ? 63 : 90);
        }
    }

    @Test
    void communitiesHoldNineToTwelveGrids() {
        assertThat(REGION.areas(AreaLevel.COMMUNITY))
                .allSatisfy(c -> assertThat(REGION.children(c.code())).as(c.code().value()).hasSizeBetween(9, 12));
    }

    @Test
    void urbanStreetsAreSmallAndTheTownshipsLarge() {
        double urban = 0;
        double rural = 0;
        for (var street : REGION.children(COUNTY)) {
            if (DemoRegionGenerator.isRural(street.code())) {
                rural += shape(street).getArea();
            } else {
                urban += shape(street).getArea();
            }
        }
        assertThat(urban / (urban + rural)).isBetween(0.01, 0.08);
        double km2 = (urban + rural) * 98.6 * 110.574;
        assertThat(km2).as("county area in km²").isBetween(1500.0, 2500.0);
        assertThat(REGION.area(COUNTY).map(this::centreLon).orElseThrow()).isCloseTo(113.5, within(0.1));
    }

    private double centreLon(Area a) {
        return shape(a).getCentroid().getX();
    }

    @Test
    void childrenTileTheirParentsExactly() {
        for (var parent : REGION.areas()) {
            var children = REGION.children(parent.code());
            if (children.isEmpty()) {
                continue;
            }
            var parentShape = shape(parent);
            double sum = children.stream().mapToDouble(c -> shape(c).getArea()).sum();
            assertThat(sum).as(parent.code().value()).isCloseTo(parentShape.getArea(), within(parentShape.getArea() * 1e-3));
            var union = CoverageUnion.union(new GeometryFactory().buildGeometry(children.stream().map(DemoRegionTest::shape).toList()));
            double mismatch = OverlayNGRobust.overlay(union, parentShape, OverlayNG.SYMDIFFERENCE).getArea();
            assertThat(mismatch).as(parent.code().value()).isLessThan(parentShape.getArea() * 1e-9);
        }
    }

    @Test
    void noTwoAreasOfALevelOverlap() {
        for (var level : List.of(AreaLevel.STREET, AreaLevel.COMMUNITY, AreaLevel.GRID)) {
            var areas = REGION.areas(level);
            var index = new STRtree();
            areas.forEach(a -> index.insert(shape(a).getEnvelopeInternal(), a));
            int pairs = 0;
            for (var a : areas) {
                var g = shape(a);
                @SuppressWarnings("unchecked")
                List<Area> near = index.query(g.getEnvelopeInternal());
                for (var b : near) {
                    if (b.code().compareTo(a.code()) <= 0) {
                        continue;
                    }
                    pairs++;
                    double overlap = OverlayNGRobust.overlay(g, shape(b), OverlayNG.INTERSECTION).getArea();
                    assertThat(overlap).as(a.code() + " and " + b.code()).isLessThan(1e-12);
                }
            }
            assertThat(pairs).as("pairs checked at " + level).isGreaterThan(areas.size());
        }
    }

    @Test
    void eachGridsInteriorPointLocatesThatGrid() {
        assertThat(REGION.areas(AreaLevel.GRID)).allSatisfy(grid -> {
            var p = shape(grid).getInteriorPoint();
            assertThat(REGION.locate(p.getX(), p.getY())).as(grid.code().value()).contains(grid.code());
        });
    }

    @Test
    void pointsOutsideTheCountyLocateNowhere() {
        var bounds = shape(REGION.area(COUNTY).orElseThrow()).getEnvelopeInternal();
        assertThat(REGION.locate(0, 0)).isEmpty();
        assertThat(REGION.locate(116.397, 39.909)).isEmpty(); // Beijing
        assertThat(REGION.locate(bounds.getMinX() - 0.01, 27.65)).isEmpty();
        assertThat(REGION.locate(bounds.getMinX() + 1e-6, bounds.getMinY() + 1e-6)).as("a corner of the bounding box").isEmpty();
        assertThat(REGION.locate(bounds.getMaxX() - 1e-6, bounds.getMaxY() - 1e-6)).isEmpty();
    }

    @Test
    void aGridKnowsItsParentAndLineage() {
        var grid = AreaCode.of("439901001001001");
        assertThat(REGION.parent(grid)).map(Area::code).contains(AreaCode.of("439901001001"));
        assertThat(REGION.lineage(grid)).extracting(a -> a.code().value())
                .containsExactly("439901", "439901001", "439901001001", "439901001001001");
        assertThat(REGION.children(grid)).isEmpty();
        assertThat(REGION.lineage(AreaCode.of("439901999999999"))).isEmpty();
        assertThat(REGION.find("not a code")).isEmpty();
    }

    @Test
    void communitiesAndGridsHaveChineseAndEnglishNames() {
        assertThat(REGION.find("439901001001")).get().extracting(Area::name, Area::nameEn)
                .containsExactly("东城街道第一社区", "Dongcheng Community 1");
        assertThat(REGION.find("439901101002")).get().extracting(Area::name, Area::nameEn)
                .containsExactly("青山镇第二村", "Qingshan Village 2");
        assertThat(REGION.find("439901001001003")).get().extracting(Area::name, Area::nameEn)
                .containsExactly("第三网格", "Grid 3");
    }

    @Test
    void everyStreetHasAServiceHallWithWindowsInItsFirstGrid() {
        var halls = REGION.facilities().stream().filter(f -> f.kind() == FacilityKind.SERVICE_HALL).toList();
        assertThat(halls).hasSize(15);
        assertThat(halls).allSatisfy(h -> {
            var street = h.areaCode().at(AreaLevel.STREET);
            assertThat(h.code()).isEqualTo("hall-" + street);
            assertThat(h.areaCode().value()).isEqualTo(street.value() + "001001");
            assertThat(h.windows()).isEqualTo(DemoRegionGenerator.isRural(street) ? 6 : 10);
        });
    }

    @Test
    void everyCommunityHasAServiceStationAndAnElderlyCareStation() {
        for (var community : REGION.areas(AreaLevel.COMMUNITY)) {
            assertThat(REGION.facilitiesIn(community.code())).extracting(Facility::kind)
                    .as(community.code().value())
                    .contains(FacilityKind.COMMUNITY_STATION, FacilityKind.ELDERLY_CARE_STATION);
        }
    }

    @Test
    void smartPlaquesHangInEveryGridCommunityAndStreetUnderTheSimulatorsIds() {
        var plaques = REGION.facilities().stream().filter(f -> f.kind() == FacilityKind.SMART_PLAQUE).toList();
        assertThat(plaques).hasSize(2 * 1_080 + REGION.areas(AreaLevel.COMMUNITY).size() + 3 * 15);
        assertThat(plaques).extracting(Facility::code).doesNotHaveDuplicates()
                .contains("pq-439901001001001-m1", "pq-439901001001001-m2", "pq-439901001001-c", "pq-439901001-a3");
        for (var grid : REGION.areas(AreaLevel.GRID)) {
            assertThat(REGION.facilitiesIn(grid.code()).stream().filter(f -> f.kind() == FacilityKind.SMART_PLAQUE))
                    .as(grid.code().value()).hasSizeGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void everyFacilityLiesInTheGridItNames() {
        assertThat(REGION.facilities()).allSatisfy(f ->
                assertThat(REGION.locate(f.lon(), f.lat())).as(f.code()).contains(f.areaCode()));
    }

    @Test
    void theDirectoryNamesEveryAreaAndStillListsFifteenStreets() {
        var directory = RegionDirectory.demo();
        assertThat(directory.byCode()).hasSize(REGION.areas().size()).containsKey("439901001001001");
        assertThat(directory.children(COUNTY)).hasSize(15);
    }

    @Test
    void geometriesHandedOutAreCopies() {
        var g = REGION.geometry(COUNTY).orElseThrow();
        g.getCoordinates()[0].x = 0;
        g.geometryChanged();
        assertThat(REGION.geometry(COUNTY).orElseThrow().getCoordinates()[0].x).isNotZero();
    }

    @org.junit.jupiter.api.Test
    void theStreetsOfTheCountyComeAsOneFeatureCollectionForTheMap() throws Exception {
        var json = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(Region.demo().childrenGeoJson(io.gridpulse.model.area.AreaCode.of("439901")));
        org.assertj.core.api.Assertions.assertThat(json.get("features")).hasSize(15);
        org.assertj.core.api.Assertions.assertThat(json.get("features").get(0).at("/properties/level").asText()).isEqualTo("street");
    }
}
