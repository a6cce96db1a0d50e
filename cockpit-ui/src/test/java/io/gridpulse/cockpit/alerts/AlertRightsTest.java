package io.gridpulse.cockpit.alerts;

import io.gridpulse.cockpit.TestCockpit;
import io.gridpulse.cockpit.security.CockpitUser;
import io.gridpulse.cockpit.security.Role;
import io.gridpulse.model.alerts.Alert;
import io.gridpulse.model.alerts.AlertKind;
import io.gridpulse.model.alerts.AlertStatus;
import io.gridpulse.model.alerts.Severity;
import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.area.AreaLineage;
import io.gridpulse.warehouse.Warehouse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may act on which alert, against the embedded warehouse: a civil-affairs head of 东城街道 on the alerts of
 * their department's cases only (not another department's, not a device's, not after the case moved away),
 * a watcher without a department on every alert of their area.
 */
@ExtendWith(TestCockpit.Shared.class)
class AlertRightsTest {
    /** 东城街道 第三社区 第二网格. */
    static final String GRID = "439901001003002";
    static final CockpitUser HEAD = new CockpitUser("head", Role.DEPARTMENT_HEAD, AreaCode.of("439901001"), "civil_affairs");
    static final CockpitUser STREET_WATCHER = new CockpitUser("w", Role.WATCHER, AreaCode.of("439901001"), null);
    static final CockpitUser LEADER = new CockpitUser("leader", Role.LEADER, AreaCode.of("439901"), null);
    private static Warehouse warehouse;
    private static AlertRights rights;

    @BeforeAll
    static void casesOfTwoDepartments() {
        warehouse = TestCockpit.warehouse();
        TestCockpit.store(List.of(
                TestCockpit.demandCreated("rights-civil", GRID, "elderly_care", "独居老人"),
                TestCockpit.demandAssigned("rights-civil", GRID, "civil_affairs"),
                TestCockpit.demandCreated("rights-health", GRID, "medical", "就医"),
                TestCockpit.demandAssigned("rights-health", GRID, "health")));
        rights = new AlertRights(warehouse);
    }

    @Test
    void aDepartmentHeadMayActOnTheirDepartmentsAlertsOnly() {
        assertThat(rights.refusal(HEAD, TestCockpit.openBreach("rights-civil", GRID, ""))).isEmpty();
        assertThat(rights.refusal(HEAD, TestCockpit.openBreach("rights-health", GRID, ""))).hasValue("not a case of civil_affairs");
        assertThat(rights.refusal(HEAD, TestCockpit.openBreach("rights-never-assigned", GRID, ""))).isPresent();
        assertThat(rights.refusal(HEAD, sos("wristband-rights", GRID))).hasValue("not a case of civil_affairs");
        assertThat(rights.refusal(HEAD, TestCockpit.openBreach("rights-civil", "439901002001001", ""))).get().asString()
                .startsWith("outside the scope");
    }

    @Test
    void aCaseReassignedAwayTakesTheHeadsRightToActWithIt() {
        var alert = TestCockpit.openBreach("rights-moving", GRID, "");
        TestCockpit.store(List.of(TestCockpit.demandCreated("rights-moving", GRID, "elderly_care", ""),
                TestCockpit.demandAssigned("rights-moving", GRID, "civil_affairs")));
        assertThat(rights.refusal(HEAD, alert)).isEmpty();
        var later = TestCockpit.demandAssigned("rights-moving", GRID, "health");
        TestCockpit.store(List.of(new io.gridpulse.warehouse.EventRow(later.eventId(), later.kind(),
                later.occurredAt().plusSeconds(30), later.ingestedAt().plusSeconds(30), later.source(), later.gridCode(),
                later.communityCode(), later.streetCode(), later.countyCode(), null, null, later.payload())));
        assertThat(rights.refusal(HEAD, alert)).hasValue("not a case of civil_affairs");
    }

    @Test
    void usersWithoutADepartmentActOnEveryAlertOfTheirAreaAndRolesWithoutThePermissionOnNone() {
        assertThat(rights.refusal(STREET_WATCHER, TestCockpit.openBreach("rights-health", GRID, ""))).isEmpty();
        assertThat(rights.refusal(STREET_WATCHER, sos("wristband-rights", GRID))).isEmpty();
        assertThat(rights.refusal(LEADER, TestCockpit.openBreach("rights-civil", GRID, ""))).get().asString()
                .contains("lacks HANDLE_ALERTS");
    }

    private static Alert sos(String device, String grid) {
        var now = TestCockpit.now();
        return new Alert("sos-" + device, AlertKind.DEVICE_SOS, Severity.CRITICAL, AlertStatus.OPEN, device,
                "device.sos", 0, null, now, null, new AreaLineage(grid, grid.substring(0, 12), grid.substring(0, 9),
                grid.substring(0, 6)), "SOS", 1);
    }
}
