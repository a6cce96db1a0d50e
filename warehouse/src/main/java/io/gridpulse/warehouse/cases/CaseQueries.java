package io.gridpulse.warehouse.cases;

import io.gridpulse.warehouse.Warehouse;
import io.gridpulse.warehouse.area.AreaSql;
import io.gridpulse.warehouse.sql.Row;
import io.gridpulse.warehouse.sql.Sql;

import java.util.ArrayList;
import java.util.List;

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
        var sql = Sql.of("SELECT c.case_id AS case_id, toUnixTimestamp64Milli(c.created) AS created_ms,"
                        + " c.grid AS grid, c.street AS street, c.demand_type AS demand_type, c.demand_class AS demand_class,"
                        + " c.channel AS channel, c.description AS description, c.latest_kind AS latest_kind,"
                        + " toUnixTimestamp64Milli(c.latest) AS latest_ms,"
                        + " if(c.answers > 0, toUnixTimestamp64Milli(c.first_answer), NULL) AS first_answer_ms,"
                        + " if(c.closes > 0 AND c.last_closed > c.last_reopened, toUnixTimestamp64Milli(c.last_closed), NULL) AS closed_ms,"
                        // a case without breaches has no row to join: 0, whatever join_use_nulls says
                        + " ifNull(b.breaches, 0) AS open_breaches, c.department AS department"
                        + " FROM :folded AS c LEFT JOIN (SELECT case_id, count() AS breaches"
                        + " FROM gridpulse.alerts FINAL WHERE :area"
                        + " AND kind = 'sla_breach' AND status = 'open' AND " + NOT_WITHDRAWN
                        + " GROUP BY case_id) AS b ON b.case_id = c.case_id"
                        + " ORDER BY c.created DESC, c.case_id LIMIT :limit")
                .bindCondition("folded", folded(filter)).bindCondition("area", AreaSql.in(filter.area()))
                .bind("limit", filter.limit());
        return warehouse.clickHouse().query(sql, CaseQueries::row);
    }

    /**
     * How many cases the filter keeps, whatever its limit: the "n cases" beside a list that shows only the newest.
     */
    public long count(CaseFilter filter) {
        return warehouse.clickHouse().count(Sql.of("SELECT count() AS n FROM :folded").bindCondition("folded", folded(filter)));
    }

    /** One row per case the filter keeps (without its breaches and unordered), folded from its demand steps. */
    private static Sql folded(CaseFilter filter) {
        var within = AreaSql.in(filter.area());
        // a case's later steps come after its creation, so nothing before the period belongs to its cases
        var where = new ArrayList<>(List.of(within, Sql.of("kind IN " + KINDS), Sql.of("occurred_at >= :from")
                .bind("from", filter.from())));
        if (filter.alerting() != CaseFilter.Alerting.EVERY_CASE) {
            // the cases with an alert open now, read first from the small alerts table; the case_id bloom index
            // then skips the granules of every other case
            where.add(Sql.of("case_id IN (SELECT case_id FROM gridpulse.alerts FINAL WHERE :area"
                    + " AND status = 'open' AND case_id != ''"
                    + (filter.alerting() == CaseFilter.Alerting.OPEN_BREACH ? " AND kind = 'sla_breach'" : "") + ")")
                    .bindCondition("area", within));
        }
        var having = new ArrayList<>(List.of(Sql.of("raised > 0 AND case_id != '' AND created >= :from AND created < :to")
                .bind("from", filter.from()).bind("to", filter.to())));
        if (filter.demandType() != null) {
            having.add(Sql.of("demand_type = :demandType").bind("demandType", filter.demandType()));
        }
        if (filter.department() != null) {
            having.add(Sql.of("department = :department").bind("department", filter.department()));
        }
        if (filter.populationGroup() != null) {
            having.add(Sql.of("has(raised_groups, :group)").bind("group", filter.populationGroup()));
        }
        if (filter.search() != null) {
            having.add(Sql.of("positionCaseInsensitiveUTF8(case_id, :text) > 0"
                    + " OR positionCaseInsensitiveUTF8(description, :text) > 0").bind("text", filter.search()));
        }
        return Sql.of("SELECT case_id,"
                        + " countIf(kind = 'demand.created') AS raised,"
                        + " minIf(occurred_at, kind = 'demand.created') AS created,"
                        + " argMinIf(grid_code, occurred_at, kind = 'demand.created') AS grid,"
                        + " argMinIf(street_code, occurred_at, kind = 'demand.created') AS street,"
                        + " argMaxIf(JSONExtractString(payload, 'demandType'), occurred_at, JSONExtractString(payload, 'demandType') != '') AS demand_type,"
                        + " argMaxIf(JSONExtractString(payload, 'demandClass'), occurred_at, JSONExtractString(payload, 'demandClass') != '') AS demand_class,"
                        + " argMinIf(JSONExtractString(payload, 'channel'), occurred_at, JSONExtractString(payload, 'channel') != '') AS channel,"
                        + " argMinIf(JSONExtractString(payload, 'description'), occurred_at, JSONExtractString(payload, 'description') != '') AS description,"
                        + " argMaxIf(JSONExtractString(payload, 'department'), occurred_at, kind = 'demand.assigned') AS department,"
                        // the groups of the resident who raised the case, as the stream jobs found them in the registry
                        + " argMinIf(population_groups, occurred_at, kind = 'demand.created') AS raised_groups,"
                        + " argMax(kind, occurred_at) AS latest_kind, max(occurred_at) AS latest,"
                        + " minIf(occurred_at, kind IN " + ANSWERS + ") AS first_answer,"
                        + " countIf(kind IN " + ANSWERS + ") AS answers,"
                        + " countIf(kind = 'demand.closed') AS closes,"
                        + " maxIf(occurred_at, kind = 'demand.closed') AS last_closed,"
                        + " maxIf(occurred_at, kind = 'demand.reopened') AS last_reopened"
                        // the narrow copy of the demand steps (V017, with the groups since V019): the same rows as the events
                        // with a case id, without the device reports among which they lie scattered
                        + " FROM gridpulse.case_events WHERE :where GROUP BY case_id HAVING :having")
                .bindCondition("where", Sql.all(where)).bindCondition("having", Sql.all(having));
    }

    private static CaseRow row(Row r) {
        var kind = r.text("latest_kind");
        return new CaseRow(r.text("case_id"), r.instantFromMillis("created_ms"), r.text("grid"), r.text("street"),
                r.text("demand_type"), r.text("demand_class"), r.text("channel"), r.text("description"),
                kind.startsWith("demand.") ? kind.substring("demand.".length()) : kind, r.instantFromMillis("latest_ms"),
                r.instantFromMillis("first_answer_ms"), r.instantFromMillis("closed_ms"), r.longValue("open_breaches"),
                r.text("department"));
    }
}
