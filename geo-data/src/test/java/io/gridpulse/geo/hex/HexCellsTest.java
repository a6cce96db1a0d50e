package io.gridpulse.geo.hex;

import io.gridpulse.geo.region.Region;
import io.gridpulse.model.area.AreaCode;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.GeometryFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HexCellsTest {

    private static final GeometryFactory F = new GeometryFactory();

    @Test
    void aPointLiesInsideTheCellItIsGivenAtEveryMapResolution() {
        for (int res : new int[] {HexCells.COUNTY, HexCells.STREET, HexCells.COMMUNITY}) {
            long cell = HexCells.cell(113.5, 27.65, res);
            assertThat(HexCells.resolution(cell)).isEqualTo(res);
            assertThat(HexCells.boundary(cell).covers(F.createPoint(new org.locationtech.jts.geom.Coordinate(113.5, 27.65)))).isTrue();
        }
    }

    @Test
    void aCommunityCellSitsInsideItsStreetAndCountyParents() {
        long fine = HexCells.cell(113.5, 27.65, HexCells.COMMUNITY);
        assertThat(HexCells.parent(fine, HexCells.STREET)).isEqualTo(HexCells.cell(113.5, 27.65, HexCells.STREET));
        assertThat(HexCells.parent(fine, HexCells.COUNTY)).isEqualTo(HexCells.cell(113.5, 27.65, HexCells.COUNTY));
    }

    @Test
    void addressesRoundTripAndNonsenseIsRefused() {
        long cell = HexCells.cell(113.5, 27.65, HexCells.STREET);
        assertThat(HexCells.address(cell)).isEqualTo("88418d6643fffff");
        assertThat(HexCells.parse("88418d6643fffff")).isEqualTo(cell);
        assertThatThrownBy(() -> HexCells.parse("zz")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("zz");
        assertThatThrownBy(() -> HexCells.cell(113.5, 27.65, 16)).hasMessageContaining("0..15");
    }

    @Test
    void coveringAStreetGivesCellsCentredInsideIt() {
        var street = Region.demo().geometry(AreaCode.of("439901001")).orElseThrow();
        var cells = HexCells.cover(street, HexCells.COMMUNITY);
        assertThat(cells).hasSizeGreaterThan(20);
        assertThat(cells).allSatisfy(c -> assertThat(street.covers(F.createPoint(HexCells.centre(c)))).isTrue());
    }
}
