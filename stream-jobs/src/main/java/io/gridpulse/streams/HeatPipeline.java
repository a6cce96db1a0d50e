package io.gridpulse.streams;

import io.gridpulse.streams.heat.HeatBuckets;
import io.gridpulse.streams.heat.HeatHit;
import io.gridpulse.streams.heat.HeatHits;
import io.gridpulse.streams.sink.WarehouseSink;
import io.gridpulse.warehouse.EventRow;
import io.gridpulse.warehouse.heat.HeatQueries;
import io.gridpulse.warehouse.heat.HeatRow;
import org.apache.flink.streaming.api.datastream.DataStream;

/** Heatmap layers: one-minute event-time buckets per layer, subject, area and H3 cell, counted in full into heat_minutes. */
final class HeatPipeline {
    /** A busy bucket's count is written at most this often; it bounds freshness together with the sink's delay. */
    static final java.time.Duration EMIT_EVERY = java.time.Duration.ofMillis(200);

    private HeatPipeline() {}

    static void define(DataStream<EventRow> uniqueEvents, StreamJobsConfig config) {
        uniqueEvents
                .process(new HeatHits(config.region())).uid("heat-hits").name("heat layers")
                .keyBy(HeatHit::bucketKey)
                .process(new HeatBuckets(config.heatLateness(), EMIT_EVERY)).uid("heat-buckets").name("heat buckets")
                .sinkTo(new WarehouseSink<HeatRow>(config.warehouse(), (warehouse, rows) -> new HeatQueries(warehouse).insert(rows),
                        config.sinkBatchRows(), config.sinkMaxDelay()))
                .uid("sink-heat").name("heat table");
    }
}
