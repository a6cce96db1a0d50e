package io.gridpulse.streams.place;

import io.gridpulse.geo.crs.Coordinates;
import io.gridpulse.geo.hex.HexCells;
import io.gridpulse.geo.region.Region;
import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.event.Crs;
import io.gridpulse.model.event.GeoPoint;
import io.gridpulse.model.event.Placement;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PlacerTest {
    private static final Region REGION = Region.demo();
    private static final String GRID = "439901002003004";
    private final Placer placer = new Placer(REGION);

    private static Coordinate inside(String code) {
        return REGION.geometry(AreaCode.of(code)).orElseThrow().getInteriorPoint().getCoordinate();
    }

    @Test
    void aGridCodeGivesTheWholeLineageAndNoPoint() {
        assertThat(placer.place(Placement.of(AreaCode.of(GRID)))).isEqualTo(
                new Placed.At(GRID, "439901002003", "439901002", "439901", null, null));
    }

    @Test
    void aCodeAboveTheGridLeavesTheFinerLevelsEmpty() {
        assertThat(placer.place(Placement.of(AreaCode.of("439901002")))).isEqualTo(
                new Placed.At("", "", "439901002", "439901", null, null));
    }

    @Test
    void aPointAloneIsPlacedInTheGridAroundIt() {
        var c = inside(GRID);
        assertThat(placer.place(Placement.of(GeoPoint.wgs84(c.x, c.y)))).isEqualTo(
                new Placed.At(GRID, "439901002003", "439901002", "439901", c.x, c.y));
    }

    @Test
    void aGcj02PointIsConvertedToWgs84BeforeItIsLocated() {
        var c = inside(GRID);
        var gcj = Coordinates.wgs84ToGcj02(c.x, c.y);
        assertThat(gcj.lon()).isNotCloseTo(c.x, within(1e-4)); // the offset is hundreds of metres here
        var placed = (Placed.At) placer.place(Placement.of(gcj));
        assertThat(placed.gridCode()).isEqualTo(GRID);
        assertThat(placed.lon()).isCloseTo(c.x, within(1e-7));
        assertThat(placed.lat()).isCloseTo(c.y, within(1e-7));
    }

    @Test
    void aStreetCodeIsRefinedByAPointInsideItButNotMovedByAPointElsewhere() {
        var c = inside(GRID);
        var refined = (Placed.At) placer.place(new Placement(AreaCode.of("439901002"), GeoPoint.wgs84(c.x, c.y)));
        assertThat(refined.gridCode()).isEqualTo(GRID);
        var elsewhere = (Placed.At) placer.place(new Placement(AreaCode.of("439901005"), GeoPoint.wgs84(c.x, c.y)));
        assertThat(elsewhere.streetCode()).isEqualTo("439901005");
        assertThat(elsewhere.gridCode()).isEmpty();
    }

    @Test
    void aPointOutsideTheRegionCannotBePlacedAndSaysWhy() {
        assertThat(placer.place(Placement.of(new GeoPoint(116.397, 39.909, Crs.GCJ02))))
                .isInstanceOfSatisfying(Placed.Nowhere.class, nowhere -> assertThat(nowhere.reason())
                        .contains("(116.397000, 39.909000) in GCJ-02").contains("outside every area"));
    }

    @Test
    void theCellIsThePointsOrElseTheMiddleOfAKnownGridOrElseNone() {
        var c = inside(GRID);
        assertThat(placer.cell(GRID, c.x, c.y)).isEqualTo(HexCells.cell(c.x, c.y, 9));
        assertThat(placer.cell(GRID, null, null)).isEqualTo(HexCells.cell(c.x, c.y, 9)); // the grid's interior point
        assertThat(placer.cell("439901002", null, null)).isZero();
        assertThat(placer.cell("439901999999999", null, null)).isZero();
        assertThat(placer.cell("", null, null)).isZero();
    }
}
