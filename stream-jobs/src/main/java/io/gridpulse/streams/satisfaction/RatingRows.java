package io.gridpulse.streams.satisfaction;

import io.gridpulse.model.event.Dimension;
import io.gridpulse.model.event.Feedback;
import io.gridpulse.model.json.Decoded;
import io.gridpulse.model.json.EventCodec;
import io.gridpulse.streams.raw.DecodeEvents;
import io.gridpulse.warehouse.EventRow;
import io.gridpulse.warehouse.satisfaction.RatingRow;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Turns each unique feedback event into its anonymised row of scores for the satisfaction index (no free text). */
public final class RatingRows extends ProcessFunction<EventRow, RatingRow> {
    private transient EventCodec codec;

    @Override
    public void open(OpenContext openContext) {
        codec = DecodeEvents.lenientCodec();
    }

    @Override
    public void processElement(EventRow row, Context ctx, Collector<RatingRow> out) {
        if (!row.kind().equals("feedback")) {
            return;
        }
        if (codec.decode(row.payload().getBytes(StandardCharsets.UTF_8)) instanceof Decoded.Valid(var event)
                && event instanceof Feedback feedback) {
            out.collect(of(feedback, row));
        }
    }

    static RatingRow of(Feedback feedback, EventRow row) {
        var dims = feedback.dimensions();
        return new RatingRow(feedback.eventId(), feedback.occurredAt(), row.countyCode(), row.streetCode(),
                row.communityCode(), row.gridCode(), feedback.channel().name().toLowerCase(Locale.ROOT),
                feedback.target().type().name().toLowerCase(Locale.ROOT), feedback.rating().score(),
                score(dims.get(Dimension.TRANSPARENCY)), score(dims.get(Dimension.CONVENIENCE)),
                score(dims.get(Dimension.EFFICIENCY)));
    }

    private static Double score(io.gridpulse.model.event.Rating rating) {
        return rating == null ? null : rating.score();
    }
}
