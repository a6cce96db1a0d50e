package io.gridpulse.warehouse.heat;

import io.gridpulse.model.area.AreaCode;
import io.gridpulse.warehouse.Warehouse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every behaviour of {@link HeatQueries}, run against each kind of connection. */
public abstract class HeatQueriesContract {
    static final Instant T0 = Instant.parse("2026-11-23T01:00:00Z"); // 09:00 in Shanghai
    static final AreaCode COUNTY = AreaCode.of("439901");
    static final AreaCode STREET = AreaCode.of("439901001");
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    protected abstract Warehouse warehouse();

    private HeatQueries heat;

    @BeforeEach
    void emptyTable() {
        warehouse().clickHouse().execute("TRUNCATE TABLE gridpulse.heat_minutes");
        heat = new HeatQueries(warehouse());
    }

    /** The resolution-9 H3 cell at lon = lat = degrees (symmetric, so the argument order of geoToH3 does not matter). */
    long cellAt(double degrees) {
        return ((Number) warehouse().clickHouse().query("SELECT geoToH3(" + degrees + ", " + degrees + ", 9) AS c")
                .getFirst().get("c")).longValue();
    }

    long parentAt7(long cell) {
        return ((Number) warehouse().clickHouse().query("SELECT h3ToParent(" + Long.toUnsignedString(cell) + ", 7) AS p")
                .getFirst().get("p")).longValue();
    }

    static HeatRow row(HeatLayer layer, String subject, Instant bucket, String grid, long cell, long events) {
        return new HeatRow(layer, subject, bucket, grid.substring(0, 6), grid.substring(0, 9), grid.substring(0, 12), grid,
                cell, events);
    }

    @Test
    void aBucketWrittenAgainKeepsItsHighestCountSoAReplayNeverDoubles() {
        var rows = new ArrayList<HeatRow>();
        for (long n = 1; n <= 3; n++) {
            rows.add(row(HeatLayer.DEMAND, "medical_insurance", T0, "439901001001001", 0, n));
        }
        heat.insert(rows);
        heat.insert(rows);              // the replay after a restore
        heat.insert(rows.subList(0, 1)); // and a stale count arriving last

        assertThat(heat.total(COUNTY, T0, T0.plusSeconds(60), HeatLayer.DEMAND, null)).isEqualTo(3);
        assertThat(heat.byChildArea(COUNTY, T0, T0.plusSeconds(60), HeatLayer.DEMAND, null))
                .containsExactly(new AreaHeat("439901001", 3));
    }

    @Test
    void aLateEventRaisesTheBucketItHappenedIn() {
        heat.insert(List.of(row(HeatLayer.VISIT, "routine", T0, "439901001001001", 0, 5)));
        heat.insert(List.of(row(HeatLayer.VISIT, "routine", T0.plusSeconds(7200), "439901001001001", 0, 1)));
        heat.insert(List.of(row(HeatLayer.VISIT, "routine", T0, "439901001001001", 0, 6)));

        assertThat(heat.series(COUNTY, T0, T0.plusSeconds(3 * 3600), HeatLayer.VISIT, null, Granularity.MINUTE, SHANGHAI))
                .containsExactly(new HeatPoint(T0, 6), new HeatPoint(T0.plusSeconds(7200), 1));
    }

    @Test
    void heatByChildAreaCountsOneLayerPerChildInTheRangeMostFirst() {
        heat.insert(List.of(
                row(HeatLayer.DEMAND, "medical_insurance", T0, "439901001001001", 0, 4),
                row(HeatLayer.DEMAND, "employment", T0.plusSeconds(60), "439901001001002", 0, 2),
                row(HeatLayer.DEMAND, "employment", T0, "439901001002001", 0, 7),
                row(HeatLayer.DEMAND, "employment", T0, "439901002001001", 0, 9),
                row(HeatLayer.DEMAND, "employment", T0.minusSeconds(60), "439901001001001", 0, 100),  // before the range
                row(HeatLayer.DEMAND, "employment", T0.plusSeconds(3600), "439901001001001", 0, 100), // at its end
                row(HeatLayer.VISIT, "routine", T0, "439901001001001", 0, 50)));                      // another layer
        var to = T0.plusSeconds(3600);

        assertThat(heat.byChildArea(STREET, T0, to, HeatLayer.DEMAND, null))
                .containsExactly(new AreaHeat("439901001002", 7), new AreaHeat("439901001001", 6));
        assertThat(heat.byChildArea(STREET, T0, to, HeatLayer.DEMAND, "employment"))
                .containsExactly(new AreaHeat("439901001002", 7), new AreaHeat("439901001001", 2));
        assertThat(heat.byChildArea(COUNTY, T0, to, HeatLayer.DEMAND, null))
                .containsExactly(new AreaHeat("439901001", 13), new AreaHeat("439901002", 9));
        assertThat(heat.byChildArea(AreaCode.of("439901001001"), T0, to, HeatLayer.DEMAND, null))
                .containsExactly(new AreaHeat("439901001001001", 4), new AreaHeat("439901001001002", 2));
        assertThat(heat.byChildArea(AreaCode.of("43"), T0, to, HeatLayer.VISIT, null))
                .containsExactly(new AreaHeat("439901", 50));
    }

