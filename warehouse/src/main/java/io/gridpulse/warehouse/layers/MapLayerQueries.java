package io.gridpulse.warehouse.layers;

import io.gridpulse.model.alerts.AlertKind;
import io.gridpulse.model.alerts.AlertStatus;
import io.gridpulse.model.alerts.Severity;
import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.area.AreaLineage;
import io.gridpulse.warehouse.ClickHouse;
import io.gridpulse.warehouse.Warehouse;
import io.gridpulse.warehouse.area.AreaSql;
import io.gridpulse.warehouse.heat.CellHeat;
import io.gridpulse.warehouse.heat.HeatLayer;
import io.gridpulse.warehouse.heat.HeatQueries;
import io.gridpulse.warehouse.sql.Row;
import io.gridpulse.warehouse.sql.Sql;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The map explorer's layers inside one area: demand heat per H3 cell (from the {@code heat_minutes}
 * rollup, never the raw events), open SLA alerts as markers, devices with their state, and visit
 * coverage per child area. Every read is aggregated in ClickHouse and capped by a {@code limit}, so a
 * county with millions of events still answers with a few thousand rows at most.
 */
public final class MapLayerQueries {
    /** A device counts as online when its last report, saying online, is this recent (as the device-online indicator). */
    public static final Duration ONLINE_WITHIN = Duration.ofMinutes(15);
    /** Below this battery level a device is shown as low on battery (the device job's default). */
    public static final double LOW_BATTERY_PERCENT = 20;
    /** Devices are looked for among the reports of this long before the moment asked about. */
    public static final Duration DEVICE_LOOKBACK = Duration.ofDays(1);
    /** The columns {@link #marker} reads, from {@code gridpulse.alerts}. */
    public static final String MARKER_COLUMNS = "alert_id, kind, severity, case_id, grid_code, community_code, street_code,"
            + " county_code, toUnixTimestamp64Milli(raised_at) AS raised_ms, policy_id";
    private static final List<AlertKind> SLA_KINDS = List.of(AlertKind.SLA_WARNING, AlertKind.SLA_BREACH,
            AlertKind.SLA_ESCALATION);

    private final ClickHouse clickHouse;

    public MapLayerQueries(Warehouse warehouse) {
        this.clickHouse = warehouse.clickHouse();
    }

    /**
     * Demands filed in the area during {@code [from, to)} per H3 cell of the resolution (0 to 9), of one
     * demand type or of all when {@code demandType} is null; the {@code limit} hottest cells, most first.
     */
    public List<CellHeat> demandHeat(AreaCode area, Instant from, Instant to, String demandType, int resolution, int limit) {
        if (resolution < 0 || resolution > HeatQueries.STORED_RESOLUTION) {
            throw new IllegalArgumentException("heat cells are stored at H3 resolution " + HeatQueries.STORED_RESOLUTION
                    + "; ask for 0 to " + HeatQueries.STORED_RESOLUTION + ", not " + resolution);
        }
        var cell = resolution == HeatQueries.STORED_RESOLUTION ? Sql.of("h3_cell")
                : Sql.of("h3ToParent(h3_cell, :resolution)").bind("resolution", resolution);
        var demands = demandsWithin(area, from, to);
        var where = demandType == null ? demands
                : Sql.all(List.of(demands, Sql.of("subject = :demandType").bind("demandType", demandType)));
        return clickHouse.query(Sql.of("SELECT :cell AS cell, sum(events) AS n FROM gridpulse.heat_minutes FINAL"
                        + " WHERE :where AND h3_cell != 0 GROUP BY cell ORDER BY n DESC, cell LIMIT :limit")
                        .bindCondition("cell", cell).bindCondition("where", where).bind("limit", positive(limit)),
                row -> new CellHeat(row.longValue("cell"), row.longValue("n")));
    }

    /** The demand types filed in the area during {@code [from, to)}, most first (ties by name), for the type filter. */
    public List<DemandTypeCount> demandTypes(AreaCode area, Instant from, Instant to) {
        return clickHouse.query(Sql.of("SELECT subject, sum(events) AS n FROM gridpulse.heat_minutes FINAL"
                        + " WHERE :where AND subject != '' GROUP BY subject ORDER BY n DESC, subject LIMIT 100")
                        .bindCondition("where", demandsWithin(area, from, to)),
                row -> new DemandTypeCount(row.text("subject"), row.longValue("n")));
    }

    /** Open SLA warnings, breaches and escalations in the area, newest first, at most {@code limit}. */
    public List<AlertMarker> openSlaAlerts(AreaCode area, int limit) {
        return openAlerts(area, SLA_KINDS, limit);
    }

    /** Open alerts of the given kinds (for a device alert the case is the device) in the area, newest first,
            at most {@code limit}. */
    public List<AlertMarker> openAlerts(AreaCode area, List<AlertKind> kinds, int limit) {
        if (kinds.isEmpty()) {
            return List.of();
        }
        return clickHouse.query(Sql.of("SELECT " + MARKER_COLUMNS + " FROM gridpulse.alerts FINAL"
                        + " WHERE :area AND status = :status AND kind IN :kinds ORDER BY raised_at DESC, alert_id LIMIT :limit")
                        .bindCondition("area", AreaSql.in(area)).bind("status", AlertStatus.OPEN.wireName())
                        .bindStrings("kinds", kinds.stream().map(AlertKind::wireName).toList()).bind("limit", positive(limit)),
                MapLayerQueries::marker);
    }

