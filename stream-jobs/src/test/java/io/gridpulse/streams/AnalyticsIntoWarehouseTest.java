package io.gridpulse.streams;

import io.gridpulse.geo.hex.HexCells;
import io.gridpulse.geo.region.Region;
import io.gridpulse.model.alerts.Alert;
import io.gridpulse.model.alerts.AlertKind;
import io.gridpulse.model.alerts.AlertStatus;
import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.event.DemandChannel;
import io.gridpulse.model.event.DemandCreated;
import io.gridpulse.model.event.DeviceType;
import io.gridpulse.model.event.Event;
import io.gridpulse.model.event.Rating;
import io.gridpulse.model.event.Telemetry;
import io.gridpulse.streams.sink.WarehouseSink;
import io.gridpulse.warehouse.AreaCount;
import io.gridpulse.warehouse.EventRow;
import io.gridpulse.warehouse.Warehouse;
import io.gridpulse.warehouse.WarehouseConfig;
import io.gridpulse.warehouse.counts.EventHours;
import io.gridpulse.warehouse.heat.AreaHeat;
import io.gridpulse.warehouse.heat.CellHeat;
import io.gridpulse.warehouse.heat.Granularity;
import io.gridpulse.warehouse.heat.HeatLayer;
import io.gridpulse.warehouse.heat.HeatPoint;
import io.gridpulse.warehouse.heat.HeatQueries;
import io.gridpulse.warehouse.satisfaction.SatisfactionIndex;
import io.gridpulse.warehouse.satisfaction.SatisfactionQueries;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static io.gridpulse.streams.TestEvents.envelope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * The heat, satisfaction and device-health pipelines in a Flink MiniCluster writing into embedded
 * ClickHouse (chDB), checked with the named queries against values computed by hand; then the same
 * history is run again, as a replay after a lost checkpoint would, and no number moves.
 */
class AnalyticsIntoWarehouseTest {
    static final String GRID_A = "439901002003004";
    static final String GRID_B = "439901001001001";
    static final Instant NINE_THIRTY = Instant.parse("2026-11-23T01:30:00Z"); // 09:30 in Shanghai

    @TempDir
    static Path dir;
    static WarehouseConfig config;
    static Warehouse warehouse;

    @BeforeAll
    static void runTheJobTwice() throws Exception {
        config = WarehouseConfig.embedded(dir.resolve("warehouse"));
        warehouse = Warehouse.open(config);
        run(history());
        run(history()); // a replay of the same events from the start
    }

    @AfterAll
    static void close() {
        warehouse.close();
    }

    static List<EventRow> history() {
        var events = new ArrayList<Event>();
        for (int i = 0; i < 3; i++) {
            events.add(demand("evt-d000" + i, NINE_THIRTY.plusSeconds(10 + i), GRID_A));
        }
        events.add(demand("evt-d0003", NINE_THIRTY.plusSeconds(70), GRID_A));
        events.add(demand("evt-d0004", NINE_THIRTY.plusSeconds(80), GRID_A));
        events.add(demand("evt-d0005", NINE_THIRTY.plusSeconds(20), GRID_B));
        events.add(rating("evt-r0001", Rating.stars(5), GRID_A));
        events.add(rating("evt-r0002", Rating.bad(), GRID_A));
        events.add(rating("evt-r0003", Rating.good(), GRID_B));
        events.add(new Telemetry(envelope("evt-t0001", NINE_THIRTY.plusSeconds(30), GRID_A), "w-1", DeviceType.WRISTBAND,
                88, 70.0, true, null, null, null, null));
        events.add(new Telemetry(envelope("evt-t0002", NINE_THIRTY.plusSeconds(40), GRID_B), "k-1", DeviceType.KIOSK,
                null, 15.0, false, null, null, null, null));
        return events.stream().map(TestEvents::row).toList();
    }

    static DemandCreated demand(String id, Instant at, String grid) {
        return new DemandCreated(envelope(id, at, grid), "case-" + id, DemandChannel.values()[0], "medical_insurance", null,
                null, null);
    }

    static Event rating(String id, Rating rating, String grid) {
        var f = TestEvents.feedback(id, rating);
        return new io.gridpulse.model.event.Feedback(envelope(id, NINE_THIRTY, grid), f.rating(), f.dimensions(), f.channel(),
                f.target(), null);
    }

    static void run(List<EventRow> rows) throws Exception {
        var env = StreamExecutionEnvironment.createLocalEnvironment(1);
        var jobConfig = StreamJobsConfig.of("127.0.0.1:9", "gp.events", config);
        var events = env.fromData(rows);
        HeatPipeline.define(events, jobConfig);
        EventHoursPipeline.define(events, jobConfig);
        SatisfactionPipeline.define(events, jobConfig);
        DevicePipeline.define(events, jobConfig)
                .sinkTo(new WarehouseSink<Alert>(config, (w, alerts) -> w.alerts().insert(alerts), 100, Duration.ofMillis(100)));
        env.execute("analytics-into-warehouse");
    }