    @Test
    void heatByCellRollsStoredCellsUpToCoarserResolutionsAndLeavesOutEventsWithoutAPosition() {
        long a = cellAt(30.0);
        long b = ((Number) warehouse().clickHouse().query("SELECT arrayFirst(c -> c != " + Long.toUnsignedString(a)
                + ", h3ToChildren(h3ToParent(" + Long.toUnsignedString(a) + ", 7), 9)) AS b").getFirst().get("b")).longValue();
        long far = cellAt(31.0);
        assertThat(a).isNotEqualTo(b); // another resolution-9 cell in the same resolution-7 one
        heat.insert(List.of(
                row(HeatLayer.ALARM, "sos", T0, "439901001001001", a, 3),
                row(HeatLayer.ALARM, "sos", T0, "439901001001002", b, 2),
                row(HeatLayer.ALARM, "sos", T0, "439901002001001", far, 1),
                row(HeatLayer.ALARM, "sos", T0, "439901002001001", 0, 8)));
        var to = T0.plusSeconds(60);

        assertThat(heat.byCell(COUNTY, T0, to, HeatLayer.ALARM, "sos", 9))
                .containsExactly(new CellHeat(a, 3), new CellHeat(b, 2), new CellHeat(far, 1));
        long parent = parentAt7(a);
        assertThat(parentAt7(b)).isEqualTo(parent);
        assertThat(heat.byCell(COUNTY, T0, to, HeatLayer.ALARM, null, 7)).first().isEqualTo(new CellHeat(parent, 5));
        assertThat(heat.byCell(STREET, T0, to, HeatLayer.ALARM, null, 7)).containsExactly(new CellHeat(parent, 5));
        assertThatThrownBy(() -> heat.byCell(COUNTY, T0, to, HeatLayer.ALARM, null, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("resolution 9");
    }

    @Test
    void seriesRollMinutesUpToQuarterHoursHoursAndShanghaiDays() {
        var late = Instant.parse("2026-11-23T15:59:00Z"); // 23:59 in Shanghai, the same local day as T0
        var nextDay = Instant.parse("2026-11-23T16:00:00Z"); // 00:00 the next local day
        heat.insert(List.of(
                row(HeatLayer.TICKET, "issued", T0, "439901001001001", 0, 1),
                row(HeatLayer.TICKET, "issued", T0.plusSeconds(14 * 60), "439901001001001", 0, 2),
                row(HeatLayer.TICKET, "issued", T0.plusSeconds(15 * 60), "439901001001001", 0, 4),
                row(HeatLayer.TICKET, "issued", T0.plusSeconds(61 * 60), "439901001001001", 0, 8),
                row(HeatLayer.TICKET, "issued", late, "439901001001001", 0, 16),
                row(HeatLayer.TICKET, "issued", nextDay, "439901001001001", 0, 32)));
        var from = T0.minusSeconds(86_400);
        var to = T0.plusSeconds(2 * 86_400);

        assertThat(heat.series(STREET, from, to, HeatLayer.TICKET, null, Granularity.QUARTER_HOUR, SHANGHAI)).startsWith(
                new HeatPoint(T0, 3), new HeatPoint(T0.plusSeconds(15 * 60), 4), new HeatPoint(T0.plusSeconds(60 * 60), 8));
        assertThat(heat.series(STREET, from, to, HeatLayer.TICKET, null, Granularity.HOUR, SHANGHAI)).startsWith(
                new HeatPoint(T0, 7), new HeatPoint(T0.plusSeconds(3600), 8));
        assertThat(heat.series(STREET, from, to, HeatLayer.TICKET, null, Granularity.DAY, SHANGHAI)).containsExactly(
                new HeatPoint(Instant.parse("2026-11-22T16:00:00Z"), 31), new HeatPoint(nextDay, 32));
    }

    @Test
    void anEmptyRangeIsRefusedAndAnEmptyBatchWritesNothing() {
        heat.insert(List.of());
        assertThat(heat.total(COUNTY, T0, T0.plusSeconds(60), HeatLayer.DEMAND, null)).isZero();
        assertThat(heat.byChildArea(COUNTY, T0, T0.plusSeconds(60), HeatLayer.DEMAND, null)).isEmpty();
        assertThatThrownBy(() -> heat.total(COUNTY, T0, T0, HeatLayer.DEMAND, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> row(HeatLayer.DEMAND, "", T0.plusSeconds(1), "439901001001001", 0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("whole minute");
    }
}
