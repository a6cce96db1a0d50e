package io.gridpulse.geo.crs;

import io.gridpulse.model.event.Crs;
import io.gridpulse.model.event.GeoPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CoordinatesTest {

    // WGS84 -> GCJ-02 pairs published with eviltransform's tests (lat, lon order there)
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "Shanghai, 121.5272106, 31.1774276, 121.531541859215, 31.17530398364597",
            "Shenzhen, 113.912316, 22.543847, 113.9171764808363, 22.540796131694766",
            "Beijing, 116.377817, 39.911954, 116.38404722455657, 39.91334545536069"})
    void knownPairsConvertBothWays(String city, double wLon, double wLat, double gLon, double gLat) {
        var gcj = Coordinates.wgs84ToGcj02(wLon, wLat);
        assertThat(gcj.lon()).isCloseTo(gLon, within(1e-9));
        assertThat(gcj.lat()).isCloseTo(gLat, within(1e-9));
        var back = Coordinates.gcj02ToWgs84(gLon, gLat);
        assertThat(Coordinates.distanceMetres(back.lon(), back.lat(), wLon, wLat)).isLessThan(0.01);
        assertThat(back.crs()).isEqualTo(Crs.WGS84);
    }

    @Test
    void gcj02RoundTripsWithinOneMetreAcrossChina() {
        var rnd = new SplittableRandom(1);
        for (int i = 0; i < 2_000; i++) {
            double lon = 73 + rnd.nextDouble() * 62;
            double lat = 18 + rnd.nextDouble() * 35;
            var gcj = Coordinates.wgs84ToGcj02(lon, lat);
            assertThat(Coordinates.distanceMetres(lon, lat, gcj.lon(), gcj.lat())).as("the offset is real").isGreaterThan(10);
            var back = Coordinates.toWgs84(gcj);
            assertThat(Coordinates.distanceMetres(back.lon(), back.lat(), lon, lat)).isLessThan(1.0);
        }
    }

    @Test
    void bd09RoundTripsWithinOneMetre() {
        double lon = 113.4962;
        double lat = 27.6461;
        var gcj = Coordinates.wgs84ToGcj02(lon, lat);
        var bd = Coordinates.gcj02ToBd09(gcj.lon(), gcj.lat());
        assertThat(bd.crs()).isEqualTo(Crs.BD09);
        assertThat(Coordinates.distanceMetres(lon, lat, bd.lon(), bd.lat())).as("BD-09 lies far off WGS84").isGreaterThan(500);
        var back = Coordinates.toWgs84(bd);
        assertThat(Coordinates.distanceMetres(back.lon(), back.lat(), lon, lat)).isLessThan(1.0);
    }

    @Test
    void gcj02ToBd09MatchesAPublishedValue() {
        // gcoord's test: GCJ-02 (123, 45) is BD-09 (123.00636499, 45.00636899)
        var bd = Coordinates.gcj02ToBd09(123, 45);
        assertThat(bd.lon()).isCloseTo(123.00636499, within(1e-8));
        assertThat(bd.lat()).isCloseTo(45.00636899, within(1e-8));
    }

    @Test
    void pointsOutsideChinaAreLeftAlone() {
        assertThat(Coordinates.gcj02ToWgs84(2.3522, 48.8566)).isEqualTo(GeoPoint.wgs84(2.3522, 48.8566));
        assertThat(Coordinates.wgs84ToGcj02(-74.006, 40.7128).lon()).isEqualTo(-74.006);
        assertThat(Coordinates.toWgs84(new GeoPoint(183 - 360, 45, Crs.GCJ02))).isEqualTo(GeoPoint.wgs84(-177, 45));
    }

    @Test
    void cgcs2000AndWgs84PointsKeepTheirNumbers() {
        assertThat(Coordinates.toWgs84(new GeoPoint(113.5, 27.65, Crs.CGCS2000))).isEqualTo(GeoPoint.wgs84(113.5, 27.65));
        var wgs = GeoPoint.wgs84(113.5, 27.65);
        assertThat(Coordinates.toWgs84(wgs)).isSameAs(wgs);
    }
}
