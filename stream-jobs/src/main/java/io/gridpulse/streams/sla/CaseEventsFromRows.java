package io.gridpulse.streams.sla;

import io.gridpulse.model.event.DemandEvent;
import io.gridpulse.model.json.Decoded;
import io.gridpulse.model.json.EventCodec;
import io.gridpulse.streams.raw.DecodeEvents;
import io.gridpulse.warehouse.EventRow;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

import java.nio.charset.StandardCharsets;

/** Picks the demand lifecycle events out of the deduplicated rows, so a retried event never moves a clock twice. */
public final class CaseEventsFromRows extends ProcessFunction<EventRow, CaseEvent> {
    private transient EventCodec codec;

    @Override
    public void open(OpenContext openContext) {
        codec = DecodeEvents.lenientCodec();
    }

    @Override
    public void processElement(EventRow row, Context ctx, Collector<CaseEvent> out) {
        if (!row.kind().startsWith("demand.")) {
            return;
        }
        // rows come from DecodeEvents, so they decode; anything else would be a bug upstream
        if (codec.decode(row.payload().getBytes(StandardCharsets.UTF_8)) instanceof Decoded.Valid(var event)
                && event instanceof DemandEvent demand) {
            out.collect(CaseEvents.of(demand, row));
        }
    }
}
