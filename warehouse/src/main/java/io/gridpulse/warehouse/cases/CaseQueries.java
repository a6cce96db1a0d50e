package io.gridpulse.warehouse.cases;

import io.gridpulse.warehouse.SqlLiteral;
import io.gridpulse.warehouse.Warehouse;
import io.gridpulse.warehouse.area.AreaSql;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The case list: one row per demand case raised inside an area and period, folded from the
 * {@code demand.*} events, with its open SLA breaches from the alerts table. A filter may keep only the
 * cases with an alert or a breach open now ({@link CaseFilter.Alerting}): the cases behind the map's alert figures.
 * The steps are read from {@code gridpulse.case_events}, the copy of the events of demand cases.
 */
public final class CaseQueries {
    private static final String KINDS = "('demand.created', 'demand.classified', 'demand.assigned', 'demand.responded',"
            + " 'demand.resolved', 'demand.closed', 'demand.reopened', 'demand.escalated')";
    private static final String ANSWERS = "('demand.responded', 'demand.resolved', 'demand.closed')";
    /** As in the indicators: an alert cleared at the instant it was raised was withdrawn and counts nowhere. */
    private static final String NOT_WITHDRAWN = "NOT (status = 'cleared' AND cleared_at = raised_at)";

    private final Warehouse warehouse;

