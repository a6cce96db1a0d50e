package io.gridpulse.streams;

import io.gridpulse.streams.sla.CaseEvent;
import io.gridpulse.streams.sla.CaseEventsFromRows;
import io.gridpulse.streams.sla.LiveOrReplayWatermarks;
import io.gridpulse.streams.sla.SlaClocks;
import io.gridpulse.warehouse.AlertRow;
import io.gridpulse.warehouse.EventRow;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.datastream.DataStream;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;

/** SLA clocks over the demand lifecycle: warnings, breaches and escalations, for {@link AlertsOut}. */
final class SlaPipeline {
    /** Offline terminals deliver late; a few seconds of disorder are absorbed before clocks judge. */
    static final Duration LATENESS = Duration.ofSeconds(5);
    /** After this much wall time without events, time moves with the wall clock. */
    static final Duration IDLE_AFTER = Duration.ofSeconds(2);

    private SlaPipeline() {}

    static DataStream<AlertRow> define(DataStream<EventRow> uniqueEvents, StreamJobsConfig config) {
        var watermarks = WatermarkStrategy.<CaseEvent>forGenerator(ctx -> new LiveOrReplayWatermarks<>(LATENESS, IDLE_AFTER, Clock.systemUTC()))
                .withTimestampAssigner((event, previous) -> event.occurredAt().toEpochMilli());
        return uniqueEvents
                .process(new CaseEventsFromRows()).uid("case-events").name("demand lifecycle")
                .assignTimestampsAndWatermarks(watermarks).uid("case-event-time").name("case event time")
                .keyBy(CaseEvent::caseId)
                .process(new SlaClocks(ZoneId.of(config.zone()))).uid("sla-clocks").name("SLA clocks");
    }
}
