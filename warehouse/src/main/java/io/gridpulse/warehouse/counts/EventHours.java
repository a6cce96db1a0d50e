package io.gridpulse.warehouse.counts;

import io.gridpulse.model.area.AreaCode;
import io.gridpulse.warehouse.AreaCount;
import io.gridpulse.warehouse.ClickHouse;
import io.gridpulse.warehouse.SqlLiteral;
import io.gridpulse.warehouse.Warehouse;
import io.gridpulse.warehouse.area.AreaSql;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Event counts per area and kind from the hourly rollup {@code gridpulse.event_hours}, which the stream jobs
 * keep current: what the cockpit's live counters read instead of counting the events table (at 10 million
 * events a count of the city's week took 1.5 s; the rollup holds a row per area, kind and hour).
 * <p>
 * Counts are in whole hours: a period starts at the start of the hour that holds its first instant, so
 * "since local midnight" is exact wherever the zone's offset is whole hours (Asia/Shanghai), and "the last 7
 * days" may include up to an hour more.
 */
public final class EventHours {
    private static final String COLUMNS = "hour, county_code, street_code, community_code, grid_code, kind, events";
    private static final Duration HOUR = Duration.ofHours(1);

    private final ClickHouse clickHouse;

    public EventHours(Warehouse warehouse) {
        this.clickHouse = warehouse.clickHouse();
    }

    /** Writes hour counts in one INSERT; an hour written again keeps its highest count. */
    public void insert(List<EventHourRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        var sql = new StringBuilder(64 + rows.size() * 100).append("INSERT INTO gridpulse.event_hours (")
                .append(COLUMNS).append(") ").append(Warehouse.SYNCHRONOUS_INSERT).append(" VALUES ");
        for (int i = 0; i < rows.size(); i++) {
            var row = rows.get(i);
            sql.append(i == 0 ? "(" : ",\n(");
            sql.append("toDateTime(").append(row.hour().getEpochSecond()).append(", 'UTC'), ");
            SqlLiteral.appendString(sql, row.countyCode()).append(", ");
            SqlLiteral.appendString(sql, row.streetCode()).append(", ");
            SqlLiteral.appendString(sql, row.communityCode()).append(", ");
            SqlLiteral.appendString(sql, row.gridCode()).append(", ");
            SqlLiteral.appendString(sql, row.kind()).append(", ");
            sql.append(row.events()).append(')');
        }
        clickHouse.execute(sql.toString());
    }

    /**
     * Rewrites the hours that hold {@code [from, to)} from the events table, each with its full distinct count.
     * Safe at any time: a count only ever replaces a lower one, so this repairs an hour the stream jobs
     * undercounted (one forgotten before a very late upload) and doubles nothing.
     */
    public void recount(Instant from, Instant to) {
        clickHouse.execute("INSERT INTO gridpulse.event_hours (" + COLUMNS + ") SELECT toStartOfHour(occurred_at, 'UTC') AS h,"
                + " county_code, street_code, community_code, grid_code, kind, uniqExact(event_id) FROM gridpulse.events"
                + " WHERE occurred_at >= " + SqlLiteral.dateTime64(hourOf(from)) + " AND occurred_at < " + SqlLiteral.dateTime64(to)
                + " GROUP BY h, county_code, street_code, community_code, grid_code, kind");
    }

    /** Events in the area from the hour holding {@code since}, of one kind, or of every kind when {@code kind} is null. */
    public long count(AreaCode area, Instant since, String kind) {
        var row = clickHouse.query("SELECT sum(events) AS n FROM gridpulse.event_hours FINAL WHERE " + AreaSql.within(area)
                + " AND hour >= " + hourLiteral(since) + (kind == null ? "" : " AND kind = " + SqlLiteral.string(kind))).getFirst();
        return number(row, "n");
    }

    /** Events from the hour holding {@code since} per child of the area (streets of a county ...), most first, ties by code. */
    public List<AreaCount> countsByChild(AreaCode area, Instant since) {
        var child = AreaSql.childColumn(area.level());
        return clickHouse.query("SELECT " + child + " AS code, sum(events) AS n FROM gridpulse.event_hours FINAL WHERE "
                        + AreaSql.within(area) + " AND hour >= " + hourLiteral(since) + " GROUP BY code ORDER BY n DESC, code")
                .stream().map(row -> new AreaCount((String) row.get("code"), number(row, "n"))).toList();
    }

    /** Events and demands raised per local day in {@code [first, last]}; days without events are absent. */
    public Map<LocalDate, long[]> perDay(AreaCode area, ZoneId zone, LocalDate first, LocalDate last) {
        var out = new HashMap<LocalDate, long[]>();
        for (var row : clickHouse.query("SELECT toString(toDate(hour, " + SqlLiteral.string(zone.getId()) + ")) AS day,"
                + " sum(events) AS n_events, sumIf(events, kind = 'demand.created') AS n_demands FROM gridpulse.event_hours FINAL WHERE "
                + AreaSql.within(area) + " AND hour >= " + hourLiteral(first.atStartOfDay(zone).toInstant())
                + " AND hour < " + hourLiteral(last.plusDays(1).atStartOfDay(zone).toInstant()) + " GROUP BY day")) {
            out.put(LocalDate.parse((String) row.get("day")), new long[] {number(row, "n_events"), number(row, "n_demands")});
        }
        return out;
    }

    private static Instant hourOf(Instant instant) {
        return Instant.ofEpochSecond(Math.floorDiv(instant.getEpochSecond(), HOUR.toSeconds()) * HOUR.toSeconds());
    }

    private static String hourLiteral(Instant instant) {
        return "toDateTime(" + hourOf(instant).getEpochSecond() + ", 'UTC')";
    }

    private static long number(Map<String, Object> row, String column) {
        var v = row.get(column);
        return v == null ? 0 : ((Number) v).longValue();
    }
}
