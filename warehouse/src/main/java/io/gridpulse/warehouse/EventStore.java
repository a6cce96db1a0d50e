package io.gridpulse.warehouse;

import io.gridpulse.model.area.AreaCode;
import io.gridpulse.warehouse.area.AreaSql;
import io.gridpulse.warehouse.sql.Row;
import io.gridpulse.warehouse.sql.Sql;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
        // thousands of VALUES tuples: written with SqlLiteral, as named parameters would need a name per value
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
        var conditions = new ArrayList<>(List.of(AreaSql.in(area), Sql.of("occurred_at >= :since").bind("since", since)));
        if (kind != null) {
            conditions.add(Sql.of("kind = :kind").bind("kind", kind));
        }
        return clickHouse.count(Sql.of("SELECT uniqExact(event_id) AS n FROM gridpulse.events WHERE :where")
                .bindCondition("where", Sql.all(conditions)));
    }

    /** Distinct events since an instant per child of an area (streets of a county, communities of a street ...), most first. */
    public List<AreaCount> countsByChildSince(String areaCode, Instant since) {
        var area = AreaCode.of(areaCode);
        return clickHouse.query(Sql.of("SELECT " + AreaColumns.childOf(area.level()) + " AS code, uniqExact(event_id) AS n"
                        + " FROM gridpulse.events WHERE :area AND occurred_at >= :since GROUP BY code ORDER BY n DESC, code")
                        .bindCondition("area", AreaSql.in(area)).bind("since", since),
                row -> new AreaCount(row.text("code"), row.longValue("n")));
    }

    /** Distinct events per street code, most first (ties by code). */
    public List<AreaCount> countsByStreet() {
        return clickHouse.query(Sql.of("SELECT street_code, uniqExact(event_id) AS events FROM gridpulse.events"
                        + " GROUP BY street_code ORDER BY events DESC, street_code"),
                row -> new AreaCount(row.text("street_code"), row.longValue("events")));
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
        return new HashSet<>(clickHouse.query(Sql.of("SELECT DISTINCT event_id FROM gridpulse.events LIMIT :limit")
                .bind("limit", MAX_EVENT_IDS), row -> row.text("event_id")));
    }

    /** The event stored under {@code eventId}, if any. */
    public Optional<EventRow> find(String eventId) {
        return clickHouse.query(Sql.of("SELECT event_id, kind, toUnixTimestamp64Milli(occurred_at) AS occurred_ms,"
                        + " toUnixTimestamp64Milli(ingested_at) AS ingested_ms, source, grid_code, community_code,"
                        + " street_code, county_code, lon, lat, payload FROM gridpulse.events FINAL"
                        + " WHERE event_id = :eventId LIMIT 1").bind("eventId", eventId), EventStore::eventRow)
                .stream().findFirst();
    }

    private static EventRow eventRow(Row row) {
        return new EventRow(row.text("event_id"), row.text("kind"), row.instantFromMillis("occurred_ms"),
                row.instantFromMillis("ingested_ms"), row.text("source"), row.text("grid_code"), row.text("community_code"),
                row.text("street_code"), row.text("county_code"), row.nullableDouble("lon"), row.nullableDouble("lat"),
                row.text("payload"));
    }
}
