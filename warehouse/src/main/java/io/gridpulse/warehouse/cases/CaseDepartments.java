package io.gridpulse.warehouse.cases;

import io.gridpulse.model.alerts.Alert;
import io.gridpulse.model.alerts.AlertKind;
import io.gridpulse.model.area.AreaCode;
import io.gridpulse.warehouse.ClickHouse;
import io.gridpulse.warehouse.Warehouse;
import io.gridpulse.warehouse.area.AreaSql;
import io.gridpulse.warehouse.layers.AlertMarker;
import io.gridpulse.warehouse.layers.MapLayerQueries;
import io.gridpulse.warehouse.sql.Sql;

import java.util.List;

/**
 * Which department a demand case, and so each of its alerts, belongs to: the department of the case's
 * latest {@code demand.assigned} event. A reassigned case takes its alerts along, old and new.
 *
 * <p>An alert that is not about a demand case (a device's SOS, offline or battery alert, a household's
 * visit clock, a hall ticket, a plaque) belongs to no department: no policy names a department for
 * those clocks, they are answered by the area's watchers, so a department head sees none of them. A case
 * not yet assigned belongs to no department either.
 *
 * <p>The lookup reads the {@code demand.assigned} rows of {@code gridpulse.case_events} (the narrow copy of the
 * demand steps, V017, with the department as a column) of the cases that have alerts, by the bloom-indexed
 * {@code case_id} column and the {@code kind} of the sort key: no payload is parsed and the 10 M-row events
 * table is not read at all.
 */
public final class CaseDepartments {
    private final ClickHouse clickHouse;

    public CaseDepartments(Warehouse warehouse) {
        this.clickHouse = warehouse.clickHouse();
    }

    /**
     * A SQL condition on the alerts table's columns that keeps the alerts about demand cases last assigned to
     * {@code department}. {@code area} (null for none) bounds the lookup to the events and alerts of an area:
     * pass the area the alerts are read in.
     */
    public static Sql alertCondition(String department, AreaCode area) {
        return Sql.of("case_id != '' AND NOT startsWith(kind, 'device_')"
                        + " AND NOT arrayExists(p -> startsWith(policy_id, p), :notCases)"
                        + " AND case_id IN (SELECT case_id FROM gridpulse.case_events WHERE :within AND kind = 'demand.assigned'"
                        + " AND case_id IN (SELECT case_id FROM gridpulse.alerts WHERE :within AND case_id != '')"
                        + " GROUP BY case_id HAVING argMax(department, occurred_at) = :department)")
                .bindStrings("notCases", List.copyOf(Alert.NOT_CASE_POLICIES))
                .bindCondition("within", area == null ? Sql.of("1") : AreaSql.in(area))
                .bind("department", department);
    }

    /** The department the case was last assigned to inside the scope; empty when it was never assigned there. */
    public String departmentOf(String caseId, AreaCode scope) {
        if (caseId == null || caseId.isEmpty()) {
            return "";
        }
        var found = clickHouse.query(Sql.of("SELECT argMax(department, occurred_at) AS d FROM gridpulse.case_events"
                        + " WHERE :scope AND case_id = :caseId AND kind = 'demand.assigned'")
                .bindCondition("scope", AreaSql.in(scope)).bind("caseId", caseId), row -> row.text("d"));
        return found.isEmpty() ? "" : found.getFirst();
    }

    /** Whether the alert is about a demand case that was last assigned to {@code department} inside the scope. */
    public boolean belongsTo(Alert alert, AreaCode scope, String department) {
        return department != null && !department.isBlank() && alert.isAboutDemandCase()
                && department.strip().equals(departmentOf(alert.caseId(), scope));
    }

    /**
     * Open alerts of the given kinds in the area about the department's cases, newest first, at most {@code limit}:
     * the map's breach layer and the wall's pulses as a department sees them.
     */
    public List<AlertMarker> openAlerts(AreaCode area, String department, List<AlertKind> kinds, int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("a limit must be positive, got " + limit);
        }
        if (kinds.isEmpty()) {
            return List.of();
        }
        return clickHouse.query(Sql.of("SELECT " + MapLayerQueries.MARKER_COLUMNS + " FROM gridpulse.alerts FINAL"
                        + " WHERE :area AND status = 'open' AND has(:kinds, kind) AND :department"
                        + " ORDER BY raised_at DESC, alert_id LIMIT :limit")
                .bindCondition("area", AreaSql.in(area))
                .bindStrings("kinds", kinds.stream().map(AlertKind::wireName).toList())
                .bindCondition("department", alertCondition(department, area))
                .bind("limit", limit), MapLayerQueries::marker);
    }
}
