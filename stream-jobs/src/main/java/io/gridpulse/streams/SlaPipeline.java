package io.gridpulse.streams;

import io.gridpulse.model.alerts.Alert;
import io.gridpulse.streams.sla.CaseEvent;
import io.gridpulse.streams.sla.CaseEventsFromRows;
import io.gridpulse.streams.sla.LiveOrReplayWatermarks;
import io.gridpulse.streams.sla.SlaClocks;
import io.gridpulse.warehouse.EventRow;
import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.datastream.DataStream;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;

/** SLA clocks over the demand lifecycle: warnings, breaches and escalations, for {@link AlertsOut}. */
final class SlaPipeline {
    /**
     * Disorder absorbed while events flow. Kept short: a follow-up that comes later than this is still
     * judged on its event time by the clocks (stages due before it are raised and cleared, stages
     * after it withdrawn), so lateness only trades alert latency against withdrawn alerts.
     */
    static final Duration LATENESS = Duration.ofSeconds(1);
    /** After this much wall time without events, time moves with the wall clock. */
    static final Duration IDLE_AFTER = Duration.ofSeconds(2);
    /**
     * How far time trails the wall clock when it follows it (no events for {@link #IDLE_AFTER}, or live
     * events): a deadline becomes a breach this soon after it passes.
     */
    static final Duration WALL_LATENESS = Duration.ofMillis(300);

    private SlaPipeline() {}

    /**
     * The time every clock of the job runs on: events while they flow, the wall clock (given, so that tests can
     * move it) when the log is quiet.
     */
    static <T> WatermarkStrategy<T> liveOrReplay(SerializableTimestampAssigner<T> timestamp, Clock wallClock) {
        return WatermarkStrategy.<T>forGenerator(ctx -> new LiveOrReplayWatermarks<>(LATENESS, IDLE_AFTER, WALL_LATENESS, wallClock))
                .withTimestampAssigner(timestamp);
    }

    static DataStream<Alert> define(DataStream<EventRow> uniqueEvents, StreamJobsConfig config) {
        var watermarks = liveOrReplay((CaseEvent event, long previous) -> event.occurredAt().toEpochMilli(), config.clock());
        return uniqueEvents
                .process(new CaseEventsFromRows()).uid("case-events").name("demand lifecycle")
                .assignTimestampsAndWatermarks(watermarks).uid("case-event-time").name("case event time")
                .keyBy(CaseEvent::caseId)
                .process(new SlaClocks(ZoneId.of(config.zone()), config.calendarDir())).uid("sla-clocks").name("SLA clocks");
    }
}
