package io.gridpulse.warehouse.cases;

import io.gridpulse.model.area.AreaCode;
import io.gridpulse.warehouse.EventRow;
import io.gridpulse.warehouse.SqlLiteral;
import io.gridpulse.warehouse.Warehouse;
import io.gridpulse.warehouse.actions.AlertActions;
import io.gridpulse.warehouse.alerts.AlertFilter;
import io.gridpulse.warehouse.area.AreaSql;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        var rows = warehouse.clickHouse().query("SELECT event_id, kind, toUnixTimestamp64Milli(occurred_at) AS occurred_ms,"
                + " toUnixTimestamp64Milli(ingested_at) AS ingested_ms, source, grid_code, community_code, street_code,"
                + " county_code, lon, lat, payload FROM gridpulse.events FINAL WHERE " + AreaSql.within(scope)
                + " AND case_id = " + SqlLiteral.string(caseId) + " ORDER BY occurred_at, event_id LIMIT " + MAX_EVENTS);
        var out = new ArrayList<EventRow>(rows.size());
        for (var r : rows) {
            out.add(eventRow(r));
        }
        return out;
    }

    private String departmentOf(String caseId, AreaCode scope) {
        var rows = warehouse.clickHouse().query("SELECT argMax(JSONExtractString(payload, 'department'), occurred_at) AS d"
                + " FROM gridpulse.events WHERE " + AreaSql.within(scope) + " AND case_id = " + SqlLiteral.string(caseId)
                + " AND kind = 'demand.assigned'");
        return rows.isEmpty() || rows.getFirst().get("d") == null ? "" : rows.getFirst().get("d").toString();
    }

    private static EventRow eventRow(Map<String, Object> r) {
        return new EventRow((String) r.get("event_id"), (String) r.get("kind"),
                Instant.ofEpochMilli(((Number) r.get("occurred_ms")).longValue()),
                Instant.ofEpochMilli(((Number) r.get("ingested_ms")).longValue()), (String) r.get("source"),
                (String) r.get("grid_code"), (String) r.get("community_code"), (String) r.get("street_code"),
                (String) r.get("county_code"), (Double) r.get("lon"), (Double) r.get("lat"), (String) r.get("payload"));
    }
}
