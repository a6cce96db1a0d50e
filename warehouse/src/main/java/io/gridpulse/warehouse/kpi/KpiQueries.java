package io.gridpulse.warehouse.kpi;

import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.kpi.Indicator;
import io.gridpulse.model.kpi.IndicatorValue;
import io.gridpulse.warehouse.Warehouse;
import io.gridpulse.warehouse.area.AreaSql;
import io.gridpulse.warehouse.satisfaction.SatisfactionIndex;
import io.gridpulse.warehouse.satisfaction.SatisfactionQueries;
import io.gridpulse.warehouse.sql.Row;
import io.gridpulse.warehouse.sql.Sql;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The twelve indicators of {@link Indicator} for an area and period, computed from the events (demand
 * cases from their narrow copy {@code case_events}), alerts and ratings tables. An indicator whose inputs are not collected yet comes back unmeasured
 * with the reason, never as a made-up number.
 */
public final class KpiQueries {
    /** A demand's first answer is due this long after it was raised (the 24-hour response rule). */
    static final Duration RESPONSE_LIMIT = Duration.ofHours(24);
    /** A device counts as online when its last report, saying online, is this recent. */
    static final Duration ONLINE_WITHIN = Duration.ofMinutes(15);
    /**
     * An alert cleared at the moment it was raised was withdrawn: a late upload showed the case had moved
     * on before it was due (the SLA engine rewrites such alerts), so no indicator counts it.
     */
    static final String NOT_WITHDRAWN = "NOT (status = 'cleared' AND cleared_at = raised_at)";

    /** An SOS must be acknowledged within 5 minutes (the emergency response of docs/domain.md §3), a breach within a day. */
    static final long SOS_ACK_SECONDS = 300;
    static final long BREACH_ACK_SECONDS = 86_400;
    /** Elderly people living alone are visited every week, left-behind children every month ({@code docs/domain.md} §3). */
    static final Duration ELDERLY_ALONE_EVERY = Duration.ofDays(7);
    static final Duration LEFT_BEHIND_CHILD_EVERY = Duration.ofDays(30);
    /** Demand events of a case up to this long before the period still count for its cases. */
    private static final Duration CASE_LOOKBACK = Duration.ofDays(60);
    private static final String ANSWERS = "('demand.responded', 'demand.resolved', 'demand.closed')";

    private final Warehouse warehouse;
    private final SatisfactionQueries satisfaction;

    public KpiQueries(Warehouse warehouse) {
        this.warehouse = warehouse;
        this.satisfaction = new SatisfactionQueries(warehouse);
    }

    /**
     * All twelve, in the order of {@link Indicator}.
     *
     * @param from the start of the period (inclusive)
     * @param to   the end of the period (exclusive)
     * @param now  the current time: demands are due, and devices online, as of the earlier of {@code to} and now
     */
    public List<IndicatorValue> indicators(AreaCode area, Instant from, Instant to, Instant now) {
        var asOf = to.isBefore(now) ? to : now;
        var out = new ArrayList<IndicatorValue>(Indicator.values().length);
        out.add(visitCoverage(area, from, to));
        out.add(priorityVisitCompliance(area, asOf));
        out.addAll(response(area, from, to, asOf));
        out.add(onTimeClosure(area, from, to));
        out.add(satisfactionIndex(area, from, to));
        out.add(IndicatorValue.unmeasured(Indicator.BAD_RATING_RECTIFICATION,
                "rectifications of bad ratings are not recorded as events yet"));
        out.add(localDisputeResolution(area, from, to));
        out.add(oneVisitCompletion(area, from, to));
        out.add(deviceOnline(area, asOf));
        out.add(alertHandling(area, from, to, asOf));
        out.add(repeatDemand(area, from, to));
        return out;
    }

    /** Registered households of the area visited at least once in the period. */
    IndicatorValue visitCoverage(AreaCode area, Instant from, Instant to) {
        var row = one(Sql.of("SELECT count() AS households, countIf(household_id IN :visited) AS visited"
                        + " FROM gridpulse.households FINAL WHERE :area")
                .bindCondition("visited", visitedHouseholds(area, from, to)).bindCondition("area", AreaSql.in(area)));
        return percent(Indicator.VISIT_COVERAGE, row.longValue("visited"), row.longValue("households"),
                "no household of this area is in the registry");
    }

