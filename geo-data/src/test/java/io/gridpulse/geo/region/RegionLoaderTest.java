package io.gridpulse.geo.region;

import io.gridpulse.model.area.AreaCode;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RegionLoaderTest {

    /** A county 0..2 × 0..1 degrees with two streets side by side, each with one community. */
    private static List<String> goodFeatures() {
        var f = new ArrayList<String>();
        f.add(area("439901", "甲市", "county", null, box(0, 0, 2, 1)));
        f.add(area("439901001", "东街道", "street", "439901", box(1, 0, 2, 1)));
        f.add(area("439901002", "西街道", "street", "439901", box(0, 0, 1, 1)));
        f.add(area("439901001001", "东一社区", "community", "439901001", box(1, 0, 2, 1)));
        f.add("{\"type\":\"Feature\",\"properties\":{\"kind\":\"service_hall\",\"code\":\"hall-1\",\"name\":\"东街道大厅\","
                + "\"areaCode\":\"439901001\",\"windows\":8},\"geometry\":{\"type\":\"Point\",\"coordinates\":[1.5,0.5]}}");
        return f;
    }

    private static String area(String code, String name, String level, String parent, String geometry) {
        return "{\"type\":\"Feature\",\"properties\":{\"code\":\"" + code + "\",\"name\":\"" + name + "\",\"level\":\""
                + level + "\",\"parent\":" + (parent == null ? "null" : "\"" + parent + "\"") + "},\"geometry\":" + geometry + "}";
    }

    private static String box(double x0, double y0, double x1, double y1) {
        return "{\"type\":\"Polygon\",\"coordinates\":[[[" + x0 + "," + y0 + "],[" + x1 + "," + y0 + "],[" + x1 + "," + y1
                + "],[" + x0 + "," + y1 + "],[" + x0 + "," + y0 + "]]]}";
    }

    private static Region load(List<String> features) throws Exception {
        var json = "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}";
        return RegionLoader.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.geojson");
    }

    private static RegionFileException rejection(List<String> features) {
        return catchThrowableOfType(RegionFileException.class, () -> load(features));
    }

    @Test
    void aWellFormedFileLoadsWithItsHierarchyAndFacilities() throws Exception {
        var region = load(goodFeatures());
        assertThat(region.children(AreaCode.of("439901"))).hasSize(2);
        assertThat(region.locate(1.5, 0.5)).contains(AreaCode.of("439901001001"));
        assertThat(region.locate(0.5, 0.5)).contains(AreaCode.of("439901002"));
        assertThat(region.locate(3, 0.5)).isEmpty();
        assertThat(region.facilities()).singleElement().extracting(Facility::windows).isEqualTo(8);
    }

    @Test
    void overlappingSiblingsAreRejectedNamingBoth() {
        var f = goodFeatures();
        f.set(2, area("439901002", "西街道", "street", "439901", box(0, 0, 1.5, 1)));
        var e = rejection(f);
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.feature()).isEqualTo(2);
            assertThat(p.code()).isEqualTo("439901002");
            assertThat(p.message()).contains("overlaps its sibling 439901001 (feature 1)");
        });
        assertThat(e).hasMessageContaining("test.geojson").hasMessageContaining("feature 2 (439901002)");
    }

    @Test
    void aMissingParentIsRejectedNamingIt() {
        var f = goodFeatures();
        f.add(area("439901003001", "孤儿社区", "community", "439901003", box(0, 0, 0.5, 0.5)));
        assertThat(rejection(f).problems()).singleElement().satisfies(p -> {
            assertThat(p.feature()).isEqualTo(5);
            assertThat(p.code()).isEqualTo("439901003001");
            assertThat(p.message()).isEqualTo("parent 439901003 is not in the file");
        });
    }

    @Test
    void aBadCodeIsRejectedNamingIt() {
        var f = goodFeatures();
        f.set(3, area("43990100100A", "坏社区", "community", "439901001", box(1, 0, 2, 1)));
        assertThat(rejection(f).problems()).singleElement().satisfies(p -> {
            assertThat(p.feature()).isEqualTo(3);
            assertThat(p.message()).contains("\"43990100100A\" is not an area code");
        });
    }

    @Test
    void aLevelThatContradictsTheCodeLengthIsRejected() {
        var f = goodFeatures();
        f.set(3, area("439901001001", "东一社区", "grid", "439901001", box(1, 0, 2, 1)));
        assertThat(rejection(f).problems()).singleElement().extracting(RegionFileException.Problem::message)
                .asString().contains("does not match the code").contains("community");
    }

    @Test
    void aParentThatIsNotTheCodesPrefixIsRejected() {
        var f = goodFeatures();
        f.set(3, area("439901001001", "东一社区", "community", "439901002", box(1, 0, 2, 1)));
        assertThat(rejection(f).problems()).singleElement().extracting(RegionFileException.Problem::message)
                .asString().contains("parent 439901002 does not match the code").contains("439901001");
    }

    @Test
    void aDuplicateCodeIsRejectedNamingTheFirstUse() {
        var f = goodFeatures();
        f.add(area("439901002", "又一个西街道", "street", "439901", box(0, 0, 1, 1)));
        assertThat(rejection(f).problems()).singleElement().extracting(RegionFileException.Problem::message)
                .isEqualTo("code 439901002 is also used by feature 2");
    }

    @Test
    void aChildStickingOutOfItsParentIsRejected() {
        var f = goodFeatures();
        f.set(3, area("439901001001", "东一社区", "community", "439901001", box(1, 0, 2.5, 1)));
        assertThat(rejection(f).problems()).singleElement().extracting(RegionFileException.Problem::message)
                .asString().startsWith("sticks out of its parent 439901001");
    }

    @Test
    void aSelfIntersectingPolygonIsRejectedWithWhereItGoesWrong() {
        var f = goodFeatures();
        f.set(3, area("439901001001", "东一社区", "community", "439901001",
                "{\"type\":\"Polygon\",\"coordinates\":[[[1,0],[2,1],[2,0],[1,1],[1,0]]]}"));
        assertThat(rejection(f).problems()).singleElement().extracting(RegionFileException.Problem::message)
                .asString().startsWith("invalid polygon: Self-intersection").contains("near lon 1.5");
    }

    @Test
    void missingPropertiesAndBrokenGeometryAreAllReportedAtOnce() {
        var f = goodFeatures();
        f.add("{\"type\":\"Feature\",\"properties\":{\"code\":\"439901003\"},\"geometry\":null}");
        f.add("{\"type\":\"Feature\",\"properties\":{\"code\":\"439901004\",\"name\":\"x\",\"level\":\"street\",\"parent\":\"439901\"},"
                + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,0.5]]]}}");
        f.add("{\"type\":\"Feature\",\"properties\":{\"kind\":\"bus_stop\",\"code\":\"s1\",\"name\":\"站\",\"areaCode\":\"439901009\"},"
                + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[0.5,0.5]}}");
        var e = rejection(f);
        assertThat(e.problems()).extracting(RegionFileException.Problem::toString).containsExactly(
                "feature 5 (439901003): property \"name\" is missing or blank",
                "feature 5 (439901003): property \"level\" is missing (county, street, community or grid)",
                "feature 5 (439901003): property \"parent\" is missing (use null for the top area)",
                "feature 5 (439901003): an area's geometry must be a Polygon or MultiPolygon, got none",
                "feature 6 (439901004): ring 0 is not closed (its last position must repeat the first)",
                "feature 7 (s1): facility kind \"bus_stop\" is not one of service_hall, community_station, elderly_care_station, smart_plaque");
    }

    @Test
    void aFacilityOutsideItsAreaIsRejected() {
        var f = goodFeatures();
        f.set(4, f.get(4).replace("[1.5,0.5]", "[0.5,0.5]"));
        assertThat(rejection(f).problems()).singleElement().extracting(RegionFileException.Problem::message)
                .asString().contains("outside its area 439901001");
    }

    @Test
    void somethingThatIsNotGeoJsonIsRejectedPlainly() {
        assertThatThrownBy(() -> RegionLoader.load(new ByteArrayInputStream("{\"type\":".getBytes(StandardCharsets.UTF_8)), "x.json"))
                .isInstanceOf(RegionFileException.class).hasMessageContaining("x.json").hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> RegionLoader.load(new ByteArrayInputStream("[1,2]".getBytes(StandardCharsets.UTF_8)), "x.json"))
                .hasMessageContaining("expected a GeoJSON FeatureCollection");
    }
}
