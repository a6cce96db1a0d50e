package io.gridpulse.warehouse.cases;

import io.gridpulse.model.alerts.Alert;
import io.gridpulse.model.alerts.AlertKind;
import io.gridpulse.model.alerts.AlertStatus;
import io.gridpulse.model.alerts.Severity;
import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.area.AreaLineage;
import io.gridpulse.warehouse.EventRow;
import io.gridpulse.warehouse.TestChdb;
import io.gridpulse.warehouse.Warehouse;
import io.gridpulse.warehouse.actions.AlertAction;
import io.gridpulse.warehouse.actions.AlertActions;
import io.gridpulse.warehouse.actions.AlertHandling;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One case's file in the embedded warehouse: case c1 in grid 439901001001001 (street 439901001) with its
 * steps, a rating of it, two alerts and what people did about them; case c2 in another street.
 */
class ChdbCaseFilesTest {
    static final AreaCode STREET = AreaCode.of("439901001");
    static final String GRID = "439901001001001";
    static final String OTHER_GRID = "439901002001001";
    private static Warehouse warehouse;
    private static CaseFiles files;
    private static AlertActions actions;

    @BeforeAll
    static void oneCaseWithItsAlerts() {
        warehouse = Warehouse.open(TestChdb.config());
        for (var table : List.of("events", "alerts", "alert_actions")) {
            warehouse.clickHouse().execute("TRUNCATE TABLE gridpulse." + table);
        }
        warehouse.events().insert(List.of(
                event("demand.created", "2026-11-02T02:00:00Z", GRID, "{\"caseId\":\"c1\",\"demandType\":\"elderly_care\"}"),
                event("demand.assigned", "2026-11-02T03:00:00Z", GRID, "{\"caseId\":\"c1\",\"department\":\"civil_affairs\"}"),
                event("demand.responded", "2026-11-02T05:00:00Z", GRID, "{\"caseId\":\"c1\",\"by\":\"w-7\"}"),
                // a rating of the case names it as its target, not as caseId
                event("feedback", "2026-11-03T01:00:00Z", GRID, "{\"rating\":5,\"target\":{\"type\":\"case\",\"id\":\"c1\"}}"),
                // a rating of a ticket with the same id is not the case's
                event("feedback", "2026-11-03T02:00:00Z", GRID, "{\"rating\":1,\"target\":{\"type\":\"ticket\",\"id\":\"c1\"}}"),
                event("demand.created", "2026-11-02T02:00:00Z", OTHER_GRID, "{\"caseId\":\"c2\"}"),
                // the same case id raised again somewhere else does not leak into c1's file in this street
                event("demand.responded", "2026-11-02T06:00:00Z", OTHER_GRID, "{\"caseId\":\"c1\",\"by\":\"x-1\"}")));
        warehouse.alerts().insert(List.of(
                alert("sla:c1:warn", AlertKind.SLA_WARNING, AlertStatus.CLEARED, "c1", "2026-11-02T04:00:00Z",
                        "2026-11-02T05:00:00Z"),
                alert("sla:c1:breach", AlertKind.SLA_BREACH, AlertStatus.OPEN, "c1", "2026-11-02T06:00:00Z", null),
                alert("sla:c2:breach", AlertKind.SLA_BREACH, AlertStatus.OPEN, "c2", "2026-11-02T06:00:00Z", null)));
        actions = new AlertActions(warehouse);
        actions.record(action("a1", "sla:c1:breach", AlertAction.ACKNOWLEDGE, "watcher", null, null, "2026-11-02T06:01:00Z"));
        actions.record(action("a2", "sla:c1:breach", AlertAction.ASSIGN, "head", "w-7", "请今天回访", "2026-11-02T06:02:00Z"));
        actions.record(action("a3", "sla:c1:breach", AlertAction.ASSIGN, "head", "w-9", null, "2026-11-02T06:03:00Z"));
        actions.record(action("a4", "sla:c1:breach", AlertAction.ACKNOWLEDGE, "head", null, null, "2026-11-02T06:04:00Z"));
        actions.record(action("a5", "sla:c1:breach", AlertAction.COMMENT, "watcher", null, "已联系", "2026-11-02T06:05:00Z"));
        actions.record(action("a6", "sla:c1:breach", AlertAction.ESCALATE, "watcher", null, "需街道协调", "2026-11-02T06:06:00Z"));
        // the same action sent twice (a retried click) is kept once
        actions.record(action("a6", "sla:c1:breach", AlertAction.ESCALATE, "watcher", null, "需街道协调", "2026-11-02T06:06:00Z"));
        files = new CaseFiles(warehouse);
    }

