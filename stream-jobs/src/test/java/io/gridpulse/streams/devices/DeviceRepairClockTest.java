package io.gridpulse.streams.devices;

import io.gridpulse.model.alerts.Alert;
import io.gridpulse.model.alerts.AlertKind;
import io.gridpulse.model.alerts.AlertStatus;
import io.gridpulse.model.alerts.Severity;
import io.gridpulse.streams.sla.StageClock;
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
import java.util.LinkedHashMap;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

class DeviceRepairClockTest {
    static final Instant FAULT = Instant.parse("2026-11-23T01:00:00Z");
    static final String PREFIX = "device:k-1:repair:" + FAULT.toEpochMilli();
    private KeyedOneInputStreamOperatorTestHarness<String, DeviceReading, Alert> harness;

    @BeforeEach
    void open() throws Exception {
        harness = newHarness(DeviceRules.defaults());
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    /** The repair clock without escalations: the warning and breach alone (escalations have their own tests). */
    private static KeyedOneInputStreamOperatorTestHarness<String, DeviceReading, Alert> newHarness(DeviceRules rules)
            throws Exception {
        return newHarness(new DeviceHealth(rules, List.of()));
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, DeviceReading, Alert> newHarness(DeviceHealth health)
            throws Exception {
        return new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(health), DeviceReading::deviceId,
                Types.STRING);
    }

    @Test
    void anUnrepairedFaultEscalatesByDefaultAtTheDeadlineThenAfterOneAndThreeDaysEachOnce() throws Exception {
        harness.close();
        harness = newHarness(new DeviceHealth(DeviceRules.defaults()));
        harness.open();
        send(kiosk("fault", FAULT));
        for (int m = 0; m <= 5 * 24 * 60; m += 97) {
            watermark(plus(FAULT, m));
        }
        assertThat(repairs()).extracting(Alert::alertId, Alert::kind, Alert::level, Alert::raisedAt).containsExactly(
                tuple(PREFIX + ":warning", AlertKind.SLA_WARNING, 0, plus(FAULT, 192)),
                tuple(PREFIX + ":breach", AlertKind.SLA_BREACH, 0, plus(FAULT, 240)),
                tuple(PREFIX + ":escalation-1", AlertKind.SLA_ESCALATION, 1, plus(FAULT, 240)),
                tuple(PREFIX + ":escalation-2", AlertKind.SLA_ESCALATION, 2, plus(FAULT, 240 + 24 * 60)),
                tuple(PREFIX + ":escalation-3", AlertKind.SLA_ESCALATION, 3, plus(FAULT, 240 + 72 * 60)));
        assertThat(repairs()).allSatisfy(a -> {
            assertThat(a.deadline()).isEqualTo(plus(FAULT, 240));
            assertThat(a.area().street()).isEqualTo("439901001");
        });
    }

    @Test
    void aRepairReportedLateWithdrawsTheEscalationsThatWereNotDueAndClearsTheOthers() throws Exception {
        harness.close();
        harness = newHarness(new DeviceHealth(DeviceRules.defaults()));
        harness.open();
        send(kiosk("fault", FAULT));
        watermark(plus(FAULT, 240 + 30 * 60)); // escalation-2 fired; the repair happened before it, but is reported now
        send(kiosk("online", plus(FAULT, 600)));
        var latest = new LinkedHashMap<String, Alert>();
        repairs().forEach(a -> latest.merge(a.alertId(), a, (x, y) -> x.version() >= y.version() ? x : y));
        assertThat(latest.values()).extracting(Alert::alertId, Alert::status, Alert::clearedAt).containsExactly(
                tuple(PREFIX + ":warning", AlertStatus.CLEARED, plus(FAULT, 600)),
                tuple(PREFIX + ":breach", AlertStatus.CLEARED, plus(FAULT, 600)),
                tuple(PREFIX + ":escalation-1", AlertStatus.CLEARED, plus(FAULT, 600)),
                tuple(PREFIX + ":escalation-2", AlertStatus.CLEARED, plus(FAULT, 240 + 24 * 60)));
        assertThat(latest.get(PREFIX + ":escalation-2").detail()).endsWith(StageClock.WITHDRAWN);
    }

    static DeviceReading kiosk(String status, Instant at) {
        return new DeviceReading("k-1", "kiosk", "k-1@" + at, at, null, 90.0, false, status, "439901001001001",
                "439901001001", "439901001", "439901");
    }

    private void send(DeviceReading... readings) throws Exception {
        for (var r : readings) {
            harness.processElement(new StreamRecord<>(r, r.occurredAt().toEpochMilli()));
        }
    }

    private void watermark(Instant at) throws Exception {
        harness.processWatermark(at.toEpochMilli());
    }

    /** The repair clock's rows only (a silent faulty kiosk also goes offline). */
    private List<Alert> repairs() {
        return harness.extractOutputValues().stream().filter(a -> a.policyId().equals(DeviceHealth.REPAIR_POLICY)).toList();
    }

    private static Instant plus(Instant at, int minutes) {
        return at.plus(Duration.ofMinutes(minutes));
    }

    @Test
    void anUnrepairedFaultWarnsAt80PercentAndBreachesAfterFourHoursWithNoFurtherInput() throws Exception {
        send(kiosk("fault", FAULT));
        watermark(plus(FAULT, 191));
        assertThat(repairs()).isEmpty();

        watermark(plus(FAULT, 192)); // 80% of 4 h = 3 h 12 min
        assertThat(repairs()).singleElement().satisfies(a -> {
            assertThat(a.alertId()).isEqualTo(PREFIX + ":warning");
            assertThat(a.kind()).isEqualTo(AlertKind.SLA_WARNING);
            assertThat(a.severity()).isEqualTo(Severity.WARNING);
            assertThat(a.status()).isEqualTo(AlertStatus.OPEN);
            assertThat(a.caseId()).isEqualTo("k-1");
            assertThat(a.policyId()).isEqualTo("device.repaired");
            assertThat(a.raisedAt()).isEqualTo(plus(FAULT, 192));
            assertThat(a.deadline()).isEqualTo(plus(FAULT, 240));
            assertThat(a.clearedAt()).isNull();
            assertThat(a.area().street()).isEqualTo("439901001");
        });

        watermark(plus(FAULT, 600));
        assertThat(repairs()).extracting(Alert::alertId, Alert::kind, Alert::raisedAt, Alert::deadline)
                .containsExactly(tuple(PREFIX + ":warning", AlertKind.SLA_WARNING, plus(FAULT, 192), plus(FAULT, 240)),
                        tuple(PREFIX + ":breach", AlertKind.SLA_BREACH, plus(FAULT, 240), plus(FAULT, 240)));
    }

    @Test
    void aRepairBeforeTheWarningRaisesNothingEver() throws Exception {
        send(kiosk("fault", FAULT), kiosk("fault", plus(FAULT, 60)), kiosk("online", plus(FAULT, 120)));
        watermark(plus(FAULT, 24 * 60));
        assertThat(repairs()).isEmpty();
    }

    @Test
    void aRepairAfterTheWarningClearsItAtTheOnlineReadingAndTheBreachNeverFires() throws Exception {
        send(kiosk("fault", FAULT));
        watermark(plus(FAULT, 200));
        send(kiosk("offline", plus(FAULT, 205)), kiosk("online", plus(FAULT, 210)));
        watermark(plus(FAULT, 24 * 60));
        assertThat(repairs()).extracting(Alert::alertId, Alert::status, Alert::clearedAt, Alert::version)
                .containsExactly(tuple(PREFIX + ":warning", AlertStatus.OPEN, null, 1L),
                        tuple(PREFIX + ":warning", AlertStatus.CLEARED, plus(FAULT, 210), 2L));
    }

    @Test
    void aRepairReportedAfterTheDeadlinePassedWithdrawsTheBreachItWasNotDueAndMatchesAReplay() throws Exception {
        send(kiosk("fault", FAULT));
        watermark(plus(FAULT, 300)); // time moved on with the wall clock while the kiosk's upload was delayed
        send(kiosk("online", plus(FAULT, 230)));
        var live = repairs();
        assertThat(live).extracting(Alert::alertId, Alert::status, Alert::raisedAt, Alert::clearedAt)
                .containsExactly(tuple(PREFIX + ":warning", AlertStatus.OPEN, plus(FAULT, 192), null),
                        tuple(PREFIX + ":breach", AlertStatus.OPEN, plus(FAULT, 240), null),
                        tuple(PREFIX + ":warning", AlertStatus.CLEARED, plus(FAULT, 192), plus(FAULT, 230)),
                        tuple(PREFIX + ":breach", AlertStatus.CLEARED, plus(FAULT, 240), plus(FAULT, 240)));
        assertThat(live.getLast().detail()).endsWith(StageClock.WITHDRAWN);

        // a replay of the same log, with event time following the events
        harness.close();
        harness = newHarness(DeviceRules.defaults());
        harness.open();
        send(kiosk("fault", FAULT), kiosk("online", plus(FAULT, 230)));
        watermark(plus(FAULT, 300));
        var replayed = repairs();
        assertThat(latest(replayed).get(PREFIX + ":warning")).isEqualTo(latest(live).get(PREFIX + ":warning"));
        assertThat(latest(replayed)).doesNotContainKey(PREFIX + ":breach");
        assertThat(latest(live).get(PREFIX + ":breach").clearedAt()).isEqualTo(latest(live).get(PREFIX + ":breach").raisedAt());
    }

    @Test
    void aSecondFaultWhileTheClockRunsDoesNotRestartItAndAFaultAfterTheRepairStartsANewOne() throws Exception {
        send(kiosk("fault", FAULT), kiosk("fault", plus(FAULT, 100)), kiosk("online", plus(FAULT, 250)),
                kiosk("fault", plus(FAULT, 300)));
        watermark(plus(FAULT, 300 + 240));
        var second = "device:k-1:repair:" + plus(FAULT, 300).toEpochMilli();
        assertThat(repairs()).extracting(Alert::alertId, Alert::status, Alert::raisedAt).containsExactly(
                // no watermark passed them before the repair arrived: both were due, so raised and cleared at once
                tuple(PREFIX + ":warning", AlertStatus.OPEN, plus(FAULT, 192)),
                tuple(PREFIX + ":warning", AlertStatus.CLEARED, plus(FAULT, 192)),
                tuple(PREFIX + ":breach", AlertStatus.OPEN, plus(FAULT, 240)),
                tuple(PREFIX + ":breach", AlertStatus.CLEARED, plus(FAULT, 240)),
                tuple(second + ":warning", AlertStatus.OPEN, plus(FAULT, 300 + 192)),
                tuple(second + ":breach", AlertStatus.OPEN, plus(FAULT, 300 + 240)));
    }

    @Test
    void theRepairLimitIsConfigurable() throws Exception {
        harness.close();
        harness = newHarness(new DeviceRules(Duration.ofMinutes(10), 20, 40, 140, Duration.ofHours(2)));
        harness.open();
        send(kiosk("fault", FAULT));
        watermark(plus(FAULT, 120));
        assertThat(repairs()).extracting(Alert::kind, Alert::raisedAt, Alert::deadline).containsExactly(
                tuple(AlertKind.SLA_WARNING, plus(FAULT, 96), plus(FAULT, 120)), tuple(AlertKind.SLA_BREACH, plus(FAULT,
                        120), plus(FAULT, 120)));
    }

    @Test
    void theSameHistoryGivesTheSameRepairAlertsAfterARestoreFromASnapshot() throws Exception {
        send(kiosk("fault", FAULT));
        watermark(plus(FAULT, 100));
        var snapshot = harness.snapshot(1, 1);
        var before = new ArrayList<>(repairs());
        watermark(plus(FAULT, 200));
        send(kiosk("online", plus(FAULT, 220)));
        watermark(plus(FAULT, 600));
        var uninterrupted = repairs();

        harness.close();
        harness = newHarness(DeviceRules.defaults());
        harness.initializeState(snapshot);
        harness.open();
        watermark(plus(FAULT, 200)); // the restored timer fires with no new reading
        send(kiosk("online", plus(FAULT, 220)));
        watermark(plus(FAULT, 600));
        before.addAll(repairs());
        assertThat(before).containsExactlyElementsOf(uninterrupted);
        assertThat(uninterrupted).extracting(Alert::alertId, Alert::status).containsExactly(
                tuple(PREFIX + ":warning", AlertStatus.OPEN), tuple(PREFIX + ":warning", AlertStatus.CLEARED));
    }

    /** The row with the highest version of each alert id, as the alerts table keeps them. */
    static LinkedHashMap<String, Alert> latest(List<Alert> rows) {
        var out = new LinkedHashMap<String, Alert>();
        for (var row : rows) {
            out.merge(row.alertId(), row, (a, b) -> b.version() >= a.version() ? b : a);
        }
        return out;
    }
}
