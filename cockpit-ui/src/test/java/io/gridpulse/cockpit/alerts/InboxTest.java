package io.gridpulse.cockpit.alerts;

import io.gridpulse.cockpit.TestCockpit;
import io.gridpulse.cockpit.alerts.Inbox.Outcome;
import io.gridpulse.cockpit.alerts.InboxQuery.Show;
import io.gridpulse.cockpit.live.LiveQueries;
import io.gridpulse.cockpit.security.CockpitUser;
import io.gridpulse.cockpit.security.Role;
import io.gridpulse.model.alerts.Alert;
import io.gridpulse.model.alerts.AlertKind;
import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.area.AreaLineage;
import io.gridpulse.warehouse.Warehouse;
import io.gridpulse.warehouse.actions.AlertAction;
import io.gridpulse.warehouse.actions.AlertActions;
import io.gridpulse.warehouse.audit.AuditEntry;
import io.gridpulse.warehouse.audit.AuditLog;
import io.gridpulse.warehouse.notify.DeliveryLog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inbox's screen service against the embedded warehouse, without a browser: street 439901106 (no other test of
 * this module writes there) holds 300 device alerts, three breaches and an SOS. A watcher finds the breaches by a
 * filter, the header's count and the inbox's agree, and actions are checked and audited on the server.
 */
@ExtendWith(TestCockpit.Shared.class)
class InboxTest {
    static final String STREET = "439901106";
    static final String GRID = "439901106001001";
    static final String OTHER_GRID = "439901106002001";
    static final CockpitUser WATCHER = new CockpitUser("inbox-watcher", Role.WATCHER, AreaCode.of(STREET), null);
    static final CockpitUser COMMUNITY_WATCHER = new CockpitUser("inbox-community", Role.WATCHER, AreaCode.of("439901106002"), null);
    static final CockpitUser LEADER = new CockpitUser("inbox-leader", Role.LEADER, AreaCode.of(STREET), null);
    private static Warehouse warehouse;
    private static AuditLog audit;

    @BeforeAll
    static void aStreetFloodedWithDeviceAlerts() {
        warehouse = TestCockpit.warehouse();
        audit = TestCockpit.installedContext().audit();
        var now = TestCockpit.now();
        var alerts = new ArrayList<Alert>();
        for (int i = 0; i < 300; i++) {
            alerts.add(Alert.raise("inbox-device-" + i, i % 2 == 0 ? AlertKind.DEVICE_LOW_BATTERY : AlertKind.DEVICE_HEART_RATE)
                    .about("wristband-" + i, "device.battery").raisedAt(now.minusSeconds(i)).in(lineage(GRID))
                    .detail("电量 9%").build());
        }
        for (int i = 0; i < 3; i++) {
            alerts.add(Alert.raise("inbox-breach-" + i, AlertKind.SLA_BREACH).about("case-inbox-" + i, "resolve_now.first_response")
                   .deadline(now.minusSeconds(3_600 + i)).raisedAt(now.minusSeconds(3_600 + i))
                    .in(lineage(i == 2 ? OTHER_GRID : GRID)).detail("首次响应超时").build());
        }
        alerts.add(Alert.raise("inbox-sos", AlertKind.DEVICE_SOS).about("wristband-sos", "device.sos")
                .raisedAt(now.minusSeconds(7_200)).in(lineage(GRID)).detail("SOS").build());
        alerts.add(Alert.raise("inbox-cleared", AlertKind.SLA_BREACH).about("case-inbox-cleared", "resolve_now.first_response")
                .raisedAt(now.minusSeconds(60)).in(lineage(GRID)).build().cleared(now.minusSeconds(30)));
        warehouse.alerts().insert(alerts);
    }

    private static Inbox inbox(CockpitUser user) {
        return new Inbox(user, warehouse.alerts(), new AlertActions(warehouse), new AlertRights(warehouse), audit,
                TestCockpit.clock(), new DeliveryLog(warehouse));
    }

    @Test
    void aBreachIsFoundAmongHundredsOfDeviceAlertsAndTheSosComesFirst() {
        var inbox = inbox(WATCHER);
        var everything = InboxQuery.of(WATCHER);
        assertThat(inbox.count(everything)).isEqualTo(304);
        assertThat(inbox.page(everything, 0, 3)).extracting(Alert::alertId)
                .as("critical first, then the major ones newest first").containsExactly("inbox-sos", "inbox-device-1", "inbox-device-3");
        var breaches = InboxQuery.read(WATCHER, Map.of("kind", List.of("sla_breach")), code -> true).query();
        assertThat(inbox.page(breaches, 0, 50)).extracting(Alert::alertId)
                .containsExactly("inbox-breach-0", "inbox-breach-1", "inbox-breach-2");
        assertThat(inbox.count(breaches)).isEqualTo(3);
        assertThat(inbox.count(breaches.withShow(Show.ALL))).as("and the cleared one").isEqualTo(4);
        assertThat(inbox.page(everything.withSearch("CASE-INBOX-1"), 0, 50)).extracting(Alert::alertId)
                .containsExactly("inbox-breach-1");
        // pages cover every row once
        var seen = new java.util.HashSet<String>();
        for (int offset = 0; offset < 304; offset += 50) {
            inbox.page(everything, offset, 50).forEach(a -> assertThat(seen.add(a.alertId())).as(a.alertId()).isTrue());
        }
        assertThat(seen).hasSize(304);
    }