    /**
     * The visit obligations of the priority groups as of {@code asOf}: each elderly-alone household
     * visited in the last 7 days, each left-behind-child household in the last 30 (a household in both
     * groups has both obligations).
     */
    IndicatorValue priorityVisitCompliance(AreaCode area, Instant asOf) {
        var row = one(Sql.of("SELECT countIf(has(groups, 'elderly_alone')) AS alone,"
                        + " countIf(has(groups, 'elderly_alone') AND household_id IN :aloneVisited) AS alone_visited,"
                        + " countIf(has(groups, 'left_behind_child')) AS children,"
                        + " countIf(has(groups, 'left_behind_child') AND household_id IN :childrenVisited) AS children_visited"
                        + " FROM gridpulse.households FINAL WHERE :area"
                        + " AND (has(groups, 'elderly_alone') OR has(groups, 'left_behind_child'))")
                .bindCondition("aloneVisited", visitedHouseholds(area, asOf.minus(ELDERLY_ALONE_EVERY), asOf))
                .bindCondition("childrenVisited", visitedHouseholds(area, asOf.minus(LEFT_BEHIND_CHILD_EVERY), asOf))
                .bindCondition("area", AreaSql.in(area)));
        return percent(Indicator.PRIORITY_VISIT_COMPLIANCE, row.longValue("alone_visited") + row.longValue("children_visited"),
                row.longValue("alone") + row.longValue("children"),
                "no elderly-alone or left-behind-child household of this area is in the registry");
    }

    private static Sql visitedHouseholds(AreaCode area, Instant from, Instant to) {
        return Sql.of("SELECT household_id FROM gridpulse.events WHERE :area AND kind = 'visit' AND :period")
                .bindCondition("area", AreaSql.in(area)).bindCondition("period", period(from, to));
    }

    /** Timely response rate and average response time, from each case's raising and first answer. */
    List<IndicatorValue> response(AreaCode area, Instant from, Instant to, Instant asOf) {
        var row = one(Sql.of("SELECT count() AS due,"
                        + " countIf(answers > 0 AND first_answer <= created + INTERVAL :limitSeconds SECOND) AS timely,"
                        + " countIf(answers > 0) AS answered,"
                        + " avgIf(dateDiff('second', created, first_answer), answers > 0) / 3600 AS mean_hours"
                        + " FROM (SELECT case_id,"
                        + " minIf(occurred_at, kind = 'demand.created') AS created,"
                        + " countIf(kind = 'demand.created') AS raised,"
                        + " minIf(occurred_at, kind IN " + ANSWERS + ") AS first_answer,"
                        + " countIf(kind IN " + ANSWERS + ") AS answers"
                        + " FROM gridpulse.case_events WHERE :area"
                        + " AND kind IN ('demand.created', 'demand.responded', 'demand.resolved', 'demand.closed')"
                        + " AND occurred_at >= :from AND occurred_at < :asOf"
                        + " GROUP BY case_id HAVING raised > 0)"
                        + " WHERE created >= :from AND created < :to"
                        // due: answered, or its 24 hours are over
                        + " AND (answers > 0 OR created + INTERVAL :limitSeconds SECOND <= :asOf)")
                .bind("limitSeconds", RESPONSE_LIMIT.toSeconds()).bindCondition("area", AreaSql.in(area))
                .bind("from", from).bind("to", to).bind("asOf", asOf));
        long due = row.longValue("due");
        long answered = row.longValue("answered");
        var timely = due == 0 ? IndicatorValue.unmeasured(Indicator.TIMELY_RESPONSE, "no demand fell due in the period")
                : IndicatorValue.measured(Indicator.TIMELY_RESPONSE, 100.0 * row.longValue("timely") / due, due);
        var mean = answered == 0 ? IndicatorValue.unmeasured(Indicator.AVERAGE_RESPONSE_HOURS, "no demand was answered in the period")
                : IndicatorValue.measured(Indicator.AVERAGE_RESPONSE_HOURS, row.doubleValue("mean_hours"), answered);
        return List.of(timely, mean);
    }

