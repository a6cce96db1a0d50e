package io.gridpulse.streams.sla;

import io.gridpulse.model.alerts.Alert;
import io.gridpulse.model.alerts.AlertKind;
import io.gridpulse.model.alerts.AlertStatus;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The clocks judge follow-ups on their event time, not on when they arrive. The case of the acceptance
 * test: a 24-hour first-response clock created Wed 2026-09-30 09:00 (warning Oct 1 04:12, due Oct 1
 * 09:00, escalations Oct 1 09:00, Oct 2 09:00, Oct 4 09:00), answered Oct 1 05:00.
 */
class SlaClocksEventTimeTest {
    private static final Instant CREATED = at("2026-09-30T09:00:00+08:00");
    private static final Instant WARNING = at("2026-10-01T04:12:00+08:00");
    private static final Instant DUE = at("2026-10-01T09:00:00+08:00");
    private static final Instant ANSWERED = at("2026-10-01T05:00:00+08:00");
    /** After every stage of the clock and before a closed case (Oct 3) is forgotten. */
    private static final Instant AFTER_EVERY_STAGE = at("2026-10-06T00:00:00+08:00");
    private static final Instant LONG_AFTER = at("2026-12-31T00:00:00+08:00");
    private static final String WARNING_ID = "sla:c-1:resolve_now.first_response:1:warning";

    private final List<Alert> emitted = new ArrayList<>();
    private KeyedOneInputStreamOperatorTestHarness<String, CaseEvent, Alert> harness;
    private int seen;

    @Test
    void anAnswerBetweenWarningAndDeadlineThatArrivesWithItsCaseRaisesTheWarningAndClearsItAtTheAnswer() throws Exception {
        run(created(), responded(ANSWERED), LONG_AFTER);

        assertThat(emitted).extracting(Alert::alertId, Alert::status, Alert::raisedAt, Alert::clearedAt,
                Alert::version).containsExactly(
                tuple(WARNING_ID, AlertStatus.OPEN, WARNING, null, 1L),
                tuple(WARNING_ID, AlertStatus.CLEARED, WARNING, ANSWERED, 2L));
    }

    @Test
    void anAnswerThatArrivesBeforeItsCaseLetsTheClockRunUpToTheAnswer() throws Exception {
        run(responded(ANSWERED), created(), LONG_AFTER);

        assertThat(latest(emitted)).extracting(Alert::alertId, Alert::status, Alert::raisedAt, Alert::clearedAt)
                .containsExactly(tuple(WARNING_ID, AlertStatus.CLEARED, WARNING, ANSWERED));
    }

    @Test
    void anAnswerUploadedAfterTheTimersFiredClearsTheWarningAndWithdrawsTheStagesDueAfterTheAnswer() throws Exception {
        run(created(), AFTER_EVERY_STAGE);
        assertThat(emitted).hasSize(5).allSatisfy(a -> assertThat(a.status()).isEqualTo(AlertStatus.OPEN));
        emitted.clear();

        run(responded(ANSWERED), LONG_AFTER);

        assertThat(emitted).as("no alert is cleared before it was raised")
                .allSatisfy(a -> assertThat(a.clearedAt()).isAfterOrEqualTo(a.raisedAt()));
        assertThat(emitted).extracting(Alert::kind, Alert::level, Alert::status, Alert::raisedAt,
                Alert::clearedAt, Alert::version).containsExactly(
                tuple(AlertKind.SLA_WARNING, 0, AlertStatus.CLEARED, WARNING, ANSWERED, 2L),
                tuple(AlertKind.SLA_BREACH, 0, AlertStatus.CLEARED, DUE, DUE, 2L),
                tuple(AlertKind.SLA_ESCALATION, 1, AlertStatus.CLEARED, DUE, DUE, 2L),
                tuple(AlertKind.SLA_ESCALATION, 2, AlertStatus.CLEARED, DUE.plusSeconds(86_400), DUE.plusSeconds(86_400), 2L),
                tuple(AlertKind.SLA_ESCALATION, 3, AlertStatus.CLEARED, DUE.plusSeconds(3 * 86_400),
                        DUE.plusSeconds(3 * 86_400), 2L));
        assertThat(emitted).filteredOn(a -> !a.kind().equals(AlertKind.SLA_WARNING))
                .allSatisfy(a -> assertThat(a.detail()).endsWith(SlaClocks.WITHDRAWN));
        assertThat(emitted.getFirst().detail()).doesNotContain("withdrawn");
    }