    @Test
    void theHeadersCountAndTheInboxsCountAreOneQuery() throws Exception {
        var user = new CockpitUser("inbox-counter", Role.WATCHER, AreaCode.of("439901106001"), null);
        var inbox = inbox(user);
        var query = InboxQuery.of(user);
        var header = new LiveQueries(warehouse).unreadWithin(user.scope(), user.department());
        var fromHeader = new java.util.concurrent.ArrayBlockingQueue<Long>(4);
        var stop = header.subscribe(fromHeader::offer);
        try {
            var badge = fromHeader.poll(10, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(badge).isEqualTo(inbox.unhandled(query)).isEqualTo(inbox.count(query.withShow(Show.UNHANDLED)));
        } finally {
            stop.run();
        }
        assertThat(inbox.open(query.withKinds(Set.of(AlertKind.SLA_BREACH))))
                .as("the open figure is the reader's, whatever the list narrows to").isEqualTo(inbox.open(query));
    }

    @Test
    void actionsAreCheckedOnTheServerAndAudited() {
        var breach = warehouse.alerts().forCase("case-inbox-2").getFirst();
        assertThat(inbox(LEADER).act(breach, AlertAction.ACKNOWLEDGE, null, null))
                .isInstanceOfSatisfying(Outcome.Refused.class, r -> assertThat(r.reason()).contains("lacks"));
        var outsider = new CockpitUser("inbox-outsider", Role.WATCHER, AreaCode.of("439901106001"), null);
        assertThat(inbox(outsider).act(breach, AlertAction.ACKNOWLEDGE, null, null))
                .isInstanceOfSatisfying(Outcome.Refused.class, r -> assertThat(r.reason()).contains("outside the scope"));
        assertThat(inbox(COMMUNITY_WATCHER).act(breach, AlertAction.ASSIGN, " ", null))
                .isInstanceOfSatisfying(Outcome.Refused.class, r -> assertThat(r.messageKey()).isEqualTo("alerts.assignee.required"));
        assertThat(inbox(COMMUNITY_WATCHER).act(breach, AlertAction.COMMENT, null, "x".repeat(Inbox.MAX_WORDS + 1)))
                .isInstanceOf(Outcome.Refused.class);
        assertThat(inbox(COMMUNITY_WATCHER).act(breach, AlertAction.ASSIGN, "网格员 王", "请今天上门"))
                .isInstanceOf(Outcome.Recorded.class);
        assertThat(inbox(COMMUNITY_WATCHER).handling(List.of(breach.alertId())).get(breach.alertId()).assignee())
                .isEqualTo("网格员 王");
        assertThat(inbox(COMMUNITY_WATCHER).history(breach.alertId())).singleElement().satisfies(step -> {
            assertThat(step.action()).isEqualTo(AlertAction.ASSIGN);
            assertThat(step.actor()).isEqualTo("inbox-community");
            assertThat(step.comment()).isEqualTo("请今天上门");
        });
        assertThat(inbox(COMMUNITY_WATCHER).assignees(8)).as("the area's usual assignees").contains("网格员 王");
        assertThat(inbox(new CockpitUser("inbox-elsewhere", Role.WATCHER, AreaCode.of("439901106001"), null)).assignees(8))
                .as("another community's are not offered").doesNotContain("网格员 王");
        assertThat(audit.latest(20)).extracting(AuditEntry::user, AuditEntry::action)
                .contains(org.assertj.core.groups.Tuple.tuple("inbox-leader", "refused"),
                        org.assertj.core.groups.Tuple.tuple("inbox-outsider", "refused"),
                        org.assertj.core.groups.Tuple.tuple("inbox-community", "assign"));
    }

    @Test
    void aBulkAcknowledgementTakesEachOpenAlertOnceAndTheCountsFollow() {
        var user = new CockpitUser("inbox-bulk", Role.WATCHER, AreaCode.of(STREET), null);
        var inbox = inbox(user);
        var hearts = InboxQuery.of(user).withKinds(Set.of(AlertKind.DEVICE_HEART_RATE)).withSearch("wristband-1");
        var selected = inbox.page(hearts, 0, 1000);
        assertThat(selected).hasSizeGreaterThan(10);
        long before = inbox.unhandled(hearts);
        var outcomes = inbox.acknowledgeAll(selected);
        assertThat(outcomes).hasSize(selected.size()).allMatch(o -> o instanceof Outcome.Recorded);
        assertThat(inbox.unhandled(hearts)).isEqualTo(before - selected.size());
        assertThat(inbox.count(hearts.withShow(Show.UNHANDLED))).isZero();
        assertThat(inbox.acknowledgeAll(selected)).as("nothing twice").isEmpty();
        assertThat(inbox.acknowledgeAll(List.of(warehouse.alerts().forCase("case-inbox-cleared").getFirst())))
                .as("a cleared alert is not acknowledged").isEmpty();
    }

    private static AreaLineage lineage(String grid) {
        return AreaLineage.ofGrid(AreaCode.of(grid));
    }

    @Test
    void everyAttemptToDeliverAnAlertOffScreenIsOnItsTimeline() {
        var log = new DeliveryLog(warehouse);
        var at = TestCockpit.now().minusSeconds(20);
        log.record(new DeliveryLog.Attempt("sub-1", "webhook", "duty.example.gov.cn", "inbox-breach-1", "firing", 1,
                DeliveryLog.Outcome.FAILED, 503, "the receiver answered 503", at, java.time.Duration.ofMillis(40)));
        log.record(new DeliveryLog.Attempt("sub-1", "webhook", "duty.example.gov.cn", "inbox-breach-1", "firing", 2,
                DeliveryLog.Outcome.DELIVERED, 204, "", at.plusSeconds(2), java.time.Duration.ofMillis(30)));
        assertThat(inbox(WATCHER).deliveries("inbox-breach-1")).extracting(DeliveryLog.Attempt::outcome)
                .containsExactly(DeliveryLog.Outcome.FAILED, DeliveryLog.Outcome.DELIVERED);
        assertThat(inbox(WATCHER).deliveries("inbox-breach-0")).isEmpty();
    }
}