    /** Cases closed in the period whose closure or resolution deadline was never breached. */
    IndicatorValue onTimeClosure(AreaCode area, Instant from, Instant to) {
        var row = one(Sql.of("SELECT count() AS closed, countIf(case_id NOT IN (SELECT case_id FROM gridpulse.alerts"
                        + " FINAL WHERE kind = 'sla_breach' AND " + NOT_WITHDRAWN
                        + " AND (policy_id LIKE '%closed%' OR policy_id LIKE '%resolved%'))) AS on_time"
                        + " FROM (SELECT DISTINCT case_id FROM gridpulse.case_events"
                        + " WHERE :area AND kind = 'demand.closed' AND :period)")
                .bindCondition("area", AreaSql.in(area)).bindCondition("period", period(from, to)));
        long closed = row.longValue("closed");
        return percent(Indicator.ON_TIME_CLOSURE, row.longValue("on_time"), closed, "no case was closed in the period");
    }

    IndicatorValue satisfactionIndex(AreaCode area, Instant from, Instant to) {
        var overall = satisfaction.forArea(area, from, to, SatisfactionIndex.DEFAULT_PRIOR_WEIGHT).stream()
                .filter(s -> s.dimension().equals(SatisfactionIndex.OVERALL)).findFirst();
        return overall.filter(s -> s.n() > 0)
                .map(s -> IndicatorValue.measured(Indicator.SATISFACTION, s.index(), s.n()))
                .orElse(IndicatorValue.unmeasured(Indicator.SATISFACTION, "no rating in the period"));
    }

    /** Dispute cases closed in the period that were never escalated beyond the community. */
    IndicatorValue localDisputeResolution(AreaCode area, Instant from, Instant to) {
        var row = one(Sql.of("SELECT count() AS closed, countIf(escalated = 0) AS local FROM ("
                        + " SELECT case_id,"
                        + " countIf(kind = 'demand.escalated' AND to_level IN ('street', 'county', 'city')) AS escalated,"
                        + " countIf(kind = 'demand.created' AND demand_type = 'dispute_mediation') AS dispute,"
                        + " countIf(kind = 'demand.closed' AND occurred_at >= :from AND occurred_at < :to) AS closed_now"
                        + " FROM gridpulse.case_events WHERE :area"
                        + " AND kind IN ('demand.created', 'demand.escalated', 'demand.closed')"
                        + " AND occurred_at >= :lookback AND occurred_at < :to"
                        + " GROUP BY case_id HAVING dispute > 0 AND closed_now > 0)")
                .bind("from", from).bind("to", to).bindCondition("area", AreaSql.in(area))
                .bind("lookback", from.minus(CASE_LOOKBACK)));
        long closed = row.longValue("closed");
        return percent(Indicator.LOCAL_DISPUTE_RESOLUTION, row.longValue("local"), closed, "no dispute was closed in the period");
    }

    /** Hall tickets completed in the period in one visit, with the mean handling time in the note. */
    IndicatorValue oneVisitCompletion(AreaCode area, Instant from, Instant to) {
        var row = one(Sql.of("SELECT count() AS completed, countIf(one_visit) AS one_visit"
                        + " FROM gridpulse.events WHERE :area AND kind = 'ticket' AND ticket_stage = 'completed' AND :period")
                .bindCondition("area", AreaSql.in(area)).bindCondition("period", period(from, to)));
        long completed = row.longValue("completed");
        return percent(Indicator.ONE_VISIT_COMPLETION, row.longValue("one_visit"), completed,
                "no hall ticket was completed in the period");
    }

