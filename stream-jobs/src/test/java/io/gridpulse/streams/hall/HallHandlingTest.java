package io.gridpulse.streams.hall;

import io.gridpulse.model.alerts.Alert;
import io.gridpulse.model.alerts.AlertKind;
import io.gridpulse.model.alerts.AlertStatus;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

class HallHandlingTest {
    static final Instant SERVED = Instant.parse("2026-11-23T01:40:00Z");
    static final String WARNING = "hall:hall-439901001/tk-7:handling:" + SERVED.toEpochMilli() + ":warning";
    private KeyedOneInputStreamOperatorTestHarness<String, TicketStep, Alert> harness;

    @BeforeEach
    void open() throws Exception {
        harness = newHarness(Duration.ofMinutes(20));
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    /** The clock without escalations: the warning alone (escalations have their own tests). */
    private static KeyedOneInputStreamOperatorTestHarness<String, TicketStep, Alert> newHarness(Duration limit) throws Exception {
        return newHarness(new HallHandling(limit, List.of()));
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, TicketStep, Alert> newHarness(HallHandling handling)
            throws Exception {
        return new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(handling), TicketStep::ticketKey, Types.STRING);
    }

    @Test
    void aTicketNeverCompletedEscalatesByDefaultAfterItsWarningAndACompletionClearsEverythingRaised() throws Exception {
        harness.close();
        harness = newHarness(new HallHandling(Duration.ofMinutes(20)));
        harness.open();
        var escalation = WARNING.replace(":warning", ":escalation-");
        send(ticket("served", SERVED));
        watermark(minutes(20));
        assertThat(alerts()).extracting(Alert::alertId, Alert::kind, Alert::level, Alert::raisedAt).containsExactly(
                tuple(WARNING, AlertKind.SLA_WARNING, 0, minutes(20)),
                tuple(escalation + "1", AlertKind.SLA_ESCALATION, 1, minutes(20)));
        watermark(minutes(20 + 24 * 60));
        assertThat(alerts()).extracting(Alert::alertId).containsExactly(WARNING, escalation + "1", escalation + "2");
        send(ticket("completed", minutes(25 * 60)));
        watermark(minutes(5 * 24 * 60));
        assertThat(alerts()).filteredOn(a -> a.status().equals(AlertStatus.CLEARED)).extracting(Alert::alertId, Alert::clearedAt)
                .containsExactly(tuple(WARNING, minutes(25 * 60)), tuple(escalation + "1", minutes(25 * 60)),
                        tuple(escalation + "2", minutes(25 * 60)));
        assertThat(alerts()).extracting(Alert::alertId).doesNotContain(escalation + "3");
    }

    static TicketStep ticket(String stage, Instant at) {
        return new TicketStep("hall-439901001", "tk-7", stage, "w-3", "social_insurance", "tk-7@" + stage, at,
                "439901001001001", "439901001001", "439901001", "439901");
    }

    private void send(TicketStep... steps) throws Exception {
        for (var s : steps) {
            harness.processElement(new StreamRecord<>(s, s.occurredAt().toEpochMilli()));
        }
    }

    private void watermark(Instant at) throws Exception {
        harness.processWatermark(at.toEpochMilli());
    }

    private List<Alert> alerts() {
        return harness.extractOutputValues();
    }

    private static Instant minutes(int m) {
        return SERVED.plus(Duration.ofMinutes(m));
    }

    @Test
    void aTicketServedLongerThanTheLimitWarnsOnceTheMomentTheLimitPassesWithNoFurtherInput() throws Exception {
        send(ticket("issued", minutes(-15)), ticket("called", minutes(-1)), ticket("served", SERVED));
        watermark(minutes(20).minusMillis(1));
        assertThat(alerts()).isEmpty();

        watermark(minutes(20));
        watermark(minutes(120));
        assertThat(alerts()).singleElement().satisfies(a -> {
            assertThat(a.alertId()).isEqualTo(WARNING);
            assertThat(a.kind()).isEqualTo(AlertKind.SLA_WARNING);
            assertThat(a.policyId()).isEqualTo("hall.handling");
            assertThat(a.caseId()).isEqualTo("tk-7");
            assertThat(a.status()).isEqualTo(AlertStatus.OPEN);
            assertThat(a.raisedAt()).isEqualTo(minutes(20));
            assertThat(a.deadline()).isEqualTo(minutes(20));
            assertThat(a.clearedAt()).isNull();
            assertThat(a.area().community()).isEqualTo("439901001001");
            assertThat(a.detail()).contains("tk-7").contains("w-3").contains("20 min");
        });
    }

    @Test
    void completingTheTicketClearsTheWarningAtTheCompletion() throws Exception {
        send(ticket("served", SERVED));
        watermark(minutes(21));
        send(ticket("completed", minutes(25)));
        assertThat(alerts()).extracting(Alert::alertId, Alert::status, Alert::raisedAt, Alert::clearedAt,
                Alert::version).containsExactly(tuple(WARNING, AlertStatus.OPEN, minutes(20), null, 1L),
                tuple(WARNING, AlertStatus.CLEARED, minutes(20), minutes(25), 2L));
    }

    @Test
    void aTicketCompletedWithinTheLimitRaisesNothingEver() throws Exception {
        send(ticket("served", SERVED), ticket("completed", minutes(19)));
        watermark(minutes(600));
        assertThat(alerts()).isEmpty();
    }

    @Test
    void anAbandonedTicketClearsTheWarning() throws Exception {
        send(ticket("served", SERVED));
        watermark(minutes(30));
        send(ticket("abandoned", minutes(31)));
        assertThat(alerts()).extracting(Alert::status, Alert::clearedAt)
                .containsExactly(tuple(AlertStatus.OPEN, null), tuple(AlertStatus.CLEARED, minutes(31)));
    }

    @Test
    void ticketsThatWereNeverServedRaiseNothing() throws Exception {
        send(ticket("issued", SERVED), ticket("called", minutes(5)), ticket("abandoned", minutes(6)));
        watermark(minutes(600));
        assertThat(alerts()).isEmpty();
    }

    @Test
    void aCompletionUploadedBeforeItsServingEndsTheSameWayAsInOrder() throws Exception {
        send(ticket("completed", minutes(32)), ticket("served", SERVED));
        watermark(minutes(600));
        var reversed = List.copyOf(alerts());
        harness.close();
        harness = newHarness(Duration.ofMinutes(20));
        harness.open();
        send(ticket("served", SERVED), ticket("completed", minutes(32)));
        watermark(minutes(600));
        assertThat(reversed).containsExactlyElementsOf(alerts());
        assertThat(reversed).extracting(Alert::alertId, Alert::status, Alert::clearedAt)
                .containsExactly(tuple(WARNING, AlertStatus.OPEN, null), tuple(WARNING, AlertStatus.CLEARED, minutes(32)));
    }

    @Test
    void aCompletionReportedAfterTheWarningFiredThatWasNotDueWithdrawsIt() throws Exception {
        send(ticket("served", SERVED));
        watermark(minutes(25)); // the wall clock moved time on; the window's upload was late
        send(ticket("completed", minutes(18)));
        assertThat(alerts()).extracting(Alert::status, Alert::raisedAt, Alert::clearedAt).containsExactly(
                tuple(AlertStatus.OPEN, minutes(20), null), tuple(AlertStatus.CLEARED, minutes(20), minutes(20)));
        assertThat(alerts().getLast().detail()).contains("withdrawn");
    }

    @Test
    void theLimitIsConfigurable() throws Exception {
        harness.close();
        harness = newHarness(Duration.ofMinutes(15));
        harness.open();
        send(ticket("served", SERVED));
        watermark(minutes(15));
        assertThat(alerts()).extracting(Alert::raisedAt, Alert::deadline).containsExactly(tuple(minutes(15), minutes(15)));
    }

    @Test
    void theSameHistoryGivesTheSameAlertsAfterARestoreFromASnapshot() throws Exception {
        send(ticket("served", SERVED));
        watermark(minutes(5));
        var snapshot = harness.snapshot(1, 1);
        watermark(minutes(22));
        send(ticket("completed", minutes(40)));
        var uninterrupted = List.copyOf(alerts());

        harness.close();
        harness = newHarness(Duration.ofMinutes(20));
        harness.initializeState(snapshot);
        harness.open();
        watermark(minutes(22));
        send(ticket("completed", minutes(40)));
        assertThat(new ArrayList<>(alerts())).containsExactlyElementsOf(uninterrupted);
        assertThat(uninterrupted).extracting(Alert::status).containsExactly(AlertStatus.OPEN, AlertStatus.CLEARED);
    }

    @Test
    void aTicketIsRememberedPastItsLastEscalationSoThatItsCompletionStillClearsIt() {
        assertThat(HallHandling.remember(Duration.ofMinutes(20), List.of(Duration.ZERO, Duration.ofHours(24), Duration.ofHours(72))))
                .isEqualTo(Duration.ofMinutes(20).plusHours(72).plusDays(2));
        assertThat(HallHandling.remember(Duration.ofMinutes(20), List.of())).isEqualTo(Duration.ofMinutes(20).plusDays(2));
        assertThat(HallHandling.remember(Duration.ZERO, List.of())).isEqualTo(HallHandling.REMEMBER_TICKETS);
    }
}
