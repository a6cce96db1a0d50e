package io.gridpulse.warehouse;

import io.gridpulse.model.area.AreaCode;
import io.gridpulse.warehouse.alerts.AlertStore;
import io.gridpulse.warehouse.chdb.ChdbClickHouse;
import io.gridpulse.warehouse.jdbc.JdbcClickHouse;
import io.gridpulse.warehouse.migrations.Migrations;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * GridPulse's analytics store: batched writes and the named queries the cockpit and reports use,
 * the same SQL over embedded ClickHouse (chDB) or a ClickHouse server. Opening migrates the schema.
 */
public final class Warehouse implements AutoCloseable {
    /**
     * Every insert is synchronous: chDB 26.7 turns async_insert on by default, and an async insert of
     * inlined data failed now and then when the process's stdin was a pipe (as under surefire).
     */
    public static final String SYNCHRONOUS_INSERT = "SETTINGS async_insert = 0";


    private static final String EVENT_COLUMNS = "event_id, kind, occurred_at, ingested_at, source, grid_code,"
            + " community_code, street_code, county_code, lon, lat, payload";
    private static final String DEAD_LETTER_COLUMNS = "event_id, received_at, source, reason, payload";
    /** Rows carry JSON payloads; a few hundred bytes each, so a row costs about this much SQL text. */
    private static final int BYTES_PER_ROW_GUESS = 400;
    private static final int MAX_EVENT_IDS = 1_000_000;
    private static final Object MIGRATION_LOCK = new Object();

    private final ClickHouse clickHouse;
    private final AlertStore alerts;

    private Warehouse(ClickHouse clickHouse) {
        this.clickHouse = clickHouse;
        this.alerts = new AlertStore(clickHouse);
    }

    /** The alerts the stream job raised: writing them, and every listing and count of them. */
    public AlertStore alerts() {
        return alerts;
    }

    /**
     * Opens the warehouse and migrates its schema. For {@code chdb:} URLs the handle shares the
     * process's one embedded connection on that directory; closing the last handle closes it.
     */
    public static Warehouse open(WarehouseConfig config) {
        return over(config.isEmbedded()
                ? ChdbClickHouse.open(config.dataDir())
                : JdbcClickHouse.open(config.url()));
    }

    /** A warehouse over an already open connection, which it migrates and, when closed, closes. */
    public static Warehouse over(ClickHouse clickHouse) {
        try {
            synchronized (MIGRATION_LOCK) {
                Migrations.gridpulse().applyTo(clickHouse);
            }
            return new Warehouse(clickHouse);
        } catch (RuntimeException e) {
            clickHouse.close();
            throw e;
        }
    }

    /** Writes events in one INSERT; an event re-sent with the same eventId is counted once. */
    public void insertEvents(List<EventRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        var sql = new StringBuilder(128 + rows.size() * BYTES_PER_ROW_GUESS)
                .append("INSERT INTO gridpulse.events (").append(EVENT_COLUMNS).append(", population_groups) ")
                .append(SYNCHRONOUS_INSERT)
                .append(" VALUES ");
        for (int i = 0; i < rows.size(); i++) {
            var row = rows.get(i);
            sql.append(i == 0 ? "(" : ",\n(");
            SqlLiteral.appendString(sql, row.eventId()).append(", ");
            SqlLiteral.appendString(sql, row.kind()).append(", ");
            sql.append(SqlLiteral.dateTime64(row.occurredAt())).append(", ");
            sql.append(SqlLiteral.dateTime64(row.ingestedAt())).append(", ");
            SqlLiteral.appendString(sql, row.source()).append(", ");
            SqlLiteral.appendString(sql, row.gridCode()).append(", ");
            SqlLiteral.appendString(sql, row.communityCode()).append(", ");
            SqlLiteral.appendString(sql, row.streetCode()).append(", ");
            SqlLiteral.appendString(sql, row.countyCode()).append(", ");
            sql.append(SqlLiteral.nullableDouble(row.lon())).append(", ");
            sql.append(SqlLiteral.nullableDouble(row.lat())).append(", ");
            SqlLiteral.appendString(sql, row.payload()).append(", [");
            var groups = row.populationGroups();
            for (int g = 0; g < groups.size(); g++) {
                SqlLiteral.appendString(sql.append(g == 0 ? "" : ", "), groups.get(g));
            }
            sql.append("])");
        }
        clickHouse.execute(sql.toString());
    }

    /** Writes dead letters in one INSERT. */
    public void insertDeadLetters(List<DeadLetterRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        var sql = new StringBuilder(128 + rows.size() * BYTES_PER_ROW_GUESS)
                .append("INSERT INTO gridpulse.dead_letters (").append(DEAD_LETTER_COLUMNS).append(") ")
                .append(SYNCHRONOUS_INSERT).append(" VALUES ");
        for (int i = 0; i < rows.size(); i++) {
            var row = rows.get(i);
            sql.append(i == 0 ? "(" : ",\n(");
            SqlLiteral.appendString(sql, row.eventId()).append(", ");
            sql.append(SqlLiteral.dateTime64(row.receivedAt())).append(", ");
            SqlLiteral.appendString(sql, row.source()).append(", ");
            SqlLiteral.appendString(sql, row.reason()).append(", ");
            SqlLiteral.appendString(sql, row.payload()).append(')');
        }
        clickHouse.execute(sql.toString());
    }

