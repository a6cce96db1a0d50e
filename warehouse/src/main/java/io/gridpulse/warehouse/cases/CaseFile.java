package io.gridpulse.warehouse.cases;

import io.gridpulse.model.alerts.Alert;
import io.gridpulse.warehouse.EventRow;
import io.gridpulse.warehouse.actions.AlertAction;

import java.util.List;
import java.util.Objects;

/**
 * Everything the warehouse knows about one case: its events oldest first (its steps and the ratings
 * of it), the alerts its SLA clocks raised in their latest state, and what people did about those
 * alerts, oldest first.
 *
 * @param department the department the case was last assigned to; empty while unassigned
 */
public record CaseFile(String caseId, String department, List<EventRow> events, List<Alert> alerts,
                       List<AlertAction> actions) {

    public CaseFile {
        Objects.requireNonNull(caseId, "caseId");
        department = department == null ? "" : department;
        events = List.copyOf(events);
        alerts = List.copyOf(alerts);
        actions = List.copyOf(actions);
    }
}
