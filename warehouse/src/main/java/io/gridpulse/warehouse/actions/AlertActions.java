package io.gridpulse.warehouse.actions;

import io.gridpulse.warehouse.ClickHouse;
import io.gridpulse.warehouse.Warehouse;
import io.gridpulse.warehouse.sql.Row;
import io.gridpulse.warehouse.sql.Sql;

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
        clickHouse.execute(Sql.of("INSERT INTO gridpulse.alert_actions (" + COLUMNS + ") " + Warehouse.SYNCHRONOUS_INSERT
                        + " VALUES (:id, :alert, :action, :actor, :assignee, :comment, :at, :county, :street, :community, :grid)")
                .bind("id", a.actionId()).bind("alert", a.alertId()).bind("action", a.action()).bind("actor", a.actor())
                .bind("assignee", a.assignee()).bind("comment", a.comment()).bind("at", a.at())
                .bind("county", a.countyCode()).bind("street", a.streetCode()).bind("community", a.communityCode())
                .bind("grid", a.gridCode()));
    }

    /** Everything done about one alert, oldest first. */
    public List<AlertAction> history(String alertId) {
        return historyOf(List.of(alertId));
    }

    /** Everything done about these alerts, oldest first (ties by action id). */
    public List<AlertAction> historyOf(java.util.Collection<String> alertIds) {
        if (alertIds.isEmpty()) {
            return List.of();
        }
        return clickHouse.query(Sql.of("SELECT " + COLUMNS + ", toUnixTimestamp64Milli(at) AS at_ms"
                        + " FROM gridpulse.alert_actions FINAL WHERE has(:ids, alert_id) ORDER BY at, action_id")
                .bindStrings("ids", alertIds), AlertActions::action);
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
        return clickHouse.query(Sql.of("SELECT name, count() AS n FROM ("
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

    /** The alerts among these that someone has acknowledged. */
    public java.util.Set<String> acknowledged(java.util.Collection<String> alertIds) {
        if (alertIds.isEmpty()) {
            return java.util.Set.of();
        }
        return java.util.Set.copyOf(clickHouse.query(Sql.of("SELECT DISTINCT alert_id FROM gridpulse.alert_actions"
                + " WHERE action = 'acknowledge' AND has(:ids, alert_id)").bindStrings("ids", alertIds), row -> row.text("alert_id")));
    }

    private static AlertAction action(Row row) {
        return new AlertAction(row.text("action_id"), row.text("alert_id"), row.text("action"), row.text("actor"),
                row.text("assignee"), row.text("comment"), row.instantFromMillis("at_ms"), row.text("county_code"),
                row.text("street_code"), row.text("community_code"), row.text("grid_code"));
    }
}
