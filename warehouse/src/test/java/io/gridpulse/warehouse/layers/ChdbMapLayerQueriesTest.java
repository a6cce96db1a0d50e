package io.gridpulse.warehouse.layers;

import io.gridpulse.model.alerts.Alert;
import io.gridpulse.model.alerts.AlertKind;
import io.gridpulse.model.alerts.AlertStatus;
import io.gridpulse.model.alerts.Severity;
import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.area.AreaLineage;
import io.gridpulse.warehouse.EventRow;
import io.gridpulse.warehouse.TestChdb;
import io.gridpulse.warehouse.Warehouse;
import io.gridpulse.warehouse.heat.CellHeat;
import io.gridpulse.warehouse.heat.HeatLayer;
import io.gridpulse.warehouse.heat.HeatQueries;
import io.gridpulse.warehouse.heat.HeatRow;
import io.gridpulse.warehouse.registry.HouseholdRegistry;
import io.gridpulse.warehouse.registry.HouseholdRow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The map explorer's layers over embedded ClickHouse (chDB), each with data inside and outside the area asked about. */
class ChdbMapLayerQueriesTest {
    static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");
    static final AreaCode STREET = AreaCode.of("439901001");
    static final String GRID = "439901001001001";
    static final String GRID_2 = "439901001002001";
    static final String OTHER_STREET_GRID = "439901002001001";
    private static Warehouse warehouse;
    private MapLayerQueries layers;

    @BeforeAll
    static void open() {
        warehouse = Warehouse.open(TestChdb.config());
    }

    @AfterAll
    static void close() {
        // the data directory is shared with the module's other test classes: leave no million rows behind
        truncate();
        warehouse.close();
    }

    @BeforeEach
    void emptyTables() {
        truncate();
        layers = new MapLayerQueries(warehouse);
    }

    private static void truncate() {
        for (var table : List.of("events", "alerts", "heat_minutes", "households")) {
            warehouse.clickHouse().execute("TRUNCATE TABLE gridpulse." + table);
        }
    }

