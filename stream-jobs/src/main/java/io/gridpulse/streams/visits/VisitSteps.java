package io.gridpulse.streams.visits;

import io.gridpulse.model.event.HouseholdVisit;
import io.gridpulse.model.json.Decoded;
import io.gridpulse.model.json.EventCodec;
import io.gridpulse.streams.raw.DecodeEvents;
import io.gridpulse.warehouse.EventRow;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

import java.nio.charset.StandardCharsets;

/**
 * Picks the household visits out of the deduplicated rows, as steps for the visit obligations. Every visit
 * counts, an empty one too: the obligation is to go to the door; empty visits are flagged elsewhere.
 */
public final class VisitSteps extends ProcessFunction<EventRow, VisitStep> {
    private transient EventCodec codec;

    @Override
    public void open(OpenContext openContext) {
        codec = DecodeEvents.lenientCodec();
    }

    @Override
    public void processElement(EventRow row, Context ctx, Collector<VisitStep> out) {
        if (!row.kind().equals("visit")) {
            return;
        }
        if (codec.decode(row.payload().getBytes(StandardCharsets.UTF_8)) instanceof Decoded.Valid(var event)
                && event instanceof HouseholdVisit visit) {
            boolean priority = visit.groups().contains(io.gridpulse.model.event.PopulationGroup.ELDERLY_ALONE)
                    || visit.groups().contains(io.gridpulse.model.event.PopulationGroup.LEFT_BEHIND_CHILD);
            out.collect(new VisitStep(visit.householdId(), visit.eventId(), visit.occurredAt(), priority));
        }
    }
}