    @AfterAll
    static void close() {
        warehouse.close();
    }

    @Test
    void theFileHoldsTheCaseStepsAndItsRatingOldestFirstAndNothingFromOtherAreas() {
        var file = files.open("c1", STREET, null).orElseThrow();
        assertThat(file.events()).extracting(EventRow::kind)
                .containsExactly("demand.created", "demand.assigned", "demand.responded", "feedback");
        assertThat(file.events()).extracting(EventRow::gridCode).containsOnly(GRID);
        assertThat(file.department()).isEqualTo("civil_affairs");
    }

    @Test
    void theFileHoldsTheCaseAlertsInTheirLatestStateAndWhatWasDoneAboutThem() {
        var file = files.open("c1", STREET, null).orElseThrow();
        assertThat(file.alerts()).extracting(Alert::alertId).containsExactlyInAnyOrder("sla:c1:warn", "sla:c1:breach");
        assertThat(file.actions()).extracting(AlertAction::actionId).containsExactly("a1", "a2", "a3", "a4", "a5", "a6");
    }

    @Test
    void aCaseOutsideTheScopeOrAnotherDepartmentIsNotFound() {
        assertThat(files.open("c2", STREET, null)).isEmpty();
        assertThat(files.open("c1", AreaCode.of(OTHER_GRID), null).orElseThrow().events())
                .as("the other street sees only its own event of that id").hasSize(1);
        assertThat(files.open("c1", STREET, "health")).isEmpty();
        assertThat(files.open("c1", STREET, "civil_affairs")).isPresent();
        assertThat(files.open("nope", STREET, null)).isEmpty();
        assertThat(files.open("' OR 1=1 --", STREET, null)).isEmpty();
    }

    @Test
    void handlingFoldsTheFirstAcknowledgementTheLatestAssigneeEscalationAndComments() {
        var handling = actions.handling(List.of("sla:c1:breach", "sla:c1:warn"));
        assertThat(handling).containsOnlyKeys("sla:c1:breach");
        assertThat(handling.get("sla:c1:breach")).isEqualTo(new AlertHandling("sla:c1:breach", "watcher",
                Instant.parse("2026-11-02T06:01:00Z"), "w-9", true, 3));
        assertThat(actions.handling(List.of())).isEmpty();
    }

    @Test
    void theUnreadCountIsTheOpenAlertsNobodyAcknowledgedInTheArea() {
        // c1's breach is acknowledged and its warning cleared; c2's breach is open and unread, in the other street
        assertThat(actions.unacknowledgedOpen(STREET)).isZero();
        assertThat(actions.unacknowledgedOpen(AreaCode.of("439901"))).isEqualTo(1);
    }

    private static EventRow event(String kind, String at, String grid, String payload) {
        var t = Instant.parse(at);
        return new EventRow(UUID.randomUUID().toString(), kind, t, t, "test", grid, grid.substring(0, 12),
                grid.substring(0, 9), grid.substring(0, 6), null, null, payload);
    }

    private static Alert alert(String id, AlertKind kind, AlertStatus status, String caseId, String raised, String cleared) {
        var at = Instant.parse(raised);
        var grid = caseId.equals("c2") ? OTHER_GRID : GRID;
        return new Alert(id, kind, Severity.MAJOR, status, caseId, "resolve_now.first_response", 0, at, at,
                cleared == null ? null : Instant.parse(cleared), new AreaLineage(grid, grid.substring(0, 12),
                grid.substring(0, 9), grid.substring(0, 6)), "", 1);
    }

    private static AlertAction action(String id, String alertId, String action, String actor, String assignee,
                                      String comment, String at) {
        return new AlertAction(id, alertId, action, actor, assignee, comment, Instant.parse(at), GRID.substring(0, 6),
                GRID.substring(0, 9), GRID.substring(0, 12), GRID);
    }
}