    /** A marker from a row of {@link #MARKER_COLUMNS}. */
    public static AlertMarker marker(Row row) {
        return new AlertMarker(row.text("alert_id"), AlertKind.of(row.text("kind")), Severity.of(row.text("severity")),
                row.text("case_id"), new AreaLineage(row.text("grid_code"), row.text("community_code"),
                        row.text("street_code"), row.text("county_code")),
                row.instantFromMillis("raised_ms"), row.text("policy_id"));
    }

    /**
     * Devices that reported in the area during the {@link #DEVICE_LOOKBACK} before {@code asOf}, with their
     * state: {@link DeviceState#SOS} with an open SOS alert; {@link DeviceState#OFFLINE} with an open offline
     * alert, a last report older than {@link #ONLINE_WITHIN} or saying offline or fault;
     * {@link DeviceState#LOW_BATTERY} with an open low-battery alert or a last battery level below
     * {@link #LOW_BATTERY_PERCENT}; otherwise online. The most urgent first, at most {@code limit}.
     */
    public List<DeviceMarker> devices(AreaCode area, Instant asOf, int limit) {
        var sql = Sql.of("SELECT t.device AS device, t.type AS type, t.lon AS lon, t.lat AS lat, t.grid AS grid,"
                + " toUnixTimestamp64Milli(t.last) AS last_ms, t.battery AS battery,"
                + " multiIf(a.sos > 0, 'sos',"
                + " a.offline > 0 OR t.last < :onlineSince OR t.status IN ('offline', 'fault'), 'offline',"
                + " a.low > 0 OR ifNull(t.battery < :lowBattery, false), 'low_battery', 'online') AS state"
                // the device columns were extracted from each report's JSON when it was stored (V013)
                + " FROM (SELECT device_id AS device, argMax(device_type, occurred_at) AS type,"
                + " argMax(lon, occurred_at) AS lon, argMax(lat, occurred_at) AS lat,"
                + " argMax(grid_code, occurred_at) AS grid, max(occurred_at) AS last,"
                + " argMax(device_status, occurred_at) AS status,"
                + " argMaxIf(battery_percent, occurred_at, isNotNull(battery_percent)) AS battery"
                + " FROM gridpulse.events WHERE :area AND kind = 'telemetry'"
                + " AND occurred_at >= :reportedSince AND occurred_at < :asOf GROUP BY device) AS t"
                + " LEFT JOIN (SELECT case_id AS device, countIf(kind = 'device_sos') AS sos,"
                + " countIf(kind = 'device_offline') AS offline, countIf(kind = 'device_low_battery') AS low"
                + " FROM gridpulse.alerts FINAL WHERE :area AND status = :status"
                + " AND kind IN ('device_sos', 'device_offline', 'device_low_battery') GROUP BY device) AS a"
                + " ON t.device = a.device"
                + " ORDER BY indexOf(['sos', 'offline', 'low_battery', 'online'], state), device LIMIT :limit")
                .bind("onlineSince", asOf.minus(ONLINE_WITHIN)).bind("lowBattery", LOW_BATTERY_PERCENT)
                .bindCondition("area", AreaSql.in(area)).bind("reportedSince", asOf.minus(DEVICE_LOOKBACK))
                .bind("asOf", asOf).bind("status", AlertStatus.OPEN.wireName()).bind("limit", positive(limit));
        return clickHouse.query(sql, row -> new DeviceMarker(row.text("device"), row.text("type"),
                DeviceState.fromWire(row.text("state")), row.nullableDouble("lon"), row.nullableDouble("lat"),
                row.text("grid"), row.instantFromMillis("last_ms"), row.nullableDouble("battery")));
    }

    /**
     * Registered households per child of the area (streets of a county, communities of a street, grids of a
     * community; a grid answers for itself) and how many were visited during {@code [from, to)}, by code.
     */
    public List<AreaCoverage> visitCoverageByChild(AreaCode area, Instant from, Instant to) {
        return clickHouse.query(Sql.of("SELECT " + AreaSql.childColumn(area.level()) + " AS code, count() AS households,"
                        + " countIf(household_id IN (SELECT household_id FROM gridpulse.events WHERE :area AND kind = 'visit'"
                        + " AND occurred_at >= :from AND occurred_at < :to)) AS visited"
                        + " FROM gridpulse.households FINAL WHERE :area GROUP BY code ORDER BY code")
                        .bindCondition("area", AreaSql.in(area)).bind("from", from).bind("to", to),
                row -> new AreaCoverage(row.text("code"), row.longValue("households"), row.longValue("visited")));
    }

    /** The condition on heat_minutes that keeps the demands filed in the area during {@code [from, to)}. */
    private static Sql demandsWithin(AreaCode area, Instant from, Instant to) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("a time range needs from before to, got " + from + " and " + to);
        }
        return Sql.of("layer = :layer AND :area AND bucket >= toDateTime(:from, 'UTC') AND bucket < toDateTime(:to, 'UTC')")
                .bind("layer", HeatLayer.DEMAND.wireName()).bindCondition("area", AreaSql.in(area))
                .bind("from", ceilSeconds(from)).bind("to", ceilSeconds(to));
    }

    /** Buckets start on whole seconds, so rounding a bound up keeps >= and < exact. */
    private static long ceilSeconds(Instant instant) {
        return instant.getNano() == 0 ? instant.getEpochSecond() : instant.getEpochSecond() + 1;
    }

    private static int positive(int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("a layer's limit must be positive, got " + limit);
        }
        return limit;
    }
}