    /** Distinct events in an area since an instant, of one kind (e.g. demand.created) or of all kinds when kind is null. */
    public long eventCountSince(String areaCode, Instant since, String kind) {
        var area = AreaCode.of(areaCode);
        var sql = "SELECT uniqExact(event_id) AS n FROM gridpulse.events WHERE " + AreaColumns.within(area)
                + " AND occurred_at >= " + SqlLiteral.dateTime64(since)
                + (kind == null ? "" : " AND kind = " + SqlLiteral.string(kind));
        return ((Number) clickHouse.query(sql).getFirst().get("n")).longValue();
    }

    /** Distinct events since an instant per child of an area (streets of a county, communities of a street ...), most first. */
    public List<AreaCount> eventCountsByChildSince(String areaCode, Instant since) {
        var area = AreaCode.of(areaCode);
        var child = AreaColumns.childOf(area.level());
        return clickHouse.query("SELECT " + child + " AS code, uniqExact(event_id) AS n FROM gridpulse.events WHERE "
                        + AreaColumns.within(area) + " AND occurred_at >= " + SqlLiteral.dateTime64(since)
                        + " GROUP BY code ORDER BY n DESC, code").stream()
                .map(row -> new AreaCount((String) row.get("code"), ((Number) row.get("n")).longValue()))
                .toList();
    }

    /** Distinct events per street code, most first (ties by code). */
    public List<AreaCount> eventCountsByStreet() {
        return clickHouse.query("SELECT street_code, uniqExact(event_id) AS events FROM gridpulse.events"
                        + " GROUP BY street_code ORDER BY events DESC, street_code")
                .stream()
                .map(row -> new AreaCount((String) row.get("street_code"), (Long) row.get("events")))
                .toList();
    }

    /** The number of distinct eventIds stored. */
    public long distinctEventCount() {
        return single("SELECT uniqExact(event_id) AS n FROM gridpulse.events");
    }

    /** Rows as a user sees them: after FINAL, duplicates collapsed even before a merge. */
    public long rowCountFinal() {
        return single("SELECT count() AS n FROM gridpulse.events FINAL");
    }

    /** Every stored eventId (at most a million; for tests and reconciliation). */
    public Set<String> eventIds() {
        var ids = new HashSet<String>();
        for (var row : clickHouse.query("SELECT DISTINCT event_id FROM gridpulse.events LIMIT " + MAX_EVENT_IDS)) {
            ids.add((String) row.get("event_id"));
        }
        return ids;
    }

    /** The event stored under {@code eventId}, if any. */
    public Optional<EventRow> event(String eventId) {
        var rows = clickHouse.query("SELECT event_id, kind, toUnixTimestamp64Milli(occurred_at) AS occurred_ms,"
                + " toUnixTimestamp64Milli(ingested_at) AS ingested_ms, source, grid_code, community_code,"
                + " street_code, county_code, lon, lat, payload FROM gridpulse.events FINAL"
                + " WHERE event_id = " + SqlLiteral.string(eventId) + " LIMIT 1");
        return rows.stream().findFirst().map(Warehouse::eventRow);
    }

    /** The number of dead letters kept. */
    public long deadLetterCount() {
        return single("SELECT count() AS n FROM gridpulse.dead_letters");
    }

    /** The newest dead letters first. */
    public List<DeadLetterRow> recentDeadLetters(int limit) {
        if (limit <= 0) {
            return List.of();
        }
        var result = new ArrayList<DeadLetterRow>();
        for (var row : clickHouse.query("SELECT event_id, toUnixTimestamp64Milli(received_at) AS received_ms, source,"
                + " reason, payload FROM gridpulse.dead_letters ORDER BY received_at DESC LIMIT " + limit)) {
            result.add(new DeadLetterRow((String) row.get("event_id"),
                    Instant.ofEpochMilli((Long) row.get("received_ms")), (String) row.get("source"),
                    (String) row.get("reason"), (String) row.get("payload")));
        }
        return result;
    }

    /** The connection underneath, for migrations and tests only. */
    public ClickHouse clickHouse() {
        return clickHouse;
    }

    @Override
    public void close() {
        clickHouse.close();
    }

    @Override
    public String toString() {
        return "Warehouse[" + clickHouse.describe() + "]";
    }

    private long single(String sql) {
        var rows = clickHouse.query(sql);
        return (Long) rows.getFirst().values().iterator().next();
    }

    private static EventRow eventRow(Map<String, Object> row) {
        return new EventRow((String) row.get("event_id"), (String) row.get("kind"),
                Instant.ofEpochMilli((Long) row.get("occurred_ms")), Instant.ofEpochMilli((Long) row.get("ingested_ms")),
                (String) row.get("source"), (String) row.get("grid_code"), (String) row.get("community_code"),
                (String) row.get("street_code"), (String) row.get("county_code"), (Double) row.get("lon"),
                (Double) row.get("lat"), (String) row.get("payload"));
    }
}
