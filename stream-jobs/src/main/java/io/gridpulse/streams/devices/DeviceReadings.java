package io.gridpulse.streams.devices;

import io.gridpulse.model.event.Telemetry;
import io.gridpulse.model.json.Decoded;
import io.gridpulse.model.json.EventCodec;
import io.gridpulse.streams.raw.DecodeEvents;
import io.gridpulse.warehouse.EventRow;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Picks the telemetry out of the deduplicated rows, as readings for device health. */
public final class DeviceReadings extends ProcessFunction<EventRow, DeviceReading> {
    private transient EventCodec codec;

    @Override
    public void open(OpenContext openContext) {
        codec = DecodeEvents.lenientCodec();
    }

    @Override
    public void processElement(EventRow row, Context ctx, Collector<DeviceReading> out) {
        if (!row.kind().equals("telemetry")) {
            return;
        }
        if (codec.decode(row.payload().getBytes(StandardCharsets.UTF_8)) instanceof Decoded.Valid(var event)
                && event instanceof Telemetry t) {
            out.collect(new DeviceReading(t.deviceId(), lower(t.deviceType()), t.eventId(), t.occurredAt(), t.heartRate(),
                    t.batteryPercent(), t.sos(), t.status() == null ? "" : lower(t.status()), row.gridCode(),
                    row.communityCode(), row.streetCode(), row.countyCode()));
        }
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
