package io.gridpulse.warehouse;

import io.gridpulse.model.area.AreaCode;
import io.gridpulse.warehouse.sql.Sql;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The events table ({@code gridpulse.events}, V001 and after): the stream job's rows, written once per eventId (a
 * replay or a retry collapses), and the counts and lookups reconciliation and tests use. The cockpit's live figures do
 * not read this table (see {@link io.gridpulse.warehouse.counts.EventHours} and {@code case_events}).
 */
public final class EventStore {
    private static final String EVENT_COLUMNS = "event_id, kind, occurred_at, ingested_at, source, grid_code,"
            + " community_code, street_code, county_code, lon, lat, payload";
    /** Rows carry JSON payloads; a few hundred bytes each, so a row costs about this much SQL text. */
    private static final int BYTES_PER_ROW_GUESS = 400;
    private static final int MAX_EVENT_IDS = 1_000_000;

    private final ClickHouse clickHouse;

    EventStore(ClickHouse clickHouse) {
        this.clickHouse = clickHouse;
    }

    /** Writes events in one INSERT; an event re-sent with the same eventId is counted once. */
    public void insert(List<EventRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        var sql = new StringBuilder(128 + rows.size() * BYTES_PER_ROW_GUESS)
                .append("INSERT INTO gridpulse.events (").append(EVENT_COLUMNS).append(", population_groups) ")
                .append(Warehouse.SYNCHRONOUS_INSERT)
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

    /** Distinct events in an area since an instant, of one kind (e.g. demand.created) or of all kinds when kind is null. */
    public long countSince(String areaCode, Instant since, String kind) {
        var area = AreaCode.of(areaCode);
        var sql = "SELECT uniqExact(event_id) AS n FROM gridpulse.events WHERE " + AreaColumns.within(area)
                + " AND occurred_at >= " + SqlLiteral.dateTime64(since)
                + (kind == null ? "" : " AND kind = " + SqlLiteral.string(kind));
        return ((Number) clickHouse.query(sql).getFirst().get("n")).longValue();
    }

    /** Distinct events since an instant per child of an area (streets of a county, communities of a street ...), most first. */
    public List<AreaCount> countsByChildSince(String areaCode, Instant since) {
        var area = AreaCode.of(areaCode);
        var child = AreaColumns.childOf(area.level());
        return clickHouse.query("SELECT " + child + " AS code, uniqExact(event_id) AS n FROM gridpulse.events WHERE "
                        + AreaColumns.within(area) + " AND occurred_at >= " + SqlLiteral.dateTime64(since)
                        + " GROUP BY code ORDER BY n DESC, code").stream()
                .map(row -> new AreaCount((String) row.get("code"), ((Number) row.get("n")).longValue()))
                .toList();
    }

    /** Distinct events per street code, most first (ties by code). */
    public List<AreaCount> countsByStreet() {
        return clickHouse.query("SELECT street_code, uniqExact(event_id) AS events FROM gridpulse.events"
                        + " GROUP BY street_code ORDER BY events DESC, street_code")
                .stream()
                .map(row -> new AreaCount((String) row.get("street_code"), (Long) row.get("events")))
                .toList();
    }

    /** The number of distinct eventIds stored. */
    public long distinctCount() {
        return clickHouse.count(Sql.of("SELECT uniqExact(event_id) AS n FROM gridpulse.events"));
    }

    /** Rows as a user sees them: after FINAL, duplicates collapsed even before a merge. */
    public long countFinal() {
        return clickHouse.count(Sql.of("SELECT count() AS n FROM gridpulse.events FINAL"));
    }

    /** Every stored eventId (at most a million; for tests and reconciliation). */
    public Set<String> ids() {
        var ids = new HashSet<String>();
        for (var row : clickHouse.query("SELECT DISTINCT event_id FROM gridpulse.events LIMIT " + MAX_EVENT_IDS)) {
            ids.add((String) row.get("event_id"));
        }
        return ids;
    }

    /** The event stored under {@code eventId}, if any. */
    public Optional<EventRow> find(String eventId) {
        var rows = clickHouse.query("SELECT event_id, kind, toUnixTimestamp64Milli(occurred_at) AS occurred_ms,"
                + " toUnixTimestamp64Milli(ingested_at) AS ingested_ms, source, grid_code, community_code,"
                + " street_code, county_code, lon, lat, payload FROM gridpulse.events FINAL"
                + " WHERE event_id = " + SqlLiteral.string(eventId) + " LIMIT 1");
        return rows.stream().findFirst().map(EventStore::eventRow);
    }

    private static EventRow eventRow(Map<String, Object> row) {
        return new EventRow((String) row.get("event_id"), (String) row.get("kind"),
                Instant.ofEpochMilli((Long) row.get("occurred_ms")), Instant.ofEpochMilli((Long) row.get("ingested_ms")),
                (String) row.get("source"), (String) row.get("grid_code"), (String) row.get("community_code"),
                (String) row.get("street_code"), (String) row.get("county_code"), (Double) row.get("lon"),
                (Double) row.get("lat"), (String) row.get("payload"));
    }}
