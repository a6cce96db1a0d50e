package io.gridpulse.warehouse.cases;

import io.gridpulse.model.alerts.Alert;
import io.gridpulse.model.alerts.AlertKind;
import io.gridpulse.model.alerts.AlertStatus;
import io.gridpulse.model.alerts.Severity;
import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.area.AreaLineage;
import io.gridpulse.warehouse.AreaCount;
import io.gridpulse.warehouse.EventRow;
import io.gridpulse.warehouse.TestChdb;
import io.gridpulse.warehouse.Warehouse;
import io.gridpulse.warehouse.actions.AlertAction;
import io.gridpulse.warehouse.actions.AlertActions;
import io.gridpulse.warehouse.alerts.AlertFilter;
import io.gridpulse.warehouse.layers.AlertMarker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Alerts by department in the embedded warehouse: street 439901001 has a civil-affairs case, a health case,
 * a case first given to civil affairs and then to health, a case never assigned, a device SOS and a
 * household's visit clock, each with one open alert; street 439901003 has a civil-affairs case of its own.
 */
class ChdbCaseDepartmentsTest {
    static final AreaCode STREET = AreaCode.of("439901001");
    static final String GRID = "439901001001001";
    static final String GRID_2 = "439901001002001";
    static final String OTHER_STREET_GRID = "439901003001001";
    /** A street kept for the reassignment test alone. */
    static final String MOVING_GRID = "439901004001001";
    static final Instant T = Instant.parse("2026-11-02T02:00:00Z");
    private static Warehouse warehouse;
    private static CaseDepartments departments;

    @BeforeAll
    static void aStreetWithCasesOfTwoDepartments() {
        warehouse = Warehouse.open(TestChdb.config());
        for (var table : List.of("events", "case_events", "alerts", "alert_actions")) {
            warehouse.clickHouse().execute("TRUNCATE TABLE gridpulse." + table);
        }
        warehouse.events().insert(List.of(
                demand("demand.created", "civil-1", 0, GRID, ""),
                demand("demand.assigned", "civil-1", 60, GRID, ",\"department\":\"civil_affairs\""),
                demand("demand.created", "health-1", 0, GRID_2, ""),
                demand("demand.assigned", "health-1", 60, GRID_2, ",\"department\":\"health\""),
                demand("demand.created", "moved-1", 0, GRID, ""),
                demand("demand.assigned", "moved-1", 60, GRID, ",\"department\":\"civil_affairs\""),
                demand("demand.assigned", "moved-1", 600, GRID, ",\"department\":\"health\""),
                demand("demand.created", "unassigned-1", 0, GRID, ""),
                demand("demand.created", "civil-far", 0, OTHER_STREET_GRID, ""),
                demand("demand.assigned", "civil-far", 60, OTHER_STREET_GRID, ",\"department\":\"civil_affairs\"")));
        warehouse.alerts().insert(List.of(
                alert("a-civil-1", AlertKind.SLA_BREACH, "civil-1", "resolve_now.first_response", GRID),
                alert("a-health-1", AlertKind.SLA_BREACH, "health-1", "resolve_now.first_response", GRID_2),
                alert("a-moved-1", AlertKind.SLA_WARNING, "moved-1", "coordinate.connected", GRID),
                alert("a-unassigned-1", AlertKind.SLA_BREACH, "unassigned-1", "resolve_now.first_response", GRID),
                alert("a-sos", AlertKind.DEVICE_SOS, "wristband-7", "device.sos", GRID),
                alert("a-visit", AlertKind.SLA_BREACH, "household-9", "visit.elderly_alone.weekly", GRID),
                alert("a-civil-far", AlertKind.SLA_BREACH, "civil-far", "resolve_now.first_response", OTHER_STREET_GRID)));
        departments = new CaseDepartments(warehouse);
    }

    @AfterAll
    static void close() {
        warehouse.close();
    }

    @Test
    void aDepartmentSeesTheAlertsOfItsOwnCasesInTheAreaAndNoOtherDepartments() {
        assertThat(ids(AlertFilter.ANY.inArea(STREET).ofDepartment("civil_affairs"))).containsExactly("a-civil-1");
        assertThat(ids(AlertFilter.ANY.inArea(STREET).ofDepartment("health"))).containsExactlyInAnyOrder("a-health-1", "a-moved-1");
        assertThat(ids(AlertFilter.ANY.inArea(STREET).ofDepartment("education"))).isEmpty();
    }

