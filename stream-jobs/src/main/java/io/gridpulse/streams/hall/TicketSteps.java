package io.gridpulse.streams.hall;

import io.gridpulse.model.event.HallTicket;
import io.gridpulse.model.json.Decoded;
import io.gridpulse.model.json.EventCodec;
import io.gridpulse.streams.raw.DecodeEvents;
import io.gridpulse.warehouse.EventRow;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Picks the hall ticket events out of the deduplicated rows, as steps for the handling clock. */
public final class TicketSteps extends ProcessFunction<EventRow, TicketStep> {
    private transient EventCodec codec;

    @Override
    public void open(OpenContext openContext) {
        codec = DecodeEvents.lenientCodec();
    }

    @Override
    public void processElement(EventRow row, Context ctx, Collector<TicketStep> out) {
        if (!row.kind().equals("ticket")) {
            return;
        }
        if (codec.decode(row.payload().getBytes(StandardCharsets.UTF_8)) instanceof Decoded.Valid(var event)
                && event instanceof HallTicket t) {
            out.collect(new TicketStep(t.hallId(), t.ticketId(), t.stage().name().toLowerCase(Locale.ROOT),
                    t.windowId() == null ? "" : t.windowId(), t.serviceItem() == null ? "" : t.serviceItem(), t.eventId(),
                    t.occurredAt(), row.gridCode(), row.communityCode(), row.streetCode(), row.countyCode()));
        }
    }
}
