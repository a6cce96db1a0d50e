package io.gridpulse.streams.plaques;

import io.gridpulse.model.event.PlaqueEvent;
import io.gridpulse.model.json.Decoded;
import io.gridpulse.model.json.EventCodec;
import io.gridpulse.streams.raw.DecodeEvents;
import io.gridpulse.warehouse.EventRow;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Picks the plaque events out of the deduplicated rows, as steps for the plaque clock. */
public final class PlaqueSteps extends ProcessFunction<EventRow, PlaqueStep> {
    private transient EventCodec codec;

    @Override
    public void open(OpenContext openContext) {
        codec = DecodeEvents.lenientCodec();
    }

    @Override
    public void processElement(EventRow row, Context ctx, Collector<PlaqueStep> out) {
        if (!row.kind().equals("plaque")) {
            return;
        }
        if (codec.decode(row.payload().getBytes(StandardCharsets.UTF_8)) instanceof Decoded.Valid(var event)
                && event instanceof PlaqueEvent p) {
            out.collect(new PlaqueStep(p.plaqueId(), lower(p.action()), lower(p.subjectType()), p.eventId(), p.occurredAt(),
                    row.gridCode(), row.communityCode(), row.streetCode(), row.countyCode()));
        }
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
