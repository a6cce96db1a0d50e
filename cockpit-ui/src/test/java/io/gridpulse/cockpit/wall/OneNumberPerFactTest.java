package io.gridpulse.cockpit.wall;

import io.gridpulse.cockpit.TestCockpit;
import io.gridpulse.cockpit.alerts.AlertRights;
import io.gridpulse.cockpit.alerts.Inbox;
import io.gridpulse.cockpit.alerts.InboxQuery;
import io.gridpulse.cockpit.live.LiveQueries;
import io.gridpulse.cockpit.map.AreaFigures;
import io.gridpulse.cockpit.map.Indicator;
import io.gridpulse.cockpit.security.CockpitUser;
import io.gridpulse.cockpit.security.Role;
import io.gridpulse.geo.region.Region;
import io.gridpulse.model.alerts.Alert;
import io.gridpulse.model.alerts.AlertKind;
import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.area.AreaLineage;
import io.gridpulse.warehouse.Warehouse;
import io.gridpulse.warehouse.actions.AlertAction;
import io.gridpulse.warehouse.actions.AlertActions;
import io.gridpulse.warehouse.notify.DeliveryLog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One number per fact (issue 14): for the same user and scope, the header's badge, the inbox, the wall and the map
 * show the same count of alerts, because each reads the one query behind it. Street 439901105 is written by no other
 * test of this module: open breaches and warnings of cases of two departments, device alerts, cleared and
 * acknowledged ones.
 */
@ExtendWith(TestCockpit.Shared.class)
class OneNumberPerFactTest {
    static final AreaCode STREET = AreaCode.of("439901105");
    static final String GRID_1 = "439901105001001";
    static final String GRID_2 = "439901105002001";
    static final CockpitUser WATCHER = new CockpitUser("fact-watcher", Role.WATCHER, STREET, null);
    static final CockpitUser HEAD = new CockpitUser("fact-head", Role.DEPARTMENT_HEAD, STREET, "civil_affairs");
    private static Warehouse warehouse;

    @BeforeAll
    static void aStreetWithAlertsOfEveryKind() {
        warehouse = TestCockpit.warehouse();
        TestCockpit.store(List.of(
                TestCockpit.demandCreated("fact-civil", GRID_1, "elderly_care", "独居老人"),
                TestCockpit.demandAssigned("fact-civil", GRID_1, "civil_affairs"),
                TestCockpit.demandCreated("fact-health", GRID_2, "medical", "就医"),
                TestCockpit.demandAssigned("fact-health", GRID_2, "health")));
        var now = TestCockpit.now();
        var alerts = new ArrayList<Alert>();
        alerts.add(breach("fact-civil", GRID_1, now));
        alerts.add(Alert.raise("fact-civil-warning", AlertKind.SLA_WARNING).about("fact-civil", "resolve_now.first_response")
                .raisedAt(now.minusSeconds(900)).in(lineage(GRID_1)).build());
        alerts.add(breach("fact-health", GRID_2, now));
        alerts.add(breach("fact-old", GRID_2, now).cleared(now.minusSeconds(10)));
        for (int i = 0; i < 7; i++) {
            alerts.add(Alert.raise("fact-battery-" + i, AlertKind.DEVICE_LOW_BATTERY).about("fact-band-" + i, "device.battery")
                    .raisedAt(now.minusSeconds(i)).in(lineage(i % 2 == 0 ? GRID_1 : GRID_2)).build());
        }
        warehouse.alerts().insert(alerts);
        new AlertActions(warehouse).record(new AlertAction("fact-ack-1", "fact-battery-0", AlertAction.ACKNOWLEDGE, "w", null,
                null, now, "439901", "439901105", "439901105001", GRID_1));
    }

    private static Alert breach(String caseId, String grid, java.time.Instant now) {
        return Alert.raise(caseId + "-breach", AlertKind.SLA_BREACH).about(caseId, "resolve_now.first_response")
                .raisedAt(now.minusSeconds(600)).deadline(now.minusSeconds(600)).in(lineage(grid)).build();
    }

    private static AreaLineage lineage(String grid) {
        return AreaLineage.ofGrid(AreaCode.of(grid));
    }

    private static Inbox inbox(CockpitUser user) {
        return new Inbox(user, warehouse.alerts(), new AlertActions(warehouse), new AlertRights(warehouse),
                TestCockpit.installedContext().audit(), TestCockpit.clock(), new DeliveryLog(warehouse));
    }

    @Test
    void theBadgeTheInboxTheWallAndTheMapShowTheSameCountsForAWatcher() throws Exception {
        var inbox = inbox(WATCHER);
        var query = InboxQuery.of(WATCHER);
        var wall = WallData.read(warehouse, STREET.value(), TestCockpit.ZONE, TestCockpit.clock());
        var map = AreaFigures.read(warehouse, Region.demo(), STREET, Indicator.OPEN_ALERTS, TestCockpit.ZONE, TestCockpit.now());
        var county = AreaFigures.read(warehouse, Region.demo(), AreaCode.of("439901"), Indicator.OPEN_ALERTS, TestCockpit.ZONE, TestCockpit.now());
        var breachesOnTheCountyMap = AreaFigures.read(warehouse, Region.demo(), AreaCode.of("439901"), Indicator.OPEN_BREACHES, TestCockpit.ZONE,
                TestCockpit.now());

        assertThat(inbox.open(query)).as("open alerts").isEqualTo(10)
                .isEqualTo(wall.openAlerts()).isEqualTo(map.openAlerts()).isEqualTo(county.byChild().get(STREET.value()))
                .isEqualTo(inbox.count(query));
        var breaches = query.withKinds(Set.of(AlertKind.SLA_BREACH));
        assertThat(inbox.count(breaches)).as("open breaches").isEqualTo(2)
                .isEqualTo(wall.openBreaches()).isEqualTo(map.openBreaches())
                .isEqualTo(breachesOnTheCountyMap.byChild().get(STREET.value()));
        assertThat(header(WATCHER)).as("the badge: open and not acknowledged").isEqualTo(9)
                .isEqualTo(inbox.unhandled(query)).isEqualTo(inbox.count(query.withShow(InboxQuery.Show.UNHANDLED)));
    }

    @Test
    void aDepartmentHeadsBadgeInboxAndWallCountTheirDepartmentsAlertsOnly() throws Exception {
        var inbox = inbox(HEAD);
        var query = InboxQuery.of(HEAD);
        var wall = DepartmentAlertCounts.read(warehouse, STREET, HEAD.department());
        assertThat(inbox.open(query)).as("the civil-affairs case's breach and warning").isEqualTo(2)
                .isEqualTo(wall.openAlerts()).isEqualTo(header(HEAD));
        assertThat(inbox.count(query.withKinds(Set.of(AlertKind.SLA_BREACH)))).isEqualTo(1).isEqualTo(wall.openBreaches());
    }

    private static long header(CockpitUser user) throws InterruptedException {
        var values = new ArrayBlockingQueue<Long>(4);
        var stop = new LiveQueries(warehouse).unreadWithin(user.scope(), user.department()).subscribe(values::offer);
        try {
            var value = values.poll(10, TimeUnit.SECONDS);
            assertThat(value).as("the header's live count arrived").isNotNull();
            return value;
        } finally {
            stop.run();
        }
    }
}
