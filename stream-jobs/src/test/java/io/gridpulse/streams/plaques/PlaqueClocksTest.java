package io.gridpulse.streams.plaques;

import io.gridpulse.model.alerts.Alert;
import io.gridpulse.model.alerts.AlertKind;
import io.gridpulse.model.alerts.AlertStatus;
import io.gridpulse.model.alerts.Severity;
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

class PlaqueClocksTest {
    static final Instant REPORTED = Instant.parse("2026-11-23T02:00:00Z");
    static final String PREFIX = "plaque:pl-9:update:" + REPORTED.toEpochMilli();
    private KeyedOneInputStreamOperatorTestHarness<String, PlaqueStep, Alert> harness;

    @BeforeEach
    void open() throws Exception {
        harness = newHarness(Duration.ofHours(24));
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    /** The clock without escalations: the warning and breach alone (escalations have their own tests). */
    private static KeyedOneInputStreamOperatorTestHarness<String, PlaqueStep, Alert> newHarness(Duration limit) throws Exception {
        return newHarness(new PlaqueClocks(limit, List.of()));
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, PlaqueStep, Alert> newHarness(PlaqueClocks clocks)
            throws Exception {
        return new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(clocks), PlaqueStep::plaqueId, Types.STRING);
    }

    @Test
    void anUnupdatedPlaqueEscalatesToCommunityStreetAndCityByDefaultEachOnce() throws Exception {
        harness.close();
        harness = newHarness(new PlaqueClocks(Duration.ofHours(24)));
        harness.open();
        send(step("damaged", REPORTED));
        watermark(hours(24));
        assertThat(alerts()).extracting(Alert::alertId, Alert::kind, Alert::level, Alert::raisedAt).containsExactly(
                tuple(PREFIX + ":warning", AlertKind.SLA_WARNING, 0, hours(19.2)),
                tuple(PREFIX + ":breach", AlertKind.SLA_BREACH, 0, hours(24)),
                tuple(PREFIX + ":escalation-1", AlertKind.SLA_ESCALATION, 1, hours(24)));
        for (int h = 25; h <= 200; h += 7) {
            watermark(hours(h));
        }
        assertThat(alerts()).extracting(Alert::alertId, Alert::level, Alert::raisedAt).containsExactly(
                tuple(PREFIX + ":warning", 0, hours(19.2)), tuple(PREFIX + ":breach", 0, hours(24)),
                tuple(PREFIX + ":escalation-1", 1, hours(24)), tuple(PREFIX + ":escalation-2", 2, hours(48)),
                tuple(PREFIX + ":escalation-3", 3, hours(96)));
        assertThat(alerts()).allSatisfy(a -> assertThat(a.deadline()).isEqualTo(hours(24)));
        assertThat(alerts().getLast().severity()).isEqualTo(Severity.CRITICAL);
        assertThat(alerts().getLast().detail()).contains("escalated to the city");
    }

    @Test
    void aReplacementAfterTheFirstEscalationClearsWhatWasRaisedAndTheLaterEscalationsNeverFire() throws Exception {
        harness.close();
        harness = newHarness(new PlaqueClocks(Duration.ofHours(24)));
        harness.open();
        send(step("damaged", REPORTED));
        watermark(hours(30));
        send(step("replaced", hours(30)));
        watermark(hours(200));
        assertThat(alerts()).filteredOn(a -> a.status().equals(AlertStatus.CLEARED))
                .extracting(Alert::alertId, Alert::clearedAt).containsExactly(
                        tuple(PREFIX + ":warning", hours(30)), tuple(PREFIX + ":breach", hours(30)),
                        tuple(PREFIX + ":escalation-1", hours(30)));
        assertThat(alerts()).extracting(Alert::alertId).doesNotContain(PREFIX + ":escalation-2", PREFIX + ":escalation-3");
    }

    static PlaqueStep step(String action, Instant at) {
        return new PlaqueStep("pl-9", action, "merchant", "pl-9@" + at, at, "439901001001001", "439901001001", "439901001",
                "439901");
    }

    private void send(PlaqueStep... steps) throws Exception {
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

    private static Instant hours(double h) {
        return REPORTED.plus(Duration.ofMinutes(Math.round(h * 60)));
    }

    @Test
    void aDamagedPlaqueWarnsAt80PercentOf24HoursAndBreachesAtTheDeadlineWithNoFurtherInput() throws Exception {
        send(step("damaged", REPORTED));
        watermark(hours(19.2).minusMillis(1));
        assertThat(alerts()).isEmpty();

        watermark(hours(30));
        assertThat(alerts()).extracting(Alert::alertId, Alert::kind, Alert::raisedAt, Alert::deadline,
                Alert::clearedAt).containsExactly(
                tuple(PREFIX + ":warning", AlertKind.SLA_WARNING, hours(19.2), hours(24), null),
                tuple(PREFIX + ":breach", AlertKind.SLA_BREACH, hours(24), hours(24), null));
        assertThat(alerts()).allSatisfy(a -> {
            assertThat(a.policyId()).isEqualTo("plaque.updated");
            assertThat(a.caseId()).isEqualTo("pl-9");
            assertThat(a.area().grid()).isEqualTo("439901001001001");
            assertThat(a.status()).isEqualTo(AlertStatus.OPEN);
        });
        assertThat(alerts().getFirst().detail()).contains("merchant plaque pl-9").contains("damaged");
    }

    @Test
    void everyReportKindStartsTheClockButAScanDoesNot() throws Exception {
        for (var action : List.of("outdated", "subject_changed")) {
            harness.close();
            harness = newHarness(Duration.ofHours(24));
            harness.open();
            send(step(action, REPORTED));
            watermark(hours(24));
            assertThat(alerts()).extracting(Alert::kind).as(action).containsExactly(AlertKind.SLA_WARNING, AlertKind.SLA_BREACH);
        }
        harness.close();
        harness = newHarness(Duration.ofHours(24));
        harness.open();
        send(step("scanned", REPORTED));
        watermark(hours(48));
        assertThat(alerts()).isEmpty();
    }

    @Test
    void anotherReportWhileTheClockRunsDoesNotRestartIt() throws Exception {
        send(step("damaged", REPORTED), step("subject_changed", hours(10)));
        watermark(hours(40));
        assertThat(alerts()).extracting(Alert::alertId).containsExactly(PREFIX + ":warning", PREFIX + ":breach");
    }

    @Test
    void aReplacementAfterTheWarningClearsItAtItsEventTimeAndNothingMoreFires() throws Exception {
        send(step("damaged", REPORTED));
        watermark(hours(20));
        send(step("replaced", hours(21)));
        watermark(hours(48));
        assertThat(alerts()).extracting(Alert::alertId, Alert::status, Alert::clearedAt, Alert::version)
                .containsExactly(tuple(PREFIX + ":warning", AlertStatus.OPEN, null, 1L),
                        tuple(PREFIX + ":warning", AlertStatus.CLEARED, hours(21), 2L));
    }

    @Test
    void anUpdateBeforeTheWarningRaisesNothingAndALaterReportStartsANewClock() throws Exception {
        send(step("outdated", REPORTED), step("updated", hours(3)), step("damaged", hours(30)));
        watermark(hours(30 + 24));
        var second = "plaque:pl-9:update:" + hours(30).toEpochMilli();
        assertThat(alerts()).extracting(Alert::alertId, Alert::raisedAt).containsExactly(
                tuple(second + ":warning", hours(30 + 19.2)), tuple(second + ":breach", hours(30 + 24)));
    }

    @Test
    void theLimitIsConfigurable() throws Exception {
        harness.close();
        harness = newHarness(Duration.ofHours(10));
        harness.open();
        send(step("damaged", REPORTED));
        watermark(hours(10));
        assertThat(alerts()).extracting(Alert::raisedAt, Alert::deadline)
                .containsExactly(tuple(hours(8), hours(10)), tuple(hours(10), hours(10)));
    }

    @Test
    void theSameHistoryGivesTheSameAlertsAfterARestoreFromASnapshot() throws Exception {
        send(step("damaged", REPORTED));
        watermark(hours(1));
        var snapshot = harness.snapshot(1, 1);
        watermark(hours(20));
        send(step("replaced", hours(22)));
        watermark(hours(48));
        var uninterrupted = List.copyOf(alerts());

        harness.close();
        harness = newHarness(Duration.ofHours(24));
        harness.initializeState(snapshot);
        harness.open();
        watermark(hours(20));
        send(step("replaced", hours(22)));
        watermark(hours(48));
        assertThat(new ArrayList<>(alerts())).containsExactlyElementsOf(uninterrupted);
        assertThat(uninterrupted).extracting(Alert::status).containsExactly(AlertStatus.OPEN, AlertStatus.CLEARED);
    }
}
