package io.gridpulse.streams;

import io.gridpulse.streams.counts.EventHour;
import io.gridpulse.streams.counts.EventHourCounts;
import io.gridpulse.streams.sink.WarehouseSink;
import io.gridpulse.warehouse.EventRow;
import io.gridpulse.warehouse.counts.EventHourRow;
import io.gridpulse.warehouse.counts.EventHours;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * The cockpit's counters: distinct events per kind, area and event-time hour, counted in full into
 * event_hours, so that the wall and the map add up a few hundred rows instead of counting the events table.
 */
final class EventHoursPipeline {
    private EventHoursPipeline() {}

    static void define(DataStream<EventRow> uniqueEvents, StreamJobsConfig config) {
        uniqueEvents
                .map(EventHour::of).uid("event-hour-of").name("event hours")
                .keyBy(EventHour::key)
                .process(new EventHourCounts(config.heatLateness(), HeatPipeline.EMIT_EVERY)).uid("event-hour-counts").name("event hour counts")
                .sinkTo(new WarehouseSink<EventHourRow>(config.warehouse(), (warehouse, rows) -> new EventHours(warehouse).insert(rows),
                        config.sinkBatchRows(), config.sinkMaxDelay()))
                .uid("sink-event-hours").name("event hours table");
    }
}
