package io.gridpulse.warehouse.cases;

import io.gridpulse.model.area.AreaCode;
import io.gridpulse.warehouse.EventRow;
import io.gridpulse.warehouse.Warehouse;
import io.gridpulse.warehouse.actions.AlertActions;
import io.gridpulse.warehouse.alerts.AlertFilter;
import io.gridpulse.warehouse.area.AreaSql;
import io.gridpulse.warehouse.sql.Row;
import io.gridpulse.warehouse.sql.Sql;

import java.util.List;
import java.util.Optional;

/**
 * Reads one case's file for its timeline page. The caller's scope (and department, for a department
 * head) is part of every read: a case outside them is not found, exactly as a case that does not exist,
 * so that an id typed into a URL tells nothing about other areas.
 */
public final class CaseFiles {
    /** A case with more events than this is cut (a runaway source), newest dropped; a person reads the rest in bulk exports. */
    public static final int MAX_EVENTS = 2_000;
    private static final int MAX_ALERTS = 500;

    private final Warehouse warehouse;
    private final AlertActions actions;

    public CaseFiles(Warehouse warehouse) {
        this.warehouse = warehouse;
        this.actions = new AlertActions(warehouse);
    }

    /**
     * The case's file, if it has at least one event inside {@code scope} and, when {@code department} is
     * given, was last assigned to that department.
     */
    public Optional<CaseFile> open(String caseId, AreaCode scope, String department) {
        if (caseId == null || caseId.isBlank()) {
            return Optional.empty();
        }
        var events = events(caseId, scope);
        if (events.isEmpty()) {
            return Optional.empty();
        }
        var assignedTo = departmentOf(caseId, scope);
        if (department != null && !department.isBlank() && !department.strip().equals(assignedTo)) {
            return Optional.empty();
        }
        var alerts = warehouse.alerts().page(AlertFilter.ANY.inArea(scope).aboutCase(caseId), null, MAX_ALERTS).items();
        var history = actions.historyOf(alerts.stream().map(a -> a.alertId()).toList());
        return Optional.of(new CaseFile(caseId, assignedTo, events, alerts, history));
    }

    private List<EventRow> events(String caseId, AreaCode scope) {
        return warehouse.clickHouse().query(Sql.of("SELECT event_id, kind, toUnixTimestamp64Milli(occurred_at) AS occurred_ms,"
                        + " toUnixTimestamp64Milli(ingested_at) AS ingested_ms, source, grid_code, community_code, street_code,"
                        + " county_code, lon, lat, payload FROM gridpulse.events FINAL WHERE :scope AND case_id = :caseId"
                        + " ORDER BY occurred_at, event_id LIMIT :limit")
                .bindCondition("scope", AreaSql.in(scope)).bind("caseId", caseId).bind("limit", MAX_EVENTS),
                CaseFiles::eventRow);
    }

    private String departmentOf(String caseId, AreaCode scope) {
        var found = warehouse.clickHouse().query(Sql.of("SELECT argMax(JSONExtractString(payload, 'department'), occurred_at) AS d"
                        + " FROM gridpulse.events WHERE :scope AND case_id = :caseId AND kind = 'demand.assigned'")
                .bindCondition("scope", AreaSql.in(scope)).bind("caseId", caseId), row -> row.text("d"));
        return found.isEmpty() ? "" : found.getFirst();
    }

    private static EventRow eventRow(Row r) {
        return new EventRow(r.text("event_id"), r.text("kind"), r.instantFromMillis("occurred_ms"),
                r.instantFromMillis("ingested_ms"), r.text("source"), r.text("grid_code"), r.text("community_code"),
                r.text("street_code"), r.text("county_code"), r.nullableDouble("lon"), r.nullableDouble("lat"),
                r.text("payload"));
    }
}
