package io.gridpulse.streams.devices;

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

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

class DeviceHealthTest {
    static final Instant T0 = Instant.parse("2026-11-23T01:00:00Z");
    private KeyedOneInputStreamOperatorTestHarness<String, DeviceReading, Alert> harness;

    @BeforeEach
    void open() throws Exception {
        harness = newHarness();
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, DeviceReading, Alert> newHarness() throws Exception {
        return new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(new DeviceHealth(DeviceRules.defaults())),
                DeviceReading::deviceId, Types.STRING);
    }

    static DeviceReading reading(String device, String type, Instant at, Integer heartRate, Double battery, boolean sos) {
        return new DeviceReading(device, type, device + "@" + at, at, heartRate, battery, sos, "online",
                "439901001001001", "439901001001", "439901001", "439901");
    }

    static DeviceReading heartbeat(String device, Instant at) {
        return reading(device, "wristband", at, 75, 80.0, false);
    }

    private void send(DeviceReading... readings) throws Exception {
        for (var r : readings) {
            harness.processElement(new StreamRecord<>(r, r.occurredAt().toEpochMilli()));
        }
    }

    private List<Alert> alerts() {
        return harness.extractOutputValues();
    }

    @Test
    void anSosIsAlertedTheMomentItArrivesWithoutWaitingForTime() throws Exception {
        send(reading("w-1", "wristband", T0, 90, 70.0, true));
        assertThat(alerts()).singleElement().satisfies(a -> {
            assertThat(a.alertId()).isEqualTo("device:w-1:sos:" + T0.toEpochMilli());
            assertThat(a.kind()).isEqualTo(AlertKind.DEVICE_SOS);
            assertThat(a.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(a.status()).isEqualTo(AlertStatus.OPEN);
            assertThat(a.caseId()).isEqualTo("w-1");
            assertThat(a.raisedAt()).isEqualTo(T0);
            assertThat(a.area().street()).isEqualTo("439901001");
        });
    }

    @Test
    void aHeldSosIsOneAlertThatStaysOpenAndANewPressIsAnother() throws Exception {
        send(reading("w-1", "wristband", T0, 90, 70.0, true),
                reading("w-1", "wristband", T0.plusSeconds(5), 90, 70.0, true),
                heartbeat("w-1", T0.plusSeconds(60)),
                reading("w-1", "wristband", T0.plusSeconds(120), 90, 70.0, true));
        assertThat(alerts()).extracting(Alert::alertId, Alert::status).containsExactly(
                tuple("device:w-1:sos:" + T0.toEpochMilli(), AlertStatus.OPEN),
                tuple("device:w-1:sos:" + T0.plusSeconds(120).toEpochMilli(), AlertStatus.OPEN));
    }

    @Test
    void aDeviceThatFallsSilentIsOfflineWhenTimePassesAndClearedByItsNextReading() throws Exception {
        send(heartbeat("w-2", T0), heartbeat("w-2", T0.plusSeconds(60)));
        harness.processWatermark(T0.plusSeconds(60 + 599).toEpochMilli());
        assertThat(alerts()).isEmpty();

        harness.processWatermark(T0.plusSeconds(60 + 600).toEpochMilli()); // no event: the watermark alone fires it
        assertThat(alerts()).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AlertKind.DEVICE_OFFLINE);
            assertThat(a.alertId()).isEqualTo("device:w-2:offline:" + T0.plusSeconds(60).toEpochMilli());
            assertThat(a.raisedAt()).isEqualTo(T0.plusSeconds(660));
            assertThat(a.deadline()).isEqualTo(T0.plusSeconds(660));
        });

        harness.processWatermark(T0.plusSeconds(5000).toEpochMilli());
        send(heartbeat("w-2", T0.plusSeconds(5000)));
        assertThat(alerts()).extracting(Alert::status, Alert::version, Alert::clearedAt).containsExactly(
                tuple(AlertStatus.OPEN, 1L, null), tuple(AlertStatus.CLEARED, 2L, T0.plusSeconds(5000)));
    }

    @Test
    void aBackfillBehindTheWatermarkRaisesNoOfflineWhileItsReadingsArrive() throws Exception {
        // the job idled, so the watermark follows the wall clock; then an hour of the past arrives (the demo's backfill)
        var now = T0.plusSeconds(10 * 3600);
        harness.processWatermark(now.toEpochMilli());
        for (int minute = 0; minute <= 60; minute += 5) {
            harness.processWatermark(now.plusSeconds(minute).toEpochMilli()); // the backfill takes a minute of wall time
            send(heartbeat("w-9", T0.plusSeconds(minute * 60L)));
        }
        assertThat(alerts()).as("every reading came within the interval of the one before").isEmpty();

        // nothing newer arrives: the device is offline once the interval has passed after the upload
        harness.processWatermark(now.plusSeconds(60 + 599).toEpochMilli());
        assertThat(alerts()).isEmpty();
        harness.processWatermark(now.plusSeconds(60 + 600).toEpochMilli());
        assertThat(alerts()).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AlertKind.DEVICE_OFFLINE);
            assertThat(a.alertId()).isEqualTo("device:w-9:offline:" + T0.plusSeconds(3600).toEpochMilli());
            assertThat(a.raisedAt()).isEqualTo(now.plusSeconds(60 + 600));
        });
    }

    @Test
    void anOfflineAlertALateReadingShowsToBeFalseIsWithdrawn() throws Exception {
        send(heartbeat("w-8", T0));
        harness.processWatermark(T0.plusSeconds(600).toEpochMilli());
        assertThat(alerts()).extracting(Alert::kind, Alert::status).containsExactly(tuple(AlertKind.DEVICE_OFFLINE, AlertStatus.OPEN));
        // a reading of T0 + 5 min, held up on the way: the device was never silent for ten minutes
        send(heartbeat("w-8", T0.plusSeconds(300)));
        assertThat(alerts()).hasSize(2).last().satisfies(a -> {
            assertThat(a.status()).isEqualTo(AlertStatus.CLEARED);
            assertThat(a.clearedAt()).as("withdrawn: it counts nowhere").isEqualTo(a.raisedAt());
            assertThat(a.detail()).contains("withdrawn");
        });
        assertThat(alerts()).allSatisfy(a -> assertThat(a.clearedAt() == null || !a.clearedAt().isBefore(a.raisedAt())).isTrue());
    }

    @Test
    void aLowBatteryIsRaisedOnceAndClearedWhenCharged() throws Exception {
        send(reading("k-1", "kiosk", T0, null, 30.0, false), reading("k-1", "kiosk", T0.plusSeconds(60), null, 19.0, false),
                reading("k-1", "kiosk", T0.plusSeconds(120), null, 15.0, false),
                reading("k-1", "kiosk", T0.plusSeconds(180), null, 95.0, false));
        assertThat(alerts()).extracting(Alert::kind, Alert::status, Alert::alertId).containsExactly(
                tuple(AlertKind.DEVICE_LOW_BATTERY, AlertStatus.OPEN,
                        "device:k-1:low_battery:" + T0.plusSeconds(60).toEpochMilli()),
                tuple(AlertKind.DEVICE_LOW_BATTERY, AlertStatus.CLEARED,
                        "device:k-1:low_battery:" + T0.plusSeconds(60).toEpochMilli()));
    }

    @Test
    void anAbnormalHeartRateIsAlertedForWristbandsOnlyOutsideTheBand() throws Exception {
        send(reading("w-3", "wristband", T0, 40, 80.0, false), reading("w-3", "wristband", T0.plusSeconds(10), 141, 80.0, false),
                reading("w-3", "wristband", T0.plusSeconds(20), 150, 80.0, false),
                reading("w-3", "wristband", T0.plusSeconds(30), 140, 80.0, false),
                reading("x-1", "env_sensor", T0, 200, 80.0, false));
        assertThat(alerts()).extracting(Alert::kind, Alert::status, Alert::severity).containsExactly(
                tuple(AlertKind.DEVICE_HEART_RATE, AlertStatus.OPEN, Severity.MAJOR), tuple(AlertKind.DEVICE_HEART_RATE,
                        AlertStatus.CLEARED, Severity.MAJOR));
        // 40 is inside the band; 141 is the first reading outside it, 150 the second in a row: the alert
        assertThat(alerts().getFirst().detail()).contains("150").contains("40-140");
    }

    @Test
    void oneAbnormalHeartRateReadingIsTheWearerMovingTwoInARowAreAnAlert() throws Exception {
        send(reading("w-6", "wristband", T0, 75, 80.0, false),
                reading("w-6", "wristband", T0.plusSeconds(300), 150, 80.0, false),
                reading("w-6", "wristband", T0.plusSeconds(600), 76, 80.0, false));
        assertThat(alerts()).as("one reading outside the band, then back inside it").isEmpty();

        send(reading("w-6", "wristband", T0.plusSeconds(900), 150, 80.0, false),
                reading("w-6", "wristband", T0.plusSeconds(1200), 155, 80.0, false),
                reading("w-6", "wristband", T0.plusSeconds(1500), 160, 80.0, false),
                reading("w-6", "wristband", T0.plusSeconds(1800), 80, 80.0, false));
        assertThat(alerts()).extracting(Alert::kind, Alert::status, Alert::alertId).containsExactly(
                tuple(AlertKind.DEVICE_HEART_RATE, AlertStatus.OPEN, "device:w-6:heart_rate:" + T0.plusSeconds(1200).toEpochMilli()),
                tuple(AlertKind.DEVICE_HEART_RATE, AlertStatus.CLEARED, "device:w-6:heart_rate:" + T0.plusSeconds(1200).toEpochMilli()));
        assertThat(alerts().getFirst().detail()).contains("155");
    }

    @Test
    void anOperatorMayAlertTheFirstAbnormalReading() throws Exception {
        harness.close();
        harness = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(
                new DeviceHealth(DeviceRules.defaults().withHeartRateReadings(1))), DeviceReading::deviceId, Types.STRING);
        harness.open();
        send(reading("w-7", "wristband", T0, 150, 80.0, false));
        assertThat(alerts()).extracting(Alert::kind).containsExactly(AlertKind.DEVICE_HEART_RATE);
        assertThatThrownBy(() -> DeviceRules.defaults().withHeartRateReadings(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLateUploadCanRaiseAnSosButDoesNotMoveTheOtherConditions() throws Exception {
        send(heartbeat("w-4", T0.plusSeconds(3600)));
        send(reading("w-4", "wristband", T0, 200, 5.0, true)); // an hour late
        assertThat(alerts()).extracting(Alert::kind).containsExactly(AlertKind.DEVICE_SOS);
        harness.processWatermark(T0.plusSeconds(3600 + 599).toEpochMilli());
        assertThat(alerts()).hasSize(1); // the late reading did not pull the offline deadline back
    }

    @Test
    void theSameHistoryGivesTheSameAlertsAfterARestoreFromASnapshot() throws Exception {
        send(heartbeat("w-5", T0), reading("w-5", "wristband", T0.plusSeconds(30), 160, 10.0, false),
                reading("w-5", "wristband", T0.plusSeconds(60), 165, 10.0, false));
        var snapshot = harness.snapshot(1, 1);
        var before = List.copyOf(alerts());
        harness.processWatermark(T0.plusSeconds(4000).toEpochMilli());
        send(heartbeat("w-5", T0.plusSeconds(4000)));
        var uninterrupted = List.copyOf(alerts());

        harness.close();
        harness = newHarness();
        harness.initializeState(snapshot);
        harness.open();
        harness.processWatermark(T0.plusSeconds(4000).toEpochMilli());
        send(heartbeat("w-5", T0.plusSeconds(4000)));
        var restored = new java.util.ArrayList<>(before);
        restored.addAll(alerts());
        assertThat(restored).containsExactlyElementsOf(uninterrupted);
        assertThat(uninterrupted).extracting(Alert::kind, Alert::status).containsExactly(
                tuple(AlertKind.DEVICE_LOW_BATTERY, AlertStatus.OPEN), tuple(AlertKind.DEVICE_HEART_RATE,
                        AlertStatus.OPEN), tuple(AlertKind.DEVICE_OFFLINE, AlertStatus.OPEN),
                tuple(AlertKind.DEVICE_OFFLINE, AlertStatus.CLEARED), tuple(AlertKind.DEVICE_LOW_BATTERY,
                        AlertStatus.CLEARED), tuple(AlertKind.DEVICE_HEART_RATE, AlertStatus.CLEARED));
    }
}