    @Test
    void anAnswerAfterTheDeadlineUploadedLateClearsEveryStageDueBeforeItAtItsTime() throws Exception {
        var answered = at("2026-10-01T20:00:00+08:00");   // after the breach and the first escalation, before the second
        run(created(), AFTER_EVERY_STAGE, responded(answered), LONG_AFTER);

        assertThat(standing(emitted)).extracting(Alert::kind, Alert::level, Alert::raisedAt, Alert::clearedAt)
                .containsExactly(
                        tuple(AlertKind.SLA_BREACH, 0, DUE, answered),
                        tuple(AlertKind.SLA_ESCALATION, 1, DUE, answered),
                        tuple(AlertKind.SLA_WARNING, 0, WARNING, answered));
        assertThat(withdrawn(emitted)).extracting(Alert::level).containsExactlyInAnyOrder(2, 3);
    }

    @Test
    void anEarlierStepThatArrivesAfterTheClockStoppedSettlesItAgainAtTheEarlierTime() throws Exception {
        var resolved = at("2026-10-01T04:30:00+08:00");
        run(created(), AFTER_EVERY_STAGE, responded(ANSWERED), event("demand.resolved", resolved), LONG_AFTER);

        var warning = latest(emitted).stream().filter(a -> a.kind().equals(AlertKind.SLA_WARNING)).toList();
        assertThat(warning).singleElement().satisfies(a -> {
            assertThat(a.clearedAt()).isEqualTo(resolved);
            assertThat(a.version()).isEqualTo(3L);
        });
        assertThat(standing(emitted)).hasSize(1);
    }

    @Test
    void theSameEventsGiveTheSameAlertsInEveryArrivalOrderAndWhereverTimePassesBetweenThem() throws Exception {
        // a resolution uploaded by another terminal happened before the answer: the clock stops at it
        var steps = List.<Object>of(created(), responded(ANSWERED), event("demand.resolved", at("2026-10-01T04:50:00+08:00")),
                event("demand.closed", at("2026-10-03T10:00:00+08:00")));
        var expected = List.of(tuple(WARNING_ID, AlertStatus.CLEARED, WARNING, at("2026-10-01T04:50:00+08:00")));
        var runs = 0;
        for (var order : permutations(steps)) {
            for (int quiet = 0; quiet <= order.size(); quiet++) {
                var script = new ArrayList<>(order);
                script.add(quiet, AFTER_EVERY_STAGE);   // time passes every stage somewhere in the upload order
                script.add(LONG_AFTER);
                fresh();
                run(script.toArray());
                var described = "arrival order " + script;
                assertThat(standing(emitted)).as(described)
                        .extracting(Alert::alertId, Alert::status, Alert::raisedAt, Alert::clearedAt)
                        .containsExactlyElementsOf(expected);
                assertThat(emitted).as(described).allSatisfy(a -> assertThat(a.clearedAt() == null
                        || !a.clearedAt().isBefore(a.raisedAt())).isTrue());
                assertVersionsGrow(described);
                runs++;
            }
        }
        assertThat(runs).isEqualTo(24 * 5);
    }

    @Test
    void aResponseExactlyAtTheDeadlineIsInTimeWhicheverArrivesFirst() throws Exception {
        run(created(), responded(DUE), LONG_AFTER);
        var inOrder = standing(emitted);
        fresh();
        run(created(), AFTER_EVERY_STAGE, responded(DUE), LONG_AFTER);
        assertThat(standing(emitted)).isEqualTo(inOrder).extracting(Alert::kind).containsExactly(AlertKind.SLA_WARNING);
    }

    @Test
    void aReopenedCaseRunsItsClosedLoopClockAgainInANewRound() throws Exception {
        run(event("demand.created", at("2026-11-02T09:00:00+08:00"), "coordinate", "employment_guidance"),
                event("demand.assigned", at("2026-11-02T10:00:00+08:00")),
                event("demand.resolved", at("2026-11-03T10:00:00+08:00")),
                event("demand.reopened", at("2026-11-04T09:00:00+08:00")),
                LONG_AFTER);
        assertThat(emitted).filteredOn(a -> a.policyId().equals("complex_problem.closed_loop"))
                .isNotEmpty()
                .allSatisfy(a -> assertThat(a.alertId()).contains(":2:"))
                .filteredOn(a -> a.kind().equals(AlertKind.SLA_BREACH)).singleElement()
                .satisfies(a -> assertThat(a.status()).isEqualTo(AlertStatus.OPEN));
    }

