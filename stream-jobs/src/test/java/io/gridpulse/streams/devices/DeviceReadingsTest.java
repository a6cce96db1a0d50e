package io.gridpulse.streams.devices;

import io.gridpulse.model.event.DeviceStatus;
import io.gridpulse.model.event.DeviceType;
import io.gridpulse.model.event.Telemetry;
import io.gridpulse.streams.TestEvents;
import io.gridpulse.warehouse.EventRow;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.gridpulse.streams.TestEvents.GRID;
import static io.gridpulse.streams.TestEvents.envelope;
import static org.assertj.core.api.Assertions.assertThat;

class DeviceReadingsTest {

    @Test
    void telemetryBecomesAReadingWithItsAreaAndOtherKindsAreSkipped() throws Exception {
        var at = Instant.parse("2026-11-23T01:00:00Z");
        var telemetry = new Telemetry(envelope("evt-t0001", at, GRID), "w-9", DeviceType.WRISTBAND, 131, 42.5, true,
                DeviceStatus.FAULT, "strap", null, null);
        try (OneInputStreamOperatorTestHarness<EventRow, DeviceReading> harness =
                     ProcessFunctionTestHarnesses.forProcessFunction(new DeviceReadings())) {
            harness.processElement(TestEvents.row(telemetry), 0);
            harness.processElement(TestEvents.row(TestEvents.feedback("evt-f0001",
                    io.gridpulse.model.event.Rating.good())), 0);
            assertThat(harness.extractOutputValues()).containsExactly(new DeviceReading("w-9", "wristband", "evt-t0001", at, 131,
                    42.5, true, "fault", GRID, "439901002003", "439901002", "439901"));
        }
    }
}
