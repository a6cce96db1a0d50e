package io.gridpulse.warehouse.satisfaction;

import io.gridpulse.model.area.AreaCode;
import io.gridpulse.warehouse.ClickHouse;
import io.gridpulse.warehouse.SqlLiteral;
import io.gridpulse.warehouse.Warehouse;
import io.gridpulse.warehouse.area.AreaSql;
import io.gridpulse.warehouse.sql.Row;
import io.gridpulse.warehouse.sql.Sql;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes feedback ratings and computes satisfaction indices from them ({@link SatisfactionIndex}).
 * The index is computed when read rather than stored: the period, the level and the prior weight
 * are the reader's choice, and ratings are few enough (thousands a day) to aggregate in milliseconds.
 */
public final class SatisfactionQueries {
    private static final String COLUMNS = "event_id, rated_at, county_code, street_code, community_code, grid_code,"
            + " channel, target_type, score, transparency, convenience, efficiency";
    private static final String AGGREGATES = "count() AS n_overall, avgOrNull(score) AS mean_overall,"
            + " count(transparency) AS n_transparency, avgOrNull(transparency) AS mean_transparency,"
            + " count(convenience) AS n_convenience, avgOrNull(convenience) AS mean_convenience,"
            + " count(efficiency) AS n_efficiency, avgOrNull(efficiency) AS mean_efficiency";

    private final ClickHouse clickHouse;

    public SatisfactionQueries(Warehouse warehouse) {
        this.clickHouse = warehouse.clickHouse();
    }

    /** Writes ratings in one INSERT; a rating written again (same event id) is counted once. */
    public void insert(List<RatingRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        // thousands of VALUES tuples: written with SqlLiteral, as named parameters would need a name per value
        var sql = new StringBuilder(64 + rows.size() * 200).append("INSERT INTO gridpulse.ratings (")
                .append(COLUMNS).append(") ").append(Warehouse.SYNCHRONOUS_INSERT).append(" VALUES ");
        for (int i = 0; i < rows.size(); i++) {
            var row = rows.get(i);
            sql.append(i == 0 ? "(" : ",\n(");
            SqlLiteral.appendString(sql, row.eventId()).append(", ");
            sql.append(SqlLiteral.dateTime64(row.ratedAt())).append(", ");
            SqlLiteral.appendString(sql, row.countyCode()).append(", ");
            SqlLiteral.appendString(sql, row.streetCode()).append(", ");
            SqlLiteral.appendString(sql, row.communityCode()).append(", ");
            SqlLiteral.appendString(sql, row.gridCode()).append(", ");
            SqlLiteral.appendString(sql, row.channel()).append(", ");
            SqlLiteral.appendString(sql, row.targetType()).append(", ");
            sql.append(row.score()).append(", ");
            sql.append(SqlLiteral.nullableDouble(row.transparency())).append(", ");
            sql.append(SqlLiteral.nullableDouble(row.convenience())).append(", ");
            sql.append(SqlLiteral.nullableDouble(row.efficiency())).append(')');
        }
        clickHouse.execute(sql.toString());
    }

    /**
     * The indices of the children of {@code parent} (streets of a county, communities of a street ...)
     * for ratings given in {@code [from, to)}, each shrunk toward the parent's mean of the same
     * dimension with prior weight {@code m}; by child code, then in the order of
     * {@link SatisfactionIndex#DIMENSIONS}. A child or dimension without ratings has no index.
     */
    public List<SatisfactionIndex> byChildArea(AreaCode parent, Instant from, Instant to, int m) {
        var parentMeans = means(aggregate(parent, from, to));
        var child = AreaSql.childColumn(parent.level());
        var out = new ArrayList<SatisfactionIndex>();
        for (var row : query(parent, from, to, child)) {
            out.addAll(indices(row.text("code"), row, parentMeans, m));
        }
        return out;
    }

    /**
     * The indices of one area for ratings given in {@code [from, to)}, shrunk toward its parent area's
     * means (toward its own when it has no parent), in the order of {@link SatisfactionIndex#DIMENSIONS}.
     */
    public List<SatisfactionIndex> forArea(AreaCode area, Instant from, Instant to, int m) {
        var own = aggregate(area, from, to);
        var parentMeans = means(area.parent().map(p -> aggregate(p, from, to)).orElse(own));
        return indices(area.value(), own, parentMeans, m);
    }

    /** The ratings of the area in the period, aggregated into one row (an aggregate without GROUP BY always has one). */
    private Row aggregate(AreaCode area, Instant from, Instant to) {
        return query(area, from, to, null).getFirst();
    }

    /** The aggregates of the area's ratings in the period, in one row, or one row per {@code groupBy} code when given. */
    private List<Row> query(AreaCode area, Instant from, Instant to, String groupBy) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("a period needs from before to, got " + from + " and " + to);
        }
        var sql = groupBy == null
                ? Sql.of("SELECT " + AGGREGATES + " FROM gridpulse.ratings FINAL WHERE :where")
                : Sql.of("SELECT " + groupBy + " AS code, " + AGGREGATES + " FROM gridpulse.ratings FINAL WHERE :where"
                        + " GROUP BY code ORDER BY code");
        return clickHouse.query(sql.bindCondition("where", Sql.of(":area AND rated_at >= :from AND rated_at < :to")
                .bindCondition("area", AreaSql.in(area)).bind("from", from).bind("to", to)), row -> row);
    }

    private static Map<String, Double> means(Row row) {
        var means = new LinkedHashMap<String, Double>();
        for (var dimension : SatisfactionIndex.DIMENSIONS) {
            var mean = row.nullableDouble("mean_" + dimension);
            if (mean != null && count(row, dimension) > 0) {
                means.put(dimension, mean);
            }
        }
        return means;
    }

    private static List<SatisfactionIndex> indices(String code, Row row, Map<String, Double> parentMeans, int m) {
        var out = new ArrayList<SatisfactionIndex>();
        for (var dimension : SatisfactionIndex.DIMENSIONS) {
            long n = count(row, dimension);
            var parentMean = parentMeans.get(dimension);
            var mean = row.nullableDouble("mean_" + dimension);
            if (n == 0 || parentMean == null || mean == null) {
                continue;
            }
            out.add(new SatisfactionIndex(code, dimension, n, mean, parentMean,
                    SatisfactionIndex.shrunk(n, mean, parentMean, m)));
        }
        return out;
    }

    private static long count(Row row, String dimension) {
        return row.longValue("n_" + dimension);
    }
}