    @Test
    void demandHeatSumsTheRollupPerCellInsideTheAreaAndTimeRangeHottestFirst() {
        long a = cellAt(27.60, 113.50);
        long b = cellAt(27.62, 113.52);
        long elsewhere = cellAt(27.70, 113.60);
        new HeatQueries(warehouse).insert(List.of(
                heat("medical_insurance", NOW.minusSeconds(600), GRID, a, 3),
                heat("medical_insurance", NOW.minusSeconds(540), GRID, a, 2),
                heat("elderly_care", NOW.minusSeconds(600), GRID_2, b, 4),
                heat("elderly_care", NOW.minus(Duration.ofDays(2)), GRID_2, b, 50),       // before the range
                heat("medical_insurance", NOW.minusSeconds(600), OTHER_STREET_GRID, elsewhere, 99), // another street
                heat("medical_insurance", NOW.minusSeconds(600), GRID, 0, 7)));           // no position: no cell

        var from = NOW.minus(Duration.ofHours(1));
        assertThat(layers.demandHeat(STREET, from, NOW, null, 9, 100))
                .containsExactly(new CellHeat(a, 5), new CellHeat(b, 4));
        assertThat(layers.demandHeat(STREET, from, NOW, "elderly_care", 9, 100)).containsExactly(new CellHeat(b, 4));
        assertThat(layers.demandHeat(STREET, from, NOW, null, 9, 1)).as("limited to the hottest").hasSize(1);
        assertThat(layers.demandHeat(STREET, from, NOW, null, 5, 100)).as("coarser cells merge")
                .containsExactly(new CellHeat(parent(a, 5), 9));
        assertThat(layers.demandHeat(STREET, NOW.minus(Duration.ofDays(3)), NOW, "elderly_care", 9, 100))
                .containsExactly(new CellHeat(b, 54));
        assertThatThrownBy(() -> layers.demandHeat(STREET, from, NOW, null, 10, 100)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void demandTypesListTheTypesFiledInTheAreaMostFirst() {
        new HeatQueries(warehouse).insert(List.of(
                heat("medical_insurance", NOW.minusSeconds(600), GRID, 0, 3),
                heat("elderly_care", NOW.minusSeconds(600), GRID_2, 0, 4),
                heat("dispute_mediation", NOW.minusSeconds(600), OTHER_STREET_GRID, 0, 9)));

        assertThat(layers.demandTypes(STREET, NOW.minus(Duration.ofHours(1)), NOW))
                .containsExactly(new DemandTypeCount("elderly_care", 4), new DemandTypeCount("medical_insurance", 3));
    }

    @Test
    void openSlaAlertsAreTheAreasOpenWarningsBreachesAndEscalationsNewestFirst() {
        var cleared = alert("a-cleared", AlertKind.SLA_BREACH, GRID, NOW.minusSeconds(900));
        warehouse.alerts().insert(List.of(
                alert("a-breach", AlertKind.SLA_BREACH, GRID, NOW.minusSeconds(300)),
                alert("a-warning", AlertKind.SLA_WARNING, GRID_2, NOW.minusSeconds(3600)),
                cleared, cleared.cleared(NOW.minusSeconds(60)),
                alert("a-sos", AlertKind.DEVICE_SOS, GRID, NOW.minusSeconds(100)),
                alert("a-other", AlertKind.SLA_BREACH, OTHER_STREET_GRID, NOW.minusSeconds(200))));

        var markers = layers.openSlaAlerts(STREET, 100);
        assertThat(markers).extracting(AlertMarker::alertId).containsExactly("a-breach", "a-warning");
        assertThat(markers.getFirst().caseId()).isEqualTo("case-a-breach");
        assertThat(markers.getFirst().finestArea()).isEqualTo(GRID);
        assertThat(markers.getFirst().raisedAt()).isEqualTo(NOW.minusSeconds(300));
        assertThat(markers.getFirst().overdue()).isTrue();
        assertThat(markers.get(1).overdue()).isFalse();
        assertThat(layers.openSlaAlerts(STREET, 1)).extracting(AlertMarker::alertId).containsExactly("a-breach");
        assertThat(layers.openAlerts(STREET, List.of(AlertKind.DEVICE_SOS, AlertKind.SLA_BREACH),
                100)).extracting(AlertMarker::alertId)
                .containsExactly("a-sos", "a-breach");
    }

    @Test
    void devicesCarryTheirLatestPositionAndTheirMostUrgentStateFirst() {
        warehouse.events().insert(List.of(
                telemetry("d-online", GRID, NOW.minusSeconds(1200), "online", 80.0, 113.51, 27.61),
                telemetry("d-online", GRID, NOW.minusSeconds(120), "online", 79.0, 113.52, 27.62),
                telemetry("d-silent", GRID, NOW.minusSeconds(1800), "online", 90.0, null, null),
                telemetry("d-sos", GRID_2, NOW.minusSeconds(60), "online", 60.0, 113.53, 27.63),
                telemetry("d-low", GRID_2, NOW.minusSeconds(60), "online", 12.0, 113.54, 27.64),
                telemetry("d-fault", GRID_2, NOW.minusSeconds(60), "fault", null, null, null),
                telemetry("d-old", GRID, NOW.minus(Duration.ofDays(2)), "online", 50.0, null, null),
                telemetry("d-other", OTHER_STREET_GRID, NOW.minusSeconds(60), "online", 90.0, 113.60, 27.70)));
        warehouse.alerts().insert(List.of(new Alert("sos-1", AlertKind.DEVICE_SOS, Severity.CRITICAL, AlertStatus.OPEN,
                "d-sos", "device.sos", 0, null, NOW.minusSeconds(50), null, new AreaLineage(GRID_2, GRID_2.substring(0,
                12), GRID_2.substring(0, 9), GRID_2.substring(0, 6)), "SOS", 1)));

        var devices = layers.devices(STREET, NOW, 100);
        assertThat(devices).extracting(DeviceMarker::deviceId)
                .containsExactly("d-sos", "d-fault", "d-silent", "d-low", "d-online");
        assertThat(devices).extracting(DeviceMarker::state).containsExactly(DeviceState.SOS, DeviceState.OFFLINE,
                DeviceState.OFFLINE, DeviceState.LOW_BATTERY, DeviceState.ONLINE);
        var online = devices.getLast();
        assertThat(online.lon()).isEqualTo(113.52);
        assertThat(online.lat()).isEqualTo(27.62);
        assertThat(online.batteryPercent()).isEqualTo(79.0);
        assertThat(online.deviceType()).isEqualTo("wristband");
        assertThat(online.lastSeen()).isEqualTo(NOW.minusSeconds(120));
        assertThat(online.gridCode()).isEqualTo(GRID);
        assertThat(devices.get(2).lon()).as("never sent a position").isNull();
        assertThat(layers.devices(STREET, NOW, 2)).extracting(DeviceMarker::deviceId).containsExactly("d-sos", "d-fault");
    }

    @Test
    void visitCoverageCountsThisPeriodsVisitedHouseholdsPerChildArea() {
        new HouseholdRegistry(warehouse).replace(List.of(
                new HouseholdRow("h1", AreaCode.of(GRID), 3, 0, List.of()),
                new HouseholdRow("h2", AreaCode.of(GRID), 1, 1, List.of("elderly_alone")),
                new HouseholdRow("h3", AreaCode.of(GRID_2), 2, 0, List.of()),
                new HouseholdRow("h4", AreaCode.of(OTHER_STREET_GRID), 2, 0, List.of())), 1);
        var monthStart = Instant.parse("2026-10-31T16:00:00Z");
        warehouse.events().insert(List.of(
                visit("h1", GRID, NOW.minus(Duration.ofDays(3))),
                visit("h1", GRID, NOW.minus(Duration.ofDays(2))),     // twice: one household
                visit("h2", GRID, monthStart.minusSeconds(60)),         // last month
                visit("h4", OTHER_STREET_GRID, NOW.minusSeconds(60)))); // another street

        assertThat(layers.visitCoverageByChild(STREET, monthStart, NOW)).containsExactly(
                new AreaCoverage("439901001001", 2, 1), new AreaCoverage("439901001002", 1, 0));
        assertThat(layers.visitCoverageByChild(AreaCode.of(GRID), monthStart, NOW))
                .containsExactly(new AreaCoverage(GRID, 2, 1));
        assertThat(new AreaCoverage("x", 4, 1).percent()).isEqualTo(25.0);
        assertThat(new AreaCoverage("x", 0, 0).percent()).isZero();
    }

    @Test
    void theDeviceAndHeatLayersStayFastOverAMillionTelemetryRowsAndAMillionHeatBuckets() {
        // a day of 3,000 devices reporting every 90 s in one street, and a month of demand heat in the county
        warehouse.clickHouse().execute("INSERT INTO gridpulse.events (event_id, kind, occurred_at, ingested_at, source,"
                + " grid_code, community_code, street_code, county_code, lon, lat, payload)"
                + " SELECT toString(number), 'telemetry', toDateTime64(" + (NOW.getEpochSecond() - 86_000) + " + intDiv(number, 3000) * 90, 3, 'UTC'),"
                + " now64(3), 'bench', '" + GRID + "', '" + GRID.substring(0, 12) + "', '" + GRID.substring(0, 9) + "', '439901',"
                + " 113.5 + (number % 3000) / 100000, 27.6, concat('{\"deviceId\":\"dev-', toString(number % 3000),"
                + " '\",\"deviceType\":\"wristband\",\"status\":\"online\",\"batteryPercent\":', toString(number % 100), '}')"
                + " FROM numbers(1000000)");
        warehouse.clickHouse().execute("INSERT INTO gridpulse.heat_minutes (layer, subject, bucket, county_code, street_code,"
                + " community_code, grid_code, h3_cell, events)"
                + " SELECT 'demand', ['medical_insurance', 'elderly_care', 'employment_guidance'][number % 3 + 1],"
                + " toDateTime(" + (NOW.getEpochSecond() - 30 * 86_400) + " + intDiv(number, 400) * 60, 'UTC'),"
                + " '439901', concat('439901', leftPad(toString(number % 15 + 1), 3, '0')), '', '',"
                + " geoToH3(113.3 + (number % 400) / 1000, 27.5 + (number % 37) / 300, 9), 1 + number % 5"
                + " FROM numbers(1000000)");
        var county = AreaCode.of("439901");

        long started = System.nanoTime();
        var devices = layers.devices(STREET, NOW, 2_000);
        long devicesMs = (System.nanoTime() - started) / 1_000_000;
        started = System.nanoTime();
        var heat = layers.demandHeat(county, NOW.minus(Duration.ofDays(30)), NOW, null, 7, 2_000);
        long heatMs = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("devices layer over 1,000,000 telemetry rows: %d ms; county heat over 1,000,000 buckets: %d ms%n",
                devicesMs, heatMs);

        assertThat(devices).hasSize(2_000);
        assertThat(heat).isNotEmpty().hasSizeLessThanOrEqualTo(2_000);
        assertThat(devicesMs).as("devices layer, ms").isLessThan(5_000);
        assertThat(heatMs).as("heat layer, ms").isLessThan(5_000);
    }

    // ---- helpers

    private static long cellAt(double lat, double lon) {
        return ((Number) warehouse.clickHouse().query("SELECT geoToH3(" + lon + ", " + lat + ", 9) AS c")
                .getFirst().get("c")).longValue();
    }

    private static long parent(long cell, int resolution) {
        return ((Number) warehouse.clickHouse().query("SELECT h3ToParent(" + Long.toUnsignedString(cell) + ", " + resolution
                + ") AS p").getFirst().get("p")).longValue();
    }

    private static HeatRow heat(String type, Instant at, String grid, long cell, long events) {
        var minute = Instant.ofEpochSecond(at.getEpochSecond() / 60 * 60);
        return new HeatRow(HeatLayer.DEMAND, type, minute, grid.substring(0, 6), grid.substring(0, 9), grid.substring(0, 12),
                grid, cell, events);
    }

    private static Alert alert(String id, AlertKind kind, String grid, Instant raised) {
        return new Alert(id, kind, Severity.MAJOR, AlertStatus.OPEN, "case-" + id, "resolve_now.first_response", 0,
                raised, raised, null, new AreaLineage(grid, grid.substring(0, 12), grid.substring(0, 9),
                grid.substring(0, 6)), "", 1);
    }

    private static EventRow telemetry(String device, String grid, Instant at, String status, Double battery, Double lon,
                                      Double lat) {
        var payload = "{\"deviceId\":\"" + device + "\",\"deviceType\":\"wristband\",\"sos\":false,\"status\":\"" + status + "\""
                + (battery == null ? "" : ",\"batteryPercent\":" + battery) + "}";
        return new EventRow(UUID.randomUUID().toString(), "telemetry", at, at, "test", grid, grid.substring(0, 12),
                grid.substring(0, 9), grid.substring(0, 6), lon, lat, payload);
    }

    private static EventRow visit(String household, String grid, Instant at) {
        return new EventRow(UUID.randomUUID().toString(), "visit", at, at, "test", grid, grid.substring(0, 12),
                grid.substring(0, 9), grid.substring(0, 6), null, null,
                "{\"householdId\":\"" + household + "\",\"visitType\":\"routine\"}");
    }
}