    public CaseQueries(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    /** The cases the filter keeps, newest first (ties by case id), at most {@link CaseFilter#limit()}. */
    public List<CaseRow> cases(CaseFilter filter) {
        var within = AreaSql.within(filter.area());
        var sql = new StringBuilder()
                .append("SELECT c.case_id AS case_id, toUnixTimestamp64Milli(c.created) AS created_ms,")
                .append(" c.grid AS grid, c.street AS street, c.demand_type AS demand_type, c.demand_class AS demand_class,")
                .append(" c.channel AS channel, c.description AS description, c.latest_kind AS latest_kind,")
                .append(" toUnixTimestamp64Milli(c.latest) AS latest_ms,")
                .append(" if(c.answers > 0, toUnixTimestamp64Milli(c.first_answer), NULL) AS first_answer_ms,")
                .append(" if(c.closes > 0 AND c.last_closed > c.last_reopened, toUnixTimestamp64Milli(c.last_closed), NULL) AS closed_ms,")
                .append(" b.breaches AS open_breaches, c.department AS department")
                .append(" FROM (").append(folded(filter)).append(") AS c LEFT JOIN (SELECT case_id, count() AS breaches")
                .append(" FROM gridpulse.alerts FINAL WHERE ").append(within)
                .append(" AND kind = 'sla_breach' AND status = 'open' AND ").append(NOT_WITHDRAWN)
                .append(" GROUP BY case_id) AS b ON b.case_id = c.case_id")
                .append(" ORDER BY c.created DESC, c.case_id LIMIT ").append(filter.limit());
        return warehouse.clickHouse().query(sql.toString()).stream().map(CaseQueries::row).toList();
    }

    /**
     * How many cases the filter keeps, whatever its limit: the "n cases" beside a list that shows only the newest.
     */
    public long count(CaseFilter filter) {
        var rows = warehouse.clickHouse().query("SELECT count() AS n FROM (" + folded(filter) + ")");
        return ((Number) rows.getFirst().get("n")).longValue();
    }

    /** One row per case the filter keeps (without its breaches and unordered), folded from its demand steps. */
    private static String folded(CaseFilter filter) {
        var within = AreaSql.within(filter.area());
        var sql = new StringBuilder()
                .append("SELECT case_id,")
                .append(" countIf(kind = 'demand.created') AS raised,")
                .append(" minIf(occurred_at, kind = 'demand.created') AS created,")
                .append(" argMinIf(grid_code, occurred_at, kind = 'demand.created') AS grid,")
                .append(" argMinIf(street_code, occurred_at, kind = 'demand.created') AS street,")
                .append(" argMaxIf(JSONExtractString(payload, 'demandType'), occurred_at, JSONExtractString(payload, 'demandType') != '') AS demand_type,")
                .append(" argMaxIf(JSONExtractString(payload, 'demandClass'), occurred_at, JSONExtractString(payload, 'demandClass') != '') AS demand_class,")
                .append(" argMinIf(JSONExtractString(payload, 'channel'), occurred_at, JSONExtractString(payload, 'channel') != '') AS channel,")
                .append(" argMinIf(JSONExtractString(payload, 'description'), occurred_at, JSONExtractString(payload, 'description') != '') AS description,")
                .append(" argMaxIf(JSONExtractString(payload, 'department'), occurred_at, kind = 'demand.assigned') AS department,")
                // the groups of the resident who raised the case, as the stream jobs found them in the registry
                .append(" argMinIf(population_groups, occurred_at, kind = 'demand.created') AS raised_groups,")
                .append(" argMax(kind, occurred_at) AS latest_kind, max(occurred_at) AS latest,")
                .append(" minIf(occurred_at, kind IN ").append(ANSWERS).append(") AS first_answer,")
                .append(" countIf(kind IN ").append(ANSWERS).append(") AS answers,")
                .append(" countIf(kind = 'demand.closed') AS closes,")
                .append(" maxIf(occurred_at, kind = 'demand.closed') AS last_closed,")
                .append(" maxIf(occurred_at, kind = 'demand.reopened') AS last_reopened")
                // the narrow copy of the demand steps (V017, with the groups since V019): the same rows as the events
                // with a case id, without the device reports among which they lie scattered
                .append(" FROM gridpulse.case_events WHERE ").append(within)
                .append(" AND kind IN ").append(KINDS)
                // a case's later steps come after its creation, so nothing before the period belongs to its cases
                .append(" AND occurred_at >= ").append(SqlLiteral.dateTime64(filter.from()));
        if (filter.alerting() != CaseFilter.Alerting.EVERY_CASE) {
            // the cases with an alert open now, read first from the small alerts table; the case_id bloom index
            // then skips the granules of every other case
            sql.append(" AND case_id IN (SELECT case_id FROM gridpulse.alerts FINAL WHERE ").append(within)
                    .append(" AND status = 'open' AND case_id != ''")
                    .append(filter.alerting() == CaseFilter.Alerting.OPEN_BREACH ? " AND kind = 'sla_breach'" : "")
                    .append(")");
        }
        sql.append(" GROUP BY case_id HAVING raised > 0 AND case_id != ''")
                .append(" AND created >= ").append(SqlLiteral.dateTime64(filter.from()))
                .append(" AND created < ").append(SqlLiteral.dateTime64(filter.to()));
        if (filter.demandType() != null) {
            sql.append(" AND demand_type = ").append(SqlLiteral.string(filter.demandType()));
        }
        if (filter.department() != null) {
            sql.append(" AND department = ").append(SqlLiteral.string(filter.department()));
        }
        if (filter.populationGroup() != null) {
            sql.append(" AND has(raised_groups, ").append(SqlLiteral.string(filter.populationGroup())).append(")");
        }
        if (filter.search() != null) {
            var text = SqlLiteral.string(filter.search());
            sql.append(" AND (positionCaseInsensitiveUTF8(case_id, ").append(text).append(") > 0")
                    .append(" OR positionCaseInsensitiveUTF8(description, ").append(text).append(") > 0)");
        }
        return sql.toString();
    }

    private static CaseRow row(Map<String, Object> r) {
        var kind = text(r, "latest_kind");
        return new CaseRow(text(r, "case_id"), instant(r, "created_ms"), text(r, "grid"), text(r, "street"),
                text(r, "demand_type"), text(r, "demand_class"), text(r, "channel"), text(r, "description"),
                kind.startsWith("demand.") ? kind.substring("demand.".length()) : kind, instant(r, "latest_ms"),
                instant(r, "first_answer_ms"), instant(r, "closed_ms"),
                r.get("open_breaches") == null ? 0 : ((Number) r.get("open_breaches")).longValue(), text(r, "department"));
    }

    private static String text(Map<String, Object> r, String column) {
        var v = r.get(column);
        return v == null ? "" : v.toString();
    }

    private static Instant instant(Map<String, Object> r, String column) {
        var v = r.get(column);
        return v == null ? null : Instant.ofEpochMilli(((Number) v).longValue());
    }
}
