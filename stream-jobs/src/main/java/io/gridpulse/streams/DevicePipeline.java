package io.gridpulse.streams;

import io.gridpulse.streams.devices.DeviceHealth;
import io.gridpulse.streams.devices.DeviceReading;
import io.gridpulse.streams.devices.DeviceReadings;
import io.gridpulse.streams.sla.LiveOrReplayWatermarks;
import io.gridpulse.warehouse.AlertRow;
import io.gridpulse.warehouse.EventRow;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.datastream.DataStream;

import java.time.Clock;

/** Device health from telemetry: SOS at once, offline by timers, low battery, abnormal heart rate; alerts for {@link AlertsOut}. */
final class DevicePipeline {
    private DevicePipeline() {}

    static DataStream<AlertRow> define(DataStream<EventRow> uniqueEvents, StreamJobsConfig config) {
        // the same time as the SLA clocks: events while they flow, the wall clock when the log is quiet
        var watermarks = WatermarkStrategy.<DeviceReading>forGenerator(ctx -> new LiveOrReplayWatermarks<>(
                        SlaPipeline.LATENESS, SlaPipeline.IDLE_AFTER, SlaPipeline.WALL_LATENESS, Clock.systemUTC()))
                .withTimestampAssigner((reading, previous) -> reading.occurredAt().toEpochMilli());
        return uniqueEvents
                .process(new DeviceReadings()).uid("device-readings").name("telemetry")
                .assignTimestampsAndWatermarks(watermarks).uid("device-event-time").name("device event time")
                .keyBy(DeviceReading::deviceId)
                .process(new DeviceHealth(config.devices(), config.serviceEscalations())).uid("device-health").name("device health");
    }
}
