package io.gridpulse.warehouse.actions;

import io.gridpulse.warehouse.ClickHouse;
import io.gridpulse.warehouse.SqlLiteral;
import io.gridpulse.warehouse.Warehouse;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The alert_actions table: recording what people did about alerts, and reading an alert's history. */
public final class AlertActions {
    private static final String COLUMNS = "action_id, alert_id, action, actor, assignee, comment, at, county_code,"
            + " street_code, community_code, grid_code";
    private final ClickHouse clickHouse;

    public AlertActions(Warehouse warehouse) {
        this.clickHouse = warehouse.clickHouse();
    }

    public void record(AlertAction a) {
        var sql = new StringBuilder(256).append("INSERT INTO gridpulse.alert_actions (").append(COLUMNS).append(") ")
                .append(Warehouse.SYNCHRONOUS_INSERT).append(" VALUES (");
        for (var text : List.of(a.actionId(), a.alertId(), a.action(), a.actor(), a.assignee(), a.comment())) {
            SqlLiteral.appendString(sql, text).append(", ");
        }
        sql.append(SqlLiteral.dateTime64(a.at())).append(", ");
        SqlLiteral.appendString(sql, a.countyCode()).append(", ");
        SqlLiteral.appendString(sql, a.streetCode()).append(", ");
        SqlLiteral.appendString(sql, a.communityCode()).append(", ");
        SqlLiteral.appendString(sql, a.gridCode()).append(')');
        clickHouse.execute(sql.toString());
    }

    /** Everything done about one alert, oldest first. */
    public List<AlertAction> history(String alertId) {
        return clickHouse.query("SELECT " + COLUMNS + ", toUnixTimestamp64Milli(at) AS at_ms FROM gridpulse.alert_actions FINAL WHERE alert_id = "
                + SqlLiteral.string(alertId) + " ORDER BY at, action_id").stream().map(AlertActions::action).toList();
    }

    /** Everything done about these alerts, oldest first (ties by action id). */
    public List<AlertAction> historyOf(java.util.Collection<String> alertIds) {
        if (alertIds.isEmpty()) {
            return List.of();
        }
        return clickHouse.query("SELECT " + COLUMNS + ", toUnixTimestamp64Milli(at) AS at_ms FROM gridpulse.alert_actions FINAL"
                + " WHERE alert_id IN (" + inList(alertIds) + ") ORDER BY at, action_id").stream().map(AlertActions::action).toList();
    }

    /** Where people stand with each of these alerts; an alert nobody touched is absent. */
    public Map<String, AlertHandling> handling(java.util.Collection<String> alertIds) {
        return AlertHandling.fold(historyOf(alertIds));
    }

    /**
     * Open alerts inside the area that nobody has acknowledged yet: the unread count of the header.
     * Withdrawn alerts (cleared the instant they were raised) are not open and do not count.
     */
    public long unacknowledgedOpen(io.gridpulse.model.area.AreaCode area) {
        return unacknowledgedOpen(area, null);
    }

    /**
     * {@link #unacknowledgedOpen(io.gridpulse.model.area.AreaCode)} of a department's alerts only (those about the
     * cases last assigned to it, see {@link io.gridpulse.warehouse.cases.CaseDepartments}); null for every alert.
     */
    public long unacknowledgedOpen(io.gridpulse.model.area.AreaCode area, String department) {
        return new io.gridpulse.warehouse.alerts.AlertStore(clickHouse).unhandledCount(area, department);
    }

    /**
     * Whom alerts and cases of the area are given to, most often first: earlier assignees of its alerts, and the first
     * receivers, lead units and handlers its demand cases name. The names a watcher picks from when assigning.
     */
    public List<String> assigneesWithin(io.gridpulse.model.area.AreaCode area, int limit) {
        var within = io.gridpulse.warehouse.area.AreaSql.in(area);
        return clickHouse.query(io.gridpulse.warehouse.sql.Sql.of("SELECT name, count() AS n FROM ("
                        + " SELECT assignee AS name FROM gridpulse.alert_actions WHERE :area AND action = 'assign'"
                        + " UNION ALL SELECT JSONExtractString(payload, 'firstReceiver') AS name FROM gridpulse.case_events"
                        + " WHERE :area AND kind = 'demand.assigned'"
                        + " UNION ALL SELECT JSONExtractString(payload, 'leadUnit') AS name FROM gridpulse.case_events"
                        + " WHERE :area AND kind = 'demand.assigned'"
                        + " UNION ALL SELECT JSONExtractString(payload, 'by') AS name FROM gridpulse.case_events"
                        + " WHERE :area AND kind IN ('demand.responded', 'demand.resolved', 'demand.closed'))"
                        + " WHERE name != '' GROUP BY name ORDER BY n DESC, name LIMIT :limit")
                .bindCondition("area", within).bind("limit", limit), row -> row.text("name"));
    }

    private static String inList(java.util.Collection<String> ids) {
        var in = new StringBuilder();
        for (var id : ids) {
            (in.isEmpty() ? in : in.append(", ")).append(SqlLiteral.string(id));
        }
        return in.toString();
    }

    /** The alerts among these that someone has acknowledged. */
    public java.util.Set<String> acknowledged(java.util.Collection<String> alertIds) {
        if (alertIds.isEmpty()) {
            return java.util.Set.of();
        }
        var out = new java.util.HashSet<String>();
        clickHouse.query("SELECT DISTINCT alert_id FROM gridpulse.alert_actions WHERE action = 'acknowledge' AND alert_id IN ("
                + inList(alertIds) + ")").forEach(row -> out.add((String) row.get("alert_id")));
        return out;
    }

    private static AlertAction action(Map<String, Object> row) {
        return new AlertAction((String) row.get("action_id"), (String) row.get("alert_id"), (String) row.get("action"),
                (String) row.get("actor"), (String) row.get("assignee"), (String) row.get("comment"),
                Instant.ofEpochMilli(((Number) row.get("at_ms")).longValue()), (String) row.get("county_code"), (String) row.get("street_code"),
                (String) row.get("community_code"), (String) row.get("grid_code"));
    }
}
