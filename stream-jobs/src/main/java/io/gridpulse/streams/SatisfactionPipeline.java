package io.gridpulse.streams;

import io.gridpulse.streams.satisfaction.RatingRows;
import io.gridpulse.streams.sink.WarehouseSink;
import io.gridpulse.warehouse.EventRow;
import io.gridpulse.warehouse.satisfaction.RatingRow;
import io.gridpulse.warehouse.satisfaction.SatisfactionQueries;
import org.apache.flink.streaming.api.datastream.DataStream;

/** Feedback scores into the ratings table; the satisfaction index is a named query over it (SatisfactionQueries). */
final class SatisfactionPipeline {
    private SatisfactionPipeline() {}

    static void define(DataStream<EventRow> uniqueEvents, StreamJobsConfig config) {
        uniqueEvents
                .process(new RatingRows()).uid("rating-rows").name("ratings")
                .sinkTo(new WarehouseSink<RatingRow>(config.warehouse(),
                        (warehouse, rows) -> new SatisfactionQueries(warehouse).insert(rows), 500, config.sinkMaxDelay()))
                .uid("sink-ratings").name("ratings table");
    }
}