    @Test
    void demandHeatPerChildAreaPerMinuteAndPerCellIsWhatWasSentOnce() {
        var heat = new HeatQueries(warehouse);
        var from = NINE_THIRTY.minusSeconds(3600);
        var to = NINE_THIRTY.plusSeconds(3600);
        assertThat(heat.byChildArea(AreaCode.of("439901"), from, to, HeatLayer.DEMAND, "medical_insurance"))
                .containsExactly(new AreaHeat("439901002", 5), new AreaHeat("439901001", 1));
        assertThat(heat.series(AreaCode.of("439901002"), from, to, HeatLayer.DEMAND, null, Granularity.MINUTE,
                ZoneId.of("Asia/Shanghai"))).containsExactly(new HeatPoint(NINE_THIRTY, 3), new HeatPoint(NINE_THIRTY.plusSeconds(60), 2));
        var middleA = Region.demo().geometry(AreaCode.of(GRID_A)).orElseThrow().getInteriorPoint().getCoordinate();
        assertThat(heat.byCell(AreaCode.of("439901002"), from, to, HeatLayer.DEMAND, null, 9))
                .containsExactly(new CellHeat(HexCells.cell(middleA.x, middleA.y, 9), 5));
        assertThat(heat.total(AreaCode.of("439901"), from, to, HeatLayer.RATING, "bad")).isEqualTo(1);
        assertThat(heat.total(AreaCode.of("439901"), from, to, HeatLayer.ALARM, "sos")).isEqualTo(1);
    }

    @Test
    void eventHoursCountEachEventOnceAcrossTheReplayAndAgreeWithARecount() {
        var hours = new EventHours(warehouse);
        var nine = NINE_THIRTY.minusSeconds(1800);
        // street 002: 5 demands, 2 ratings, a wristband's report; street 001: a demand, a rating, a kiosk's report
        assertThat(hours.countsByChild(AreaCode.of("439901"), nine))
                .containsExactly(new AreaCount("439901002", 8), new AreaCount("439901001", 3));
        assertThat(hours.count(AreaCode.of("439901002"), nine, "demand.created")).isEqualTo(5);
        assertThat(hours.count(AreaCode.of("439901"), nine.plusSeconds(3600), null)).as("nothing after 10:00").isZero();
        // the same events in the events table, recounted from there (as the migration fills older hours)
        warehouse.events().insert(history());
        hours.recount(nine, nine.plusSeconds(3600));
        assertThat(hours.countsByChild(AreaCode.of("439901"), nine))
                .containsExactly(new AreaCount("439901002", 8), new AreaCount("439901001", 3));
    }

    @Test
    void satisfactionIndicesAreShrunkTowardTheCountyMean() {
        // county: 3 ratings, mean (1 + 0 + 1) / 3; street 002: n 2, mean 0.5; street 001: n 1, mean 1
        var indices = new SatisfactionQueries(warehouse).byChildArea(AreaCode.of("439901"),
                NINE_THIRTY.minusSeconds(86_400), NINE_THIRTY.plusSeconds(86_400), 20);
        assertThat(indices).extracting(SatisfactionIndex::areaCode, SatisfactionIndex::dimension, SatisfactionIndex::n)
                .containsExactly(tuple("439901001", "overall", 1L), tuple("439901002", "overall", 2L));
        assertThat(indices.get(0).index()).isCloseTo(100 * (1 + 20 * 2.0 / 3) / 21, within(1e-9));
        assertThat(indices.get(1).index()).isCloseTo(100 * (2 * 0.5 + 20 * 2.0 / 3) / 22, within(1e-9));
    }

    @Test
    void deviceAlertsAreRaisedOnceWithStableIdsAcrossTheReplay() {
        assertThat(warehouse.alerts().recent(100)).extracting(Alert::alertId, Alert::kind, Alert::status)
                .containsExactlyInAnyOrder(
                        tuple("device:w-1:sos:" + NINE_THIRTY.plusSeconds(30).toEpochMilli(), AlertKind.DEVICE_SOS,
                                AlertStatus.OPEN),
                        tuple("device:k-1:low_battery:" + NINE_THIRTY.plusSeconds(40).toEpochMilli(),
                                AlertKind.DEVICE_LOW_BATTERY, AlertStatus.OPEN),
                        // the input ends, time runs to its end, and both devices have been silent for too long
                        tuple("device:w-1:offline:" + NINE_THIRTY.plusSeconds(30).toEpochMilli(),
                                AlertKind.DEVICE_OFFLINE, AlertStatus.OPEN),
                        tuple("device:k-1:offline:" + NINE_THIRTY.plusSeconds(40).toEpochMilli(),
                                AlertKind.DEVICE_OFFLINE, AlertStatus.OPEN));
    }
}
