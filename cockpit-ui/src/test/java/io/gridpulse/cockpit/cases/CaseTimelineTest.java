package io.gridpulse.cockpit.cases;

import io.gridpulse.model.alerts.Alert;
import io.gridpulse.model.alerts.AlertKind;
import io.gridpulse.model.alerts.AlertStatus;
import io.gridpulse.model.alerts.Severity;
import io.gridpulse.model.area.AreaLineage;
import io.gridpulse.model.sla.DeadlineCalculator;
import io.gridpulse.model.sla.WorkingDayCalendar;
import io.gridpulse.warehouse.EventRow;
import io.gridpulse.warehouse.actions.AlertAction;
import io.gridpulse.warehouse.cases.CaseFile;
import io.gridpulse.warehouse.notify.DeliveryLog;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The case page's logic without a browser: the story's order and words, the clocks' states and deadlines. */
class CaseTimelineTest {
    static final String GRID = "439901001001001";
    static final Instant CREATED = Instant.parse("2026-09-30T07:00:00Z");   // Wed 15:00 in Shanghai
    static final DeadlineCalculator DEADLINES = new DeadlineCalculator(WorkingDayCalendar.mainland());

    @Test
    void theStoryIsInTimeOrderWithWhoTookEachStepAndWhatTheySaid() {
        var timeline = CaseTimeline.of(file(), true);
        assertThat(timeline.entries()).extracting(CaseTimeline.Entry::what).containsExactly(
                "case.step.created", "case.step.assigned", "case.alert.raised.sla_warning", "case.step.responded",
                "case.alert.cleared.sla_warning", "case.action.assign", "case.rated");
        var assigned = timeline.entries().get(1);
        assertThat(assigned.who()).isEqualTo("w-3");
        assertThat(assigned.detail()).isEqualTo("市民政局 · civil_affairs");
        assertThat(timeline.entries().get(2).policy()).isEqualTo("coordinate.connected");
        assertThat(timeline.entries().get(5).detail()).isEqualTo("→ w-5: 请回访");
        assertThat(timeline.entries().get(5).who()).isEqualTo("head");
        assertThat(timeline.entries().get(6).detail()).isEqualTo("5/5 很满意");
    }

    @Test
    void everyAttemptToTellSomeoneOffScreenIsInTheStoryUnderItsAlertsPolicy() {
        var at = Instant.parse("2026-10-09T16:00:02Z");
        var deliveries = List.of(
                new DeliveryLog.Attempt("s", "dingtalk", "oapi.dingtalk.com", "w", "firing", 1, DeliveryLog.Outcome.FAILED, 200,
                        "errcode 130101: send too fast", at, java.time.Duration.ofMillis(80)),
                new DeliveryLog.Attempt("s", "dingtalk", "oapi.dingtalk.com", "w", "firing", 2, DeliveryLog.Outcome.DELIVERED,
                        200, "", at.plusSeconds(2), java.time.Duration.ofMillis(60)));
        var timeline = CaseTimeline.of(file(), true, code -> code, deliveries);
        assertThat(timeline.entries()).extracting(CaseTimeline.Entry::what).containsSubsequence(
                "case.alert.raised.sla_warning", "case.delivery.failed", "case.delivery.delivered", "case.step.responded");
        assertThat(timeline.entries()).filteredOn(e -> e.what().equals("case.delivery.failed")).singleElement().satisfies(e -> {
            assertThat(e.who()).isEqualTo("dingtalk oapi.dingtalk.com");
            assertThat(e.detail()).isEqualTo("errcode 130101: send too fast");
            assertThat(e.policy()).isEqualTo("coordinate.connected");
        });
        assertThat(CaseTimeline.of(file(), false, code -> code, deliveries).countByWhat()).as("no alerts, no deliveries")
                .doesNotContainKeys("case.delivery.failed", "case.delivery.delivered");
    }

    @Test
    void withoutTheRightToSeeAlertsTheStoryHasOnlyTheSteps() {
        assertThat(CaseTimeline.of(file(), false).countByWhat()).containsOnlyKeys(
                "case.step.created", "case.step.assigned", "case.step.responded", "case.rated");
    }