    /** Devices that reported in the day before {@code asOf} whose last report is recent and says online. */
    IndicatorValue deviceOnline(AreaCode area, Instant asOf) {
        var row = one(Sql.of("SELECT count() AS devices, countIf(status = 'online' AND last >= :onlineSince) AS online FROM ("
                        + " SELECT device_id AS device, max(occurred_at) AS last,"
                        + " argMax(device_status, occurred_at) AS status"
                        + " FROM gridpulse.events WHERE :area AND kind = 'telemetry'"
                        + " AND occurred_at >= :reportedSince AND occurred_at < :asOf GROUP BY device)")
                .bind("onlineSince", asOf.minus(ONLINE_WITHIN)).bindCondition("area", AreaSql.in(area))
                .bind("reportedSince", asOf.minus(Duration.ofDays(1))).bind("asOf", asOf));
        long devices = row.longValue("devices");
        return percent(Indicator.DEVICE_ONLINE, row.longValue("online"), devices, "no device reported in the last day");
    }

    /**
     * SOS and breach alerts raised in the period that were due for acknowledgement by {@code asOf} (or
     * acknowledged), acknowledged within their limit: {@value #SOS_ACK_SECONDS} s for an SOS,
     * {@value #BREACH_ACK_SECONDS} s for an SLA breach.
     */
    IndicatorValue alertHandling(AreaCode area, Instant from, Instant to, Instant asOf) {
        var limit = "toIntervalSecond(if(alert_kind = 'device_sos', :sosSeconds, :breachSeconds))";
        var row = one(Sql.of("SELECT count() AS due, countIf(acks > 0 AND first_ack <= first_raised + " + limit + ") AS timely FROM ("
                        + " SELECT alert_id, any(kind) AS alert_kind, min(raised_at) AS first_raised FROM gridpulse.alerts FINAL"
                        + " WHERE :area AND kind IN ('device_sos', 'sla_breach') AND " + NOT_WITHDRAWN
                        + " AND raised_at >= :from AND raised_at < :to"
                        + " GROUP BY alert_id) AS a LEFT JOIN ("
                        + " SELECT alert_id, min(at) AS first_ack, count() AS acks FROM gridpulse.alert_actions"
                        + " WHERE action = 'acknowledge' GROUP BY alert_id) AS k USING (alert_id)"
                        + " WHERE acks > 0 OR first_raised + " + limit + " <= :asOf")
                .bind("sosSeconds", SOS_ACK_SECONDS).bind("breachSeconds", BREACH_ACK_SECONDS)
                .bindCondition("area", AreaSql.in(area)).bind("from", from).bind("to", to).bind("asOf", asOf));
        return percent(Indicator.ALERT_HANDLING, row.longValue("timely"), row.longValue("due"),
                "no SOS or breach alert fell due for acknowledgement in the period");
    }

    /** Cases reopened in the period per case closed in it. */
    IndicatorValue repeatDemand(AreaCode area, Instant from, Instant to) {
        var row = one(Sql.of("SELECT uniqExactIf(case_id, kind = 'demand.closed') AS closed,"
                        + " uniqExactIf(case_id, kind = 'demand.reopened') AS reopened"
                        + " FROM gridpulse.case_events WHERE :area AND kind IN ('demand.closed', 'demand.reopened') AND :period")
                .bindCondition("area", AreaSql.in(area)).bindCondition("period", period(from, to)));
        long closed = row.longValue("closed");
        return percent(Indicator.REPEAT_DEMAND, row.longValue("reopened"), closed, "no case was closed in the period");
    }

    /** {@code part} of {@code whole} in percent, or unmeasured with the reason when the whole is empty. */
    private static IndicatorValue percent(Indicator indicator, long part, long whole, String whyEmpty) {
        return whole == 0 ? IndicatorValue.unmeasured(indicator, whyEmpty)
                : IndicatorValue.measured(indicator, 100.0 * part / whole, whole);
    }

    /** The condition that keeps rows that occurred during {@code [from, to)}. */
    private static Sql period(Instant from, Instant to) {
        return Sql.of("occurred_at >= :from AND occurred_at < :to").bind("from", from).bind("to", to);
    }

    /** The one row of an aggregate without GROUP BY. */
    private Row one(Sql sql) {
        return warehouse.clickHouse().query(sql, row -> row).getFirst();
    }
}
