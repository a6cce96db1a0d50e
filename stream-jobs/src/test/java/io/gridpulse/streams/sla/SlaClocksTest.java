package io.gridpulse.streams.sla;

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

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SlaClocksTest {
    private static final String FIRST_RESPONSE = "resolve_now.first_response";
    private KeyedOneInputStreamOperatorTestHarness<String, CaseEvent, Alert> harness;

    @BeforeEach
    void open() throws Exception {
        harness = newHarness();
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, CaseEvent, Alert> newHarness() throws Exception {
        return new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(new SlaClocks(ZoneId.of("Asia/Shanghai"))),
                CaseEvent::caseId, Types.STRING);
    }

    @Test
    void anUnansweredResolveNowDemandWarnsAt80PercentBreachesAtTheDeadlineAndEscalatesOnce() throws Exception {
        var created = at("2026-11-23T09:00:00+08:00");
        send(event("c-1", "demand.created", created, "resolve_now", "medical_insurance"));

        watermark(at("2026-11-24T04:11:00+08:00"));   // before 80% of 24 h (19 h 12 min)
        assertThat(alerts()).isEmpty();

        watermark(at("2026-11-24T04:12:00+08:00"));
        assertThat(alerts()).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AlertKind.SLA_WARNING);
            assertThat(a.alertId()).isEqualTo("sla:c-1:" + FIRST_RESPONSE + ":1:warning");
            assertThat(a.deadline()).isEqualTo(at("2026-11-24T09:00:00+08:00"));
            assertThat(a.raisedAt()).isEqualTo(at("2026-11-24T04:12:00+08:00"));
        });

        watermark(at("2026-11-28T00:00:00+08:00"));   // past the deadline and every escalation
        assertThat(alerts()).extracting(Alert::kind, Alert::level, Alert::raisedAt).containsExactly(
                org.assertj.core.groups.Tuple.tuple(AlertKind.SLA_WARNING, 0, at("2026-11-24T04:12:00+08:00")),
                org.assertj.core.groups.Tuple.tuple(AlertKind.SLA_BREACH, 0, at("2026-11-24T09:00:00+08:00")),
                org.assertj.core.groups.Tuple.tuple(AlertKind.SLA_ESCALATION, 1, at("2026-11-24T09:00:00+08:00")),
                org.assertj.core.groups.Tuple.tuple(AlertKind.SLA_ESCALATION, 2, at("2026-11-25T09:00:00+08:00")),
                org.assertj.core.groups.Tuple.tuple(AlertKind.SLA_ESCALATION, 3, at("2026-11-27T09:00:00+08:00")));

        watermark(at("2026-12-31T00:00:00+08:00"));   // nothing is raised twice
        assertThat(alerts()).hasSize(5);
    }

    @Test
    void aResponseBeforeTheWarningRaisesNothing() throws Exception {
        send(event("c-2", "demand.created", at("2026-11-23T09:00:00+08:00"), "resolve_now", "employment_guidance"));
        send(event("c-2", "demand.responded", at("2026-11-23T12:00:00+08:00"), "", ""));
        watermark(at("2026-12-31T00:00:00+08:00"));
        assertThat(alerts()).isEmpty();
    }

    @Test
    void aResponseAfterTheWarningClearsIt() throws Exception {
        send(event("c-3", "demand.created", at("2026-11-23T09:00:00+08:00"), "resolve_now", "employment_guidance"));
        watermark(at("2026-11-24T05:00:00+08:00"));
        send(event("c-3", "demand.responded", at("2026-11-24T06:00:00+08:00"), "", ""));
        watermark(at("2026-12-31T00:00:00+08:00"));
        assertThat(alerts()).extracting(Alert::kind, Alert::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple(AlertKind.SLA_WARNING, AlertStatus.OPEN),
                org.assertj.core.groups.Tuple.tuple(AlertKind.SLA_WARNING, AlertStatus.CLEARED));
        assertThat(alerts().get(1).clearedAt()).isEqualTo(at("2026-11-24T06:00:00+08:00"));
        assertThat(alerts().get(1).version()).isGreaterThan(alerts().get(0).version());
    }

    @Test
    void aCoordinatedCaseCountsWorkingDaysAcrossTheNationalDayHoliday() throws Exception {
        // docs/domain.md's example: created Wed 2026-09-30 15:00, 3 working days: Oct 8, 9, 10 (make-up Saturday)
        send(event("c-4", "demand.created", at("2026-09-30T15:00:00+08:00"), "coordinate", "employment_guidance"));
        watermark(at("2026-10-10T23:59:59+08:00"));
        assertThat(alerts()).filteredOn(a -> a.policyId().equals("coordinate.connected"))
                .singleElement().satisfies(a -> {
                    assertThat(a.kind()).isEqualTo(AlertKind.SLA_WARNING);
                    assertThat(a.raisedAt()).isEqualTo(at("2026-10-10T00:00:00+08:00"));   // start of the last working day
                    assertThat(a.deadline()).isEqualTo(at("2026-10-11T00:00:00+08:00"));
                });
        send(event("c-4", "demand.assigned", at("2026-10-10T23:59:59+08:00"), "", ""));
        watermark(at("2026-10-12T00:00:00+08:00"));
        assertThat(alerts()).filteredOn(a -> a.policyId().equals("coordinate.connected"))
                .extracting(Alert::status).containsExactly(AlertStatus.OPEN, AlertStatus.CLEARED);
    }

    @Test
    void aStepThatArrivesBeforeItsCaseStillStopsTheClock() throws Exception {
        // an offline terminal uploads the response before the hotline export brings the case
        send(event("c-5", "demand.responded", at("2026-11-23T10:00:00+08:00"), "", ""));
        send(event("c-5", "demand.created", at("2026-11-23T09:00:00+08:00"), "resolve_now", "employment_guidance"));
        watermark(at("2026-12-31T00:00:00+08:00"));
        assertThat(alerts()).isEmpty();
    }

    @Test
    void aCaseBeyondTheLoadedCalendarRunsProvisionallyAndOnlyBeyondTheLawsReachIsReportedUnscheduled() throws Exception {
        // 2027 has no notice yet: the clock runs on the statutory holidays (see ProvisionalClocksTest)
        send(event("c-6", "demand.created", at("2026-12-30T10:00:00+08:00"), "coordinate", "employment_guidance"));
        watermark(at("2027-01-10T00:00:00+08:00"));
        assertThat(alerts()).isNotEmpty().noneMatch(a -> a.kind().equals(AlertKind.SLA_UNSCHEDULED))
                .allSatisfy(a -> assertThat(a.detail()).contains("provisional").contains("2027"));
        // 2100: no statutory holidays are known there either; the case is reported, never silently ignored
        send(event("c-6b", "demand.created", at("2099-12-30T10:00:00+08:00"), "coordinate", "employment_guidance"));
        assertThat(alerts()).filteredOn(a -> a.kind().equals(AlertKind.SLA_UNSCHEDULED)).isNotEmpty()
                .allSatisfy(a -> assertThat(a.detail()).contains("2100"));
    }

    @Test
    void theSameHistoryGivesTheSameAlertsAfterARestoreFromASnapshot() throws Exception {
        var history = List.of(
                event("c-7", "demand.created", at("2026-11-23T09:00:00+08:00"), "resolve_now", "medical_insurance"),
                event("c-8", "demand.created", at("2026-11-23T10:00:00+08:00"), "coordinate", "elderly_care"));
        history.forEach(this::send);
        watermark(at("2026-11-24T05:00:00+08:00"));
        var snapshot = harness.snapshot(1, 1);
        var before = alerts();
        watermark(at("2026-12-20T00:00:00+08:00"));
        var uninterrupted = alerts();

        harness.close();
        harness = newHarness();
        harness.initializeState(snapshot);
        harness.open();
        watermark(at("2026-12-20T00:00:00+08:00"));
        var restored = new java.util.ArrayList<>(before);
        restored.addAll(alerts());
        assertThat(restored).containsExactlyElementsOf(uninterrupted);
    }

    private void send(CaseEvent event) {
        try {
            harness.processElement(new StreamRecord<>(event, event.occurredAt().toEpochMilli()));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private void watermark(Instant at) throws Exception {
        harness.processWatermark(at.toEpochMilli());
    }

    private List<Alert> alerts() {
        return harness.extractOutputValues();
    }

    private static CaseEvent event(String caseId, String kind, Instant at, String demandClass, String demandType) {
        return new CaseEvent(caseId, caseId + "-" + kind, kind, at, demandClass, demandType,
                "439901001001001", "439901001001", "439901001", "439901");
    }

    private static Instant at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }
}
