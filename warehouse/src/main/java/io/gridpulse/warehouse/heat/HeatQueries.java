package io.gridpulse.warehouse.heat;

import io.gridpulse.model.area.AreaCode;
import io.gridpulse.warehouse.ClickHouse;
import io.gridpulse.warehouse.SqlLiteral;
import io.gridpulse.warehouse.Warehouse;
import io.gridpulse.warehouse.area.AreaSql;
import io.gridpulse.warehouse.sql.Sql;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * Writes and reads the heatmap table {@code gridpulse.heat_minutes}. Reads roll the one-minute
 * buckets up in time (quarter hours, hours, local days) and in space (child areas, coarser H3
 * cells). A time range keeps the buckets that start in {@code [from, to)}.
 */
public final class HeatQueries {
    private static final String COLUMNS = "layer, subject, bucket, county_code, street_code, community_code, grid_code,"
            + " h3_cell, events";
    /** The resolution of the stored cells; coarser ones are computed with h3ToParent. */
    public static final int STORED_RESOLUTION = 9;

    private final ClickHouse clickHouse;

    public HeatQueries(Warehouse warehouse) {
        this.clickHouse = warehouse.clickHouse();
    }

    /** Writes bucket counts in one INSERT; a bucket written again keeps its highest count. */
    public void insert(List<HeatRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        // thousands of VALUES tuples: written with SqlLiteral, as named parameters would need a name per value
        var sql = new StringBuilder(64 + rows.size() * 120).append("INSERT INTO gridpulse.heat_minutes (")
                .append(COLUMNS).append(") ").append(Warehouse.SYNCHRONOUS_INSERT).append(" VALUES ");
        for (int i = 0; i < rows.size(); i++) {
            var row = rows.get(i);
            sql.append(i == 0 ? "(" : ",\n(");
            SqlLiteral.appendString(sql, row.layer().wireName()).append(", ");
            SqlLiteral.appendString(sql, row.subject()).append(", ");
            sql.append("toDateTime(").append(row.bucket().getEpochSecond()).append(", 'UTC'), ");
            SqlLiteral.appendString(sql, row.countyCode()).append(", ");
            SqlLiteral.appendString(sql, row.streetCode()).append(", ");
            SqlLiteral.appendString(sql, row.communityCode()).append(", ");
            SqlLiteral.appendString(sql, row.gridCode()).append(", ");
            sql.append(Long.toUnsignedString(row.h3Cell())).append(", ");
            sql.append(row.events()).append(')');
        }
        clickHouse.execute(sql.toString());
    }

    /**
     * Events of a layer per child of an area (streets of a county, communities of a street, grids of
     * a community), most first, ties by code. {@code subject} null means every subject.
     */
    public List<AreaHeat> byChildArea(AreaCode area, Instant from, Instant to, HeatLayer layer, String subject) {
        return clickHouse.query(Sql.of("SELECT " + AreaSql.childColumn(area.level()) + " AS code, sum(events) AS n"
                        + " FROM gridpulse.heat_minutes FINAL WHERE :where GROUP BY code ORDER BY n DESC, code")
                        .bindCondition("where", where(area, from, to, layer, subject)),
                row -> new AreaHeat(row.text("code"), row.longValue("n")));
    }

    /**
     * Events of a layer per H3 cell of the given resolution (0 to {@value #STORED_RESOLUTION}) inside
     * an area, most first, ties by cell. Events without a position have no cell and are left out.
     */
    public List<CellHeat> byCell(AreaCode area, Instant from, Instant to, HeatLayer layer, String subject, int resolution) {
        if (resolution < 0 || resolution > STORED_RESOLUTION) {
            throw new IllegalArgumentException("heat cells are stored at H3 resolution " + STORED_RESOLUTION
                    + "; ask for 0 to " + STORED_RESOLUTION + ", not " + resolution);
        }
        var cell = resolution == STORED_RESOLUTION ? Sql.of("h3_cell")
                : Sql.of("h3ToParent(h3_cell, :resolution)").bind("resolution", resolution);
        return clickHouse.query(Sql.of("SELECT :cell AS cell, sum(events) AS n FROM gridpulse.heat_minutes FINAL"
                        + " WHERE :where AND h3_cell != 0 GROUP BY cell ORDER BY n DESC, cell")
                        .bindCondition("cell", cell).bindCondition("where", where(area, from, to, layer, subject)),
                row -> new CellHeat(row.longValue("cell"), row.longValue("n")));
    }

    /**
     * Events of a layer in an area over time, rolled up to the granularity, oldest first; buckets
     * without events are left out. Days are calendar days in {@code zone}.
     */
    public List<HeatPoint> series(AreaCode area, Instant from, Instant to, HeatLayer layer, String subject,
                                  Granularity granularity, ZoneId zone) {
        var start = switch (granularity) {
            case MINUTE -> Sql.of("toUnixTimestamp(bucket)");
            case QUARTER_HOUR -> Sql.of("toUnixTimestamp(toStartOfFifteenMinutes(bucket))");
            case HOUR -> Sql.of("toUnixTimestamp(toStartOfHour(bucket))");
            case DAY -> Sql.of("toUnixTimestamp(toStartOfDay(toTimeZone(bucket, :zone)))").bind("zone", zone.getId());
        };
        return clickHouse.query(Sql.of("SELECT :start AS start, sum(events) AS n FROM gridpulse.heat_minutes FINAL"
                        + " WHERE :where GROUP BY start ORDER BY start")
                        .bindCondition("start", start).bindCondition("where", where(area, from, to, layer, subject)),
                row -> new HeatPoint(Instant.ofEpochSecond(row.longValue("start")), row.longValue("n")));
    }

    /** Events of a layer in an area and time range (every subject when {@code subject} is null). */
    public long total(AreaCode area, Instant from, Instant to, HeatLayer layer, String subject) {
        return clickHouse.count(Sql.of("SELECT sum(events) AS n FROM gridpulse.heat_minutes FINAL WHERE :where")
                .bindCondition("where", where(area, from, to, layer, subject)));
    }

    /** The condition that keeps a layer's buckets inside the area that start in {@code [from, to)}, of one subject or all. */
    private static Sql where(AreaCode area, Instant from, Instant to, HeatLayer layer, String subject) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("a time range needs from before to, got " + from + " and " + to);
        }
        var inRange = Sql.of("layer = :layer AND :area AND bucket >= toDateTime(:from, 'UTC') AND bucket < toDateTime(:to, 'UTC')")
                .bind("layer", layer.wireName()).bindCondition("area", AreaSql.in(area))
                .bind("from", ceilSeconds(from)).bind("to", ceilSeconds(to));
        return subject == null ? inRange : Sql.all(List.of(inRange, Sql.of("subject = :subject").bind("subject", subject)));
    }

    /** Buckets start on whole seconds, so rounding a bound up keeps >= and < exact. */
    private static long ceilSeconds(Instant instant) {
        return instant.getNano() == 0 ? instant.getEpochSecond() : instant.getEpochSecond() + 1;
    }
}