    @Test
    void aPolicyThatRaisedAlertsShowsItsLatestMostSeriousStateAndAQuietOneItsRuleDeadline() {
        var breach = alert("b", AlertKind.SLA_BREACH, AlertStatus.OPEN, "coordinate.connected", "2026-10-10T16:00:00Z", null);
        var warning = alert("w", AlertKind.SLA_WARNING, AlertStatus.CLEARED, "coordinate.connected", "2026-10-09T16:00:00Z",
                "2026-10-09T17:00:00Z");
        var clocks = CaseClocks.of(CREATED, "coordinate", List.of(warning, breach), DEADLINES);
        assertThat(clocks).singleElement().satisfies(c -> {
            assertThat(c.state()).isEqualTo(CaseClocks.State.BREACHED);
            assertThat(c.since()).isEqualTo(Instant.parse("2026-10-10T16:00:00Z"));
        });
        // no alert: 3 working days from Wed 2026-09-30 are Oct 8, 9 and the make-up Saturday Oct 10 (docs/domain.md §3)
        assertThat(CaseClocks.of(CREATED, "coordinate", List.of(), DEADLINES)).singleElement().satisfies(c -> {
            assertThat(c.state()).isEqualTo(CaseClocks.State.QUIET);
            assertThat(c.deadline()).isEqualTo(Instant.parse("2026-10-10T16:00:00Z"));
        });
        // an open warning outranks a cleared breach; an unknown class has no rule clocks
        var cleared = alert("b", AlertKind.SLA_BREACH, AlertStatus.CLEARED, "coordinate.connected",
                "2026-10-10T16:00:00Z", "2026-10-11T00:00:00Z");
        var open = alert("w", AlertKind.SLA_WARNING, AlertStatus.OPEN, "coordinate.connected", "2026-10-09T16:00:00Z", null);
        assertThat(CaseClocks.of(CREATED, "", List.of(cleared, open), DEADLINES)).singleElement()
                .satisfies(c -> assertThat(c.state()).isEqualTo(CaseClocks.State.WARNING));
    }

    @Test
    void theSummaryFoldsTheLatestTypeAndAReopenedCaseIsNotClosed() {
        var steps = new java.util.ArrayList<>(file().events());
        steps.add(event("demand.closed", "2026-10-02T00:00:00Z", "{\"caseId\":\"c\"}"));
        steps.add(event("demand.reopened", "2026-10-03T00:00:00Z", "{\"caseId\":\"c\",\"reason\":\"未解决\"}"));
        var summary = CaseSummary.of(new CaseFile("c", "", steps, List.of(), List.of()));
        assertThat(summary.createdAt()).isEqualTo(CREATED);
        assertThat(summary.demandClass()).isEqualTo("coordinate");
        assertThat(summary.latestStep()).isEqualTo("reopened");
        assertThat(summary.closed()).isFalse();
        assertThat(summary.description()).isEqualTo("楼道灯坏了");
    }

    private static CaseFile file() {
        var events = List.of(
                event("demand.created", "2026-09-30T07:00:00Z",
                        "{\"caseId\":\"c\",\"demandClass\":\"coordinate\",\"description\":\"楼道灯坏了\"}"),
                event("demand.assigned", "2026-09-30T08:00:00Z",
                        "{\"caseId\":\"c\",\"firstReceiver\":\"w-3\",\"leadUnit\":\"市民政局\",\"department\":\"civil_affairs\"}"),
                event("demand.responded", "2026-10-09T17:00:00Z", "{\"caseId\":\"c\",\"by\":\"w-3\"}"),
                event("feedback", "2026-10-12T00:00:00Z", "{\"rating\":5,\"text\":\"很满意\",\"target\":{\"type\":\"case\",\"id\":\"c\"}}"));
        var warning = alert("w", AlertKind.SLA_WARNING, AlertStatus.CLEARED, "coordinate.connected", "2026-10-09T16:00:00Z",
                "2026-10-09T17:00:00Z");
        var assign = new AlertAction("a", "w", AlertAction.ASSIGN, "head", "w-5", "请回访", Instant.parse("2026-10-10T00:00:00Z"),
                null, null, null, null);
        return new CaseFile("c", "civil_affairs", events, List.of(warning), List.of(assign));
    }

    private static EventRow event(String kind, String at, String payload) {
        var t = Instant.parse(at);
        return new EventRow(kind + at, kind, t, t, "src", GRID, GRID.substring(0, 12), GRID.substring(0, 9),
                GRID.substring(0, 6), null, null, payload);
    }

    private static Alert alert(String id, AlertKind kind, AlertStatus status, String policy, String raised, String cleared) {
        var at = Instant.parse(raised);
        return new Alert(id, kind, Severity.MAJOR, status, "c", policy, 0, Instant.parse("2026-10-10T16:00:00Z"), at,
                cleared == null ? null : Instant.parse(cleared), new AreaLineage(GRID, GRID.substring(0, 12),
                GRID.substring(0, 9), GRID.substring(0, 6)), "", 1);
    }
}
