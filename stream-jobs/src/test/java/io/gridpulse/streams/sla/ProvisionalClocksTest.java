package io.gridpulse.streams.sla;

import io.gridpulse.model.alerts.Alert;
import io.gridpulse.model.alerts.AlertStatus;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A clock that reaches 2027 before its holiday notice is loaded keeps running on the statutory holidays, says it is
 * provisional, and is computed again, its alerts withdrawn or written again under their ids, once the notice is in
 * the calendar folder. The table keeps the newest version of each alert, so each is counted once.
 */
class ProvisionalClocksTest {
    static final String CONNECTED = "coordinate.connected";
    @TempDir
    Path calendars;
    private KeyedOneInputStreamOperatorTestHarness<String, CaseEvent, Alert> harness;

    @BeforeEach
    void open() throws Exception {
        harness = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(
                new SlaClocks(ZoneId.of("Asia/Shanghai"), calendars.toString(), Duration.ZERO)), CaseEvent::caseId, Types.STRING);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void aClockIntoAYearWithoutItsNoticeRunsOnTheStatutoryHolidaysAndSaysSo() throws Exception {
        // three working days from Tuesday 29 December: 30, 31, (1 January off by law), Monday 4 January
        send(created("c-1", at("2026-12-29T10:00:00+08:00")));
        harness.processWatermark(at("2027-01-05T00:00:00+08:00").toEpochMilli());
        var newest = newest();
        assertThat(newest.get(id("c-1", "warning")).raisedAt()).isEqualTo(at("2027-01-04T00:00:00+08:00"));
        assertThat(newest.get(id("c-1", "breach")).deadline()).isEqualTo(at("2027-01-05T00:00:00+08:00"));
        assertThat(newest.values()).allSatisfy(a -> assertThat(a.detail()).contains("provisional").contains("2027"));
    }

    @Test
    void whenTheNoticeMovesTheDeadlineAFiredWarningIsWithdrawnAndRaisedAgainAtItsNewTime() throws Exception {
        send(created("c-2", at("2026-12-29T10:00:00+08:00")));
        harness.processWatermark(at("2027-01-04T12:00:00+08:00").toEpochMilli());
        assertThat(newest().get(id("c-2", "warning")).status()).isEqualTo(AlertStatus.OPEN);

        // the notice gives Monday 4 January off too: the third working day is Tuesday the 5th
        Files.writeString(calendars.resolve("cn-2027.txt"), "year 2027\n2027-01-01 off 元旦\n2027-01-04 off 元旦\n");
        harness.setProcessingTime(SlaClocks.RECHECK.toMillis() + 1);
        var warning = newest().get(id("c-2", "warning"));
        assertThat(warning.status()).isEqualTo(AlertStatus.CLEARED);
        assertThat(warning.clearedAt()).as("withdrawn").isEqualTo(warning.raisedAt());

        harness.processWatermark(at("2027-01-06T01:00:00+08:00").toEpochMilli());
        var newest = newest();
        assertThat(newest.get(id("c-2", "warning"))).satisfies(a -> {
            assertThat(a.status()).isEqualTo(AlertStatus.OPEN);
            assertThat(a.raisedAt()).isEqualTo(at("2027-01-05T00:00:00+08:00"));
            assertThat(a.detail()).doesNotContain("provisional");
        });
        assertThat(newest.get(id("c-2", "breach")).deadline()).isEqualTo(at("2027-01-06T00:00:00+08:00"));
        assertThat(newest.get(id("c-2", "breach")).raisedAt()).isEqualTo(at("2027-01-06T00:00:00+08:00"));
    }

    @Test
    void whenTheNoticeConfirmsTheDeadlineTheAlertsAreWrittenAgainWithoutTheirNote() throws Exception {
        send(created("c-3", at("2026-12-29T10:00:00+08:00")));
        harness.processWatermark(at("2027-01-05T00:00:00+08:00").toEpochMilli());
        Files.writeString(calendars.resolve("cn-2027.txt"), "year 2027\n2027-01-01 off 元旦\n");
        harness.setProcessingTime(SlaClocks.RECHECK.toMillis() + 1);
        var newest = newest();
        assertThat(newest.get(id("c-3", "breach")).deadline()).isEqualTo(at("2027-01-05T00:00:00+08:00"));
        assertThat(newest.values()).allSatisfy(a -> assertThat(a.detail()).doesNotContain("provisional"));
        // nothing more is looked at: the clock is exact now
        var written = harness.extractOutputValues().size();
        harness.setProcessingTime(3 * SlaClocks.RECHECK.toMillis());
        assertThat(harness.extractOutputValues()).hasSize(written);
    }

    @Test
    void aClockAnsweredBeforeItsProvisionalDeadlineIsSettledAgainWhenTheNoticeMovesTheDeadlineEarlier() throws Exception {
        send(created("c-4", at("2026-12-29T10:00:00+08:00")));
        // answered on Monday 4 January at 10:00, inside the provisional deadline (5 January 00:00)
        send(new CaseEvent("c-4", "c-4-responded", "demand.responded", at("2027-01-04T10:00:00+08:00"), "", "",
                "439901001001001", "439901001001", "439901001", "439901"));
        harness.processWatermark(at("2027-01-08T00:00:00+08:00").toEpochMilli());
        assertThat(newest().get(id("c-4", "breach"))).isNull();

        // a notice with 2 January (a Saturday) a working day: the third working day was 2 January, due 3 January
        Files.writeString(calendars.resolve("cn-2027.txt"), "year 2027\n2027-01-01 off 元旦\n2027-01-02 work 调休上班\n");
        harness.setProcessingTime(SlaClocks.RECHECK.toMillis() + 1);
        var breach = newest().get(id("c-4", "breach"));
        assertThat(breach).isNotNull();
        assertThat(breach.deadline()).isEqualTo(at("2027-01-03T00:00:00+08:00"));
    }

    private void send(CaseEvent event) throws Exception {
        harness.processElement(new StreamRecord<>(event, event.occurredAt().toEpochMilli()));
    }

    /** The newest row of every alert id, as the alerts table keeps them. */
    private Map<String, Alert> newest() {
        List<Alert> rows = harness.extractOutputValues();
        return rows.stream().collect(Collectors.toMap(Alert::alertId, Function.identity(),
                (a, b) -> b.version() >= a.version() ? b : a));
    }

    static String id(String caseId, String stage) {
        return "sla:" + caseId + ":" + CONNECTED + ":1:" + stage;
    }

    static CaseEvent created(String caseId, Instant at) {
        return new CaseEvent(caseId, caseId + "-created", "demand.created", at, "coordinate", "employment_guidance",
                "439901001001001", "439901001001", "439901001", "439901");
    }

    static Instant at(String text) {
        return OffsetDateTime.parse(text).toInstant();
    }
}
