package io.gridpulse.streams;

import io.gridpulse.model.alerts.Alert;
import io.gridpulse.streams.devices.DeviceHealth;
import io.gridpulse.streams.devices.DeviceReading;
import io.gridpulse.streams.devices.DeviceReadings;
import io.gridpulse.warehouse.EventRow;
import org.apache.flink.streaming.api.datastream.DataStream;


/** Device health from telemetry: SOS at once, offline by timers, low battery, abnormal heart rate; alerts for {@link AlertsOut}. */
final class DevicePipeline {
    private DevicePipeline() {}

    static DataStream<Alert> define(DataStream<EventRow> uniqueEvents, StreamJobsConfig config) {
        // the same time as the SLA clocks: events while they flow, the wall clock when the log is quiet
        var watermarks = SlaPipeline.liveOrReplay((DeviceReading reading, long previous) -> reading.occurredAt().toEpochMilli(),
                config.clock());
        return uniqueEvents
                .process(new DeviceReadings()).uid("device-readings").name("telemetry")
                .assignTimestampsAndWatermarks(watermarks).uid("device-event-time").name("device event time")
                .keyBy(DeviceReading::deviceId)
                .process(new DeviceHealth(config.devices(), config.serviceEscalations())).uid("device-health").name("device health");
    }
}