    @Test
    void withoutAnAreaADepartmentSeesItsCasesEverywhere() {
        assertThat(ids(AlertFilter.ANY.ofDepartment("civil_affairs"))).containsExactlyInAnyOrder("a-civil-1", "a-civil-far");
    }

    @Test
    void devicesVisitClocksAndUnassignedCasesBelongToNoDepartmentButStayVisibleWithoutOne() {
        for (var department : List.of("civil_affairs", "health", "community")) {
            assertThat(ids(AlertFilter.ANY.inArea(STREET).ofDepartment(department)))
                    .doesNotContain("a-sos", "a-visit", "a-unassigned-1");
        }
        assertThat(ids(AlertFilter.ANY.inArea(STREET))).containsExactlyInAnyOrder("a-civil-1", "a-health-1", "a-moved-1",
                "a-unassigned-1", "a-sos", "a-visit");
        assertThat(Alert.isAboutDemandCase(AlertKind.DEVICE_SOS, "device.sos", "wristband-7")).isFalse();
        assertThat(Alert.isAboutDemandCase(AlertKind.SLA_BREACH, "visit.elderly_alone.weekly", "household-9")).isFalse();
        assertThat(Alert.isAboutDemandCase(AlertKind.SLA_BREACH, "resolve_now.first_response", "")).isFalse();
        assertThat(Alert.isAboutDemandCase(AlertKind.SLA_BREACH, "resolve_now.first_response", "civil-1")).isTrue();
    }

    @Test
    void aReassignedCaseTakesItsAlertsToTheNewDepartment() {
        var street = AreaCode.of(MOVING_GRID.substring(0, 9));
        warehouse.events().insert(List.of(demand("demand.created", "moving-2", 0, MOVING_GRID, ""),
                demand("demand.assigned", "moving-2", 60, MOVING_GRID, ",\"department\":\"civil_affairs\"")));
        warehouse.alerts().insert(List.of(alert("a-moving-2", AlertKind.SLA_BREACH, "moving-2",
                "resolve_now.first_response", MOVING_GRID)));
        assertThat(ids(AlertFilter.ANY.inArea(street).ofDepartment("civil_affairs"))).containsExactly("a-moving-2");
        assertThat(ids(AlertFilter.ANY.inArea(street).ofDepartment("health"))).isEmpty();

        warehouse.events().insert(List.of(demand("demand.assigned", "moving-2", 3_600, MOVING_GRID, ",\"department\":\"health\"")));

        assertThat(ids(AlertFilter.ANY.inArea(street).ofDepartment("civil_affairs"))).isEmpty();
        assertThat(ids(AlertFilter.ANY.inArea(street).ofDepartment("health"))).containsExactly("a-moving-2");
        assertThat(departments.departmentOf("moving-2", street)).isEqualTo("health");
    }

    @Test
    void theOtherFiltersAndPagingStillApplyBesideTheDepartment() {
        var breaches = AlertFilter.ANY.inArea(STREET).ofDepartment("health").ofKind(AlertKind.SLA_BREACH);
        assertThat(ids(breaches)).containsExactly("a-health-1");
        var first = warehouse.alerts().page(AlertFilter.ANY.inArea(STREET).ofDepartment("health"), null, 1);
        assertThat(first.hasMore()).isTrue();
        var second = warehouse.alerts().page(AlertFilter.ANY.inArea(STREET).ofDepartment("health"), first.next(), 1);
        assertThat(second.hasMore()).isFalse();
        assertThat(List.of(first.items().getFirst().alertId(), second.items().getFirst().alertId()))
                .containsExactlyInAnyOrder("a-health-1", "a-moved-1");
    }

    @Test
    void theUnreadCountOfADepartmentCountsOnlyItsOpenUnacknowledgedAlerts() {
        var grid = AreaCode.of(GRID_2);
        var actions = new AlertActions(warehouse);
        assertThat(actions.unacknowledgedOpen(STREET, "civil_affairs")).isEqualTo(1);
        assertThat(actions.unacknowledgedOpen(STREET, null)).isEqualTo(6);
        assertThat(actions.unacknowledgedOpen(grid, "health")).isEqualTo(1);
        actions.record(new AlertAction(UUID.randomUUID().toString(), "a-health-1", AlertAction.ACKNOWLEDGE, "wang", null,
                null, T.plusSeconds(7_200), GRID_2.substring(0, 6), GRID_2.substring(0, 9), GRID_2.substring(0, 12), GRID_2));
        assertThat(actions.unacknowledgedOpen(grid, "health")).isZero();
        assertThat(actions.unacknowledgedOpen(grid, "civil_affairs")).isZero();
    }

