package io.gridpulse.warehouse.layers;

import io.gridpulse.model.alerts.AlertKind;
import io.gridpulse.model.alerts.AlertStatus;
import io.gridpulse.model.alerts.Severity;
import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.area.AreaLineage;
import io.gridpulse.warehouse.ClickHouse;
import io.gridpulse.warehouse.SqlLiteral;
import io.gridpulse.warehouse.Warehouse;
import io.gridpulse.warehouse.area.AreaSql;
import io.gridpulse.warehouse.heat.CellHeat;
import io.gridpulse.warehouse.heat.HeatLayer;
import io.gridpulse.warehouse.heat.HeatQueries;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
        var cell = resolution == HeatQueries.STORED_RESOLUTION ? "h3_cell" : "h3ToParent(h3_cell, " + resolution + ")";
        var rows = clickHouse.query("SELECT " + cell + " AS cell, sum(events) AS n FROM gridpulse.heat_minutes FINAL WHERE "
                + demandsWithin(area, from, to) + (demandType == null ? "" : " AND subject = " + SqlLiteral.string(demandType))
                + " AND h3_cell != 0 GROUP BY cell ORDER BY n DESC, cell LIMIT " + positive(limit));
        var out = new ArrayList<CellHeat>(rows.size());
        for (var row : rows) {
            out.add(new CellHeat(number(row, "cell"), number(row, "n")));
        }
        return out;
    }

    /** The demand types filed in the area during {@code [from, to)}, most first (ties by name), for the type filter. */
    public List<DemandTypeCount> demandTypes(AreaCode area, Instant from, Instant to) {
        var rows = clickHouse.query("SELECT subject, sum(events) AS n FROM gridpulse.heat_minutes FINAL WHERE "
                + demandsWithin(area, from, to) + " AND subject != '' GROUP BY subject ORDER BY n DESC, subject LIMIT 100");
        var out = new ArrayList<DemandTypeCount>(rows.size());
        for (var row : rows) {
            out.add(new DemandTypeCount((String) row.get("subject"), number(row, "n")));
        }
        return out;
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
        var kindList = kindList(kinds);
        var rows = clickHouse.query("SELECT alert_id, kind, severity, case_id, grid_code, community_code, street_code,"
                + " county_code, toUnixTimestamp64Milli(raised_at) AS raised_ms, policy_id FROM gridpulse.alerts FINAL WHERE "
                + AreaSql.within(area) + " AND status = " + SqlLiteral.string(AlertStatus.OPEN.wireName()) + " AND kind IN " + kindList
                + " ORDER BY raised_at DESC, alert_id LIMIT " + positive(limit));
        return markers(rows);
    }

    /** The SQL list of the kinds' stored names: {@code ('sla_breach', 'sla_escalation')}. */
    public static String kindList(List<AlertKind> kinds) {
        return kinds.stream().map(k -> SqlLiteral.string(k.wireName()))
                .collect(java.util.stream.Collectors.joining(", ", "(", ")"));
    }

    /** Markers from rows of alert_id, kind, severity, case_id, the four area codes, raised_ms and policy_id. */
    public static List<AlertMarker> markers(List<Map<String, Object>> rows) {
        var out = new ArrayList<AlertMarker>(rows.size());
        for (var row : rows) {
            out.add(new AlertMarker((String) row.get("alert_id"), AlertKind.of((String) row.get("kind")),
                    Severity.of((String) row.get("severity")), (String) row.get("case_id"),
                    new AreaLineage((String) row.get("grid_code"), (String) row.get("community_code"),
                            (String) row.get("street_code"), (String) row.get("county_code")),
                    Instant.ofEpochMilli(number(row, "raised_ms")), (String) row.get("policy_id")));
        }
        return out;
    }

    /**
     * Devices that reported in the area during the {@link #DEVICE_LOOKBACK} before {@code asOf}, with their
     * state: {@link DeviceState#SOS} with an open SOS alert; {@link DeviceState#OFFLINE} with an open offline
     * alert, a last report older than {@link #ONLINE_WITHIN} or saying offline or fault;
     * {@link DeviceState#LOW_BATTERY} with an open low-battery alert or a last battery level below
     * {@link #LOW_BATTERY_PERCENT}; otherwise online. The most urgent first, at most {@code limit}.
     */
    public List<DeviceMarker> devices(AreaCode area, Instant asOf, int limit) {
        var within = AreaSql.within(area);
        var sql = "SELECT t.device AS device, t.type AS type, t.lon AS lon, t.lat AS lat, t.grid AS grid,"
                + " toUnixTimestamp64Milli(t.last) AS last_ms, t.battery AS battery,"
                + " multiIf(a.sos > 0, 'sos',"
                + " a.offline > 0 OR t.last < " + SqlLiteral.dateTime64(asOf.minus(ONLINE_WITHIN))
                + " OR t.status IN ('offline', 'fault'), 'offline',"
                + " a.low > 0 OR ifNull(t.battery < " + LOW_BATTERY_PERCENT + ", false), 'low_battery', 'online') AS state"
                // the device columns were extracted from each report's JSON when it was stored (V013)
                + " FROM (SELECT device_id AS device, argMax(device_type, occurred_at) AS type,"
                + " argMax(lon, occurred_at) AS lon, argMax(lat, occurred_at) AS lat,"
                + " argMax(grid_code, occurred_at) AS grid, max(occurred_at) AS last,"
                + " argMax(device_status, occurred_at) AS status,"
                + " argMaxIf(battery_percent, occurred_at, isNotNull(battery_percent)) AS battery"
                + " FROM gridpulse.events WHERE " + within + " AND kind = 'telemetry'"
                + " AND occurred_at >= " + SqlLiteral.dateTime64(asOf.minus(DEVICE_LOOKBACK))
                + " AND occurred_at < " + SqlLiteral.dateTime64(asOf) + " GROUP BY device) AS t"
                + " LEFT JOIN (SELECT case_id AS device, countIf(kind = 'device_sos') AS sos,"
                + " countIf(kind = 'device_offline') AS offline, countIf(kind = 'device_low_battery') AS low"
                + " FROM gridpulse.alerts FINAL WHERE " + within + " AND status = " + SqlLiteral.string(AlertStatus.OPEN.wireName())
                + " AND kind IN ('device_sos', 'device_offline', 'device_low_battery') GROUP BY device) AS a"
                + " ON t.device = a.device"
                + " ORDER BY indexOf(['sos', 'offline', 'low_battery', 'online'], state), device LIMIT " + positive(limit);
        var rows = clickHouse.query(sql);
        var out = new ArrayList<DeviceMarker>(rows.size());
        for (var row : rows) {
            out.add(new DeviceMarker((String) row.get("device"), (String) row.get("type"),
                    DeviceState.fromWire((String) row.get("state")), decimal(row, "lon"), decimal(row, "lat"),
                    (String) row.get("grid"), Instant.ofEpochMilli(number(row, "last_ms")), decimal(row, "battery")));
        }
        return out;
    }

    /**
     * Registered households per child of the area (streets of a county, communities of a street, grids of a
     * community; a grid answers for itself) and how many were visited during {@code [from, to)}, by code.
     */
    public List<AreaCoverage> visitCoverageByChild(AreaCode area, Instant from, Instant to) {
        var within = AreaSql.within(area);
        var rows = clickHouse.query("SELECT " + AreaSql.childColumn(area.level()) + " AS code, count() AS households,"
                + " countIf(household_id IN (SELECT household_id FROM gridpulse.events WHERE "
                + within + " AND kind = 'visit' AND occurred_at >= " + SqlLiteral.dateTime64(from)
                + " AND occurred_at < " + SqlLiteral.dateTime64(to) + ")) AS visited"
                + " FROM gridpulse.households FINAL WHERE " + within + " GROUP BY code ORDER BY code");
        var out = new ArrayList<AreaCoverage>(rows.size());
        for (var row : rows) {
            out.add(new AreaCoverage((String) row.get("code"), number(row, "households"), number(row, "visited")));
        }
        return out;
    }

    private static String demandsWithin(AreaCode area, Instant from, Instant to) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("a time range needs from before to, got " + from + " and " + to);
        }
        return "layer = " + SqlLiteral.string(HeatLayer.DEMAND.wireName()) + " AND " + AreaSql.within(area)
                + " AND bucket >= toDateTime(" + ceilSeconds(from) + ", 'UTC')"
                + " AND bucket < toDateTime(" + ceilSeconds(to) + ", 'UTC')";
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

    private static long number(Map<String, Object> row, String column) {
        var value = row.get(column);
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static Double decimal(Map<String, Object> row, String column) {
        var value = row.get(column);
        return value == null ? null : ((Number) value).doubleValue();
    }
}