    @Test
    void aWhistleClockIsStoppedOnlyByAnAnswerGivenAfterTheWhistle() throws Exception {
        var whistle = at("2026-10-01T06:00:00+08:00");
        for (var order : List.of(List.<Object>of(created(), responded(ANSWERED), event("demand.whistle", whistle)),
                List.<Object>of(created(), event("demand.whistle", whistle), responded(ANSWERED)))) {
            fresh();
            var script = new ArrayList<>(order);
            script.add(AFTER_EVERY_STAGE);
            run(script.toArray());
            assertThat(standing(emitted)).as("arrival order %s", order)
                    .filteredOn(a -> a.policyId().equals("cross_department.response"))
                    .extracting(Alert::kind).contains(AlertKind.SLA_BREACH);
        }
        run(event("demand.responded", at("2026-10-01T07:00:00+08:00")), LONG_AFTER);
        assertThat(standing(emitted)).filteredOn(a -> a.policyId().equals("cross_department.response")).isEmpty();
    }

    @Test
    void aClosedCaseIsRememberedForLateUploadsForAWhileThenForgotten() throws Exception {
        var closed = at("2026-10-03T10:00:00+08:00");
        run(created(), event("demand.closed", closed), closed.plus(SlaClocks.REMEMBER_CLOSED).minusMillis(1));
        assertThat(harness.numKeyedStateEntries()).isPositive();
        run(closed.plus(SlaClocks.REMEMBER_CLOSED));
        assertThat(harness.numKeyedStateEntries()).isZero();
    }

    /** Feeds events (CaseEvent) and watermarks (Instant) to the operator in the given order; adds what it emits to {@link #emitted}. */
    private void run(Object... script) throws Exception {
        if (harness == null) {
            harness = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(new SlaClocks(ZoneId.of("Asia/Shanghai"))),
                    CaseEvent::caseId, Types.STRING);
            harness.open();
            seen = 0;
        }
        for (var step : script) {
            switch (step) {
                case CaseEvent e -> harness.processElement(new StreamRecord<>(e, e.occurredAt().toEpochMilli()));
                case Instant watermark -> harness.processWatermark(watermark.toEpochMilli());
                default -> throw new IllegalArgumentException(String.valueOf(step));
            }
        }
        var all = harness.extractOutputValues();
        emitted.addAll(all.subList(seen, all.size()));
        seen = all.size();
    }

    /** The next {@link #run} starts a new operator with empty state. */
    private void fresh() throws Exception {
        close();
        emitted.clear();
    }

    @AfterEach
    void close() throws Exception {
        if (harness != null) {
            harness.close();
            harness = null;
        }
    }

    private void assertVersionsGrow(String described) {
        var last = new HashMap<String, Long>();
        for (var a : emitted) {
            var previous = last.put(a.alertId(), a.version());
            assertThat(previous == null || previous < a.version()).as(described + ": versions of " + a.alertId()).isTrue();
        }
    }

    /** Each alert in its latest state (highest version), by id. */
    private static List<Alert> latest(List<Alert> rows) {
        Map<String, Alert> byId = new HashMap<>();
        for (var a : rows) {
            byId.merge(a.alertId(), a, (x, y) -> y.version() > x.version() ? y : x);
        }
        return byId.values().stream().sorted(Comparator.comparing(Alert::alertId)).toList();
    }

    /** The alerts that stand: latest states that are not withdrawn. */
    private static List<Alert> standing(List<Alert> rows) {
        return latest(rows).stream().filter(a -> !isWithdrawn(a)).toList();
    }

    private static List<Alert> withdrawn(List<Alert> rows) {
        return latest(rows).stream().filter(SlaClocksEventTimeTest::isWithdrawn).toList();
    }

    private static boolean isWithdrawn(Alert a) {
        return AlertStatus.CLEARED.equals(a.status()) && a.raisedAt().equals(a.clearedAt());
    }

    private static <T> List<List<T>> permutations(List<T> items) {
        if (items.isEmpty()) {
            return List.of(List.of());
        }
        var out = new ArrayList<List<T>>();
        for (int i = 0; i < items.size(); i++) {
            var rest = new ArrayList<>(items);
            var head = rest.remove(i);
            for (var tail : permutations(rest)) {
                var p = new ArrayList<T>();
                p.add(head);
                p.addAll(tail);
                out.add(p);
            }
        }
        return out;
    }

    private static CaseEvent created() {
        return new CaseEvent("c-1", "c-1-created", "demand.created", CREATED, "resolve_now", "medical_insurance",
                "439901105001001", "439901105001", "439901105", "439901");
    }

    private static CaseEvent responded(Instant at) {
        return event("demand.responded", at);
    }

    private static CaseEvent event(String kind, Instant at) {
        return event(kind, at, "", "");
    }

    private static CaseEvent event(String kind, Instant at, String demandClass, String demandType) {
        return new CaseEvent("c-1", "c-1-" + kind + "-" + at, kind, at, demandClass, demandType, "439901105001001", "439901105001",
                "439901105", "439901");
    }

    private static Instant at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }
}
