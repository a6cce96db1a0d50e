package io.gridpulse.warehouse.counts;

import io.gridpulse.model.area.AreaCode;
import io.gridpulse.warehouse.AreaCount;
import io.gridpulse.warehouse.ClickHouse;
import io.gridpulse.warehouse.SqlLiteral;
import io.gridpulse.warehouse.Warehouse;
import io.gridpulse.warehouse.area.AreaSql;
import io.gridpulse.warehouse.sql.Sql;

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
        // thousands of VALUES tuples: written with SqlLiteral, as named parameters would need a name per value
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
        clickHouse.execute(Sql.of("INSERT INTO gridpulse.event_hours (" + COLUMNS + ")"
                        + " SELECT toStartOfHour(occurred_at, 'UTC') AS h, county_code, street_code, community_code, grid_code,"
                        + " kind, uniqExact(event_id) FROM gridpulse.events"
                        + " WHERE occurred_at >= :from AND occurred_at < :to"
                        + " GROUP BY h, county_code, street_code, community_code, grid_code, kind")
                .bind("from", hourOf(from)).bind("to", to));
    }

    /** Events in the area from the hour holding {@code since}, of one kind, or of every kind when {@code kind} is null. */
    public long count(AreaCode area, Instant since, String kind) {
        var hours = fromHourOf(area, since);
        var where = kind == null ? hours : Sql.all(List.of(hours, Sql.of("kind = :kind").bind("kind", kind)));
        return clickHouse.count(Sql.of("SELECT sum(events) AS n FROM gridpulse.event_hours FINAL WHERE :where")
                .bindCondition("where", where));
    }

    /** Events from the hour holding {@code since} per child of the area (streets of a county ...), most first, ties by code. */
    public List<AreaCount> countsByChild(AreaCode area, Instant since) {
        return clickHouse.query(Sql.of("SELECT " + AreaSql.childColumn(area.level()) + " AS code, sum(events) AS n"
                        + " FROM gridpulse.event_hours FINAL WHERE :where GROUP BY code ORDER BY n DESC, code")
                        .bindCondition("where", fromHourOf(area, since)),
                row -> new AreaCount(row.text("code"), row.longValue("n")));
    }

    /**
     * Events of these kinds from the hour holding {@code since} per child of the area, most first, ties by code: the
     * wall's red list counts the handling of cases (responses, resolutions, closures), not device reports.
     */
    public List<AreaCount> countsByChild(AreaCode area, Instant since, java.util.Collection<String> kinds) {
        return clickHouse.query(Sql.of("SELECT " + AreaSql.childColumn(area.level()) + " AS code, sum(events) AS n"
                        + " FROM gridpulse.event_hours FINAL WHERE :where AND has(:kinds, kind) GROUP BY code ORDER BY n DESC, code")
                        .bindCondition("where", fromHourOf(area, since)).bindStrings("kinds", kinds),
                row -> new AreaCount(row.text("code"), row.longValue("n")));
    }

    /** Events and demands raised per local day in {@code [first, last]}; days without events are absent. */
    public Map<LocalDate, long[]> perDay(AreaCode area, ZoneId zone, LocalDate first, LocalDate last) {
        var days = clickHouse.query(Sql.of("SELECT toString(toDate(hour, :zone)) AS day, sum(events) AS n_events,"
                        + " sumIf(events, kind = 'demand.created') AS n_demands FROM gridpulse.event_hours FINAL"
                        + " WHERE :area AND hour >= toDateTime(:from, 'UTC') AND hour < toDateTime(:to, 'UTC') GROUP BY day")
                        .bind("zone", zone.getId()).bindCondition("area", AreaSql.in(area))
                        .bind("from", hourOf(first.atStartOfDay(zone).toInstant()).getEpochSecond())
                        .bind("to", hourOf(last.plusDays(1).atStartOfDay(zone).toInstant()).getEpochSecond()),
                row -> Map.entry(LocalDate.parse(row.text("day")),
                        new long[] {row.longValue("n_events"), row.longValue("n_demands")}));
        var out = new HashMap<LocalDate, long[]>();
        days.forEach(day -> out.put(day.getKey(), day.getValue()));
        return out;
    }

    /** The condition that keeps the area's hours from the one holding {@code since}. */
    private static Sql fromHourOf(AreaCode area, Instant since) {
        return Sql.of(":area AND hour >= toDateTime(:since, 'UTC')").bindCondition("area", AreaSql.in(area))
                .bind("since", hourOf(since).getEpochSecond());
    }

    private static Instant hourOf(Instant instant) {
        return Instant.ofEpochSecond(Math.floorDiv(instant.getEpochSecond(), HOUR.toSeconds()) * HOUR.toSeconds());
    }
}