    @Test
    void theMapsMarkersAndCountsOfADepartmentLeaveOtherDepartmentsOut() {
        assertThat(departments.openAlerts(STREET, "civil_affairs", List.of(AlertKind.SLA_BREACH, AlertKind.SLA_WARNING,
                AlertKind.DEVICE_SOS), 100))
                .extracting(AlertMarker::alertId).containsExactly("a-civil-1");
        assertThat(departments.openAlerts(STREET, "health", List.of(AlertKind.SLA_BREACH), 100))
                .extracting(AlertMarker::alertId).containsExactly("a-health-1");
        assertThat(warehouse.alerts().openCount(STREET, "health", null)).isEqualTo(2);
        assertThat(warehouse.alerts().openCount(STREET, "health", AlertKind.SLA_BREACH)).isEqualTo(1);
        assertThat(warehouse.alerts().openCount(STREET, "civil_affairs", AlertKind.SLA_WARNING)).isZero();
        assertThat(warehouse.alerts().openCountByChild(STREET, "health", null)).containsExactly(
                new AreaCount(GRID.substring(0, 12), 1), new AreaCount(GRID_2.substring(0, 12), 1));
        assertThat(warehouse.alerts().openCountByChild(AreaCode.of("439901"), "civil_affairs",
                AlertKind.SLA_BREACH)).containsExactly(
                new AreaCount("439901001", 1), new AreaCount("439901003", 1));
    }

    @Test
    void anAlertBelongsToADepartmentOnlyByItsCasesLatestAssignmentInsideTheScope() {
        var civil = warehouse.alerts().page(AlertFilter.ANY.inArea(STREET), null, 100).items().stream()
                .filter(a -> a.alertId().equals("a-civil-1")).findFirst().orElseThrow();
        var sos = warehouse.alerts().page(AlertFilter.ANY.inArea(STREET).ofKind(AlertKind.DEVICE_SOS), null, 100).items().getFirst();
        assertThat(departments.belongsTo(civil, STREET, "civil_affairs")).isTrue();
        assertThat(departments.belongsTo(civil, STREET, "health")).isFalse();
        assertThat(departments.belongsTo(civil, AreaCode.of("439901003"), "civil_affairs")).isFalse();
        assertThat(departments.belongsTo(sos, STREET, "civil_affairs")).isFalse();
        assertThat(departments.departmentOf("moved-1", STREET)).isEqualTo("health");
        assertThat(departments.departmentOf("unassigned-1", STREET)).isEmpty();
    }

    @Test
    void aDepartmentCannotBeJudgedOnTheRowAlone() {
        var civil = warehouse.alerts().page(AlertFilter.ANY.inArea(STREET).ofDepartment("civil_affairs"), null, 10).items().getFirst();
        assertThat(AlertFilter.ANY.inArea(STREET).test(civil)).isTrue();
        assertThatThrownBy(() -> AlertFilter.ANY.ofDepartment("civil_affairs").test(civil))
                .isInstanceOf(IllegalStateException.class);
        assertThat(AlertFilter.ANY.ofDepartment("  ").department()).isNull();
    }

    private static List<String> ids(AlertFilter filter) {
        return warehouse.alerts().page(filter, null, 100).items().stream().map(Alert::alertId).toList();
    }

    private static EventRow demand(String kind, String caseId, long secondsAfterT, String grid, String extra) {
        var t = T.plusSeconds(secondsAfterT);
        return new EventRow(UUID.randomUUID().toString(), kind, t, t, "test", grid, grid.substring(0, 12),
                grid.substring(0, 9), grid.substring(0, 6), null, null, "{\"caseId\":\"" + caseId + "\"" + extra + "}");
    }

    private static Alert alert(String id, AlertKind kind, String caseId, String policy, String grid) {
        var at = T.plusSeconds(3_600);
        return new Alert(id, kind, Severity.MAJOR, AlertStatus.OPEN, caseId, policy, 0, at, at, null,
                new AreaLineage(grid, grid.substring(0, 12), grid.substring(0, 9), grid.substring(0, 6)), "", 1);
    }
}
