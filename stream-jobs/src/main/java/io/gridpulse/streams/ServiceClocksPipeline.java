package io.gridpulse.streams;

import io.gridpulse.streams.hall.HallHandling;
import io.gridpulse.streams.hall.TicketStep;
import io.gridpulse.streams.hall.TicketSteps;
import io.gridpulse.streams.plaques.PlaqueClocks;
import io.gridpulse.streams.plaques.PlaqueStep;
import io.gridpulse.streams.plaques.PlaqueSteps;
import io.gridpulse.streams.sla.LiveOrReplayWatermarks;
import io.gridpulse.warehouse.AlertRow;
import io.gridpulse.warehouse.EventRow;
import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.datastream.DataStream;

import java.time.Clock;

/** The plaque update and hall handling clocks, in the same time as the SLA clocks; alerts for {@link AlertsOut}. */
final class ServiceClocksPipeline {
    private ServiceClocksPipeline() {}

    static DataStream<AlertRow> define(DataStream<EventRow> uniqueEvents, StreamJobsConfig config) {
        var plaques = uniqueEvents
                .process(new PlaqueSteps()).uid("plaque-steps").name("plaque events")
                .assignTimestampsAndWatermarks(eventTime((PlaqueStep step, long previous) -> step.occurredAt().toEpochMilli()))
                .uid("plaque-event-time").name("plaque event time")
                .keyBy(PlaqueStep::plaqueId)
                .process(new PlaqueClocks(config.plaqueUpdate(), config.serviceEscalations())).uid("plaque-clocks").name("plaque update clocks");
        var tickets = uniqueEvents
                .process(new TicketSteps()).uid("ticket-steps").name("hall tickets")
                .assignTimestampsAndWatermarks(eventTime((TicketStep step, long previous) -> step.occurredAt().toEpochMilli()))
                .uid("ticket-event-time").name("ticket event time")
                .keyBy(TicketStep::ticketKey)
                .process(new HallHandling(config.hallHandling(), config.serviceEscalations())).uid("hall-handling").name("hall handling time");
        return plaques.union(tickets);
    }

    /** Events while they flow, the wall clock when the log is quiet, as for the SLA clocks. */
    private static <T> WatermarkStrategy<T> eventTime(SerializableTimestampAssigner<T> timestamp) {
        return WatermarkStrategy.<T>forGenerator(ctx -> new LiveOrReplayWatermarks<>(SlaPipeline.LATENESS,
                        SlaPipeline.IDLE_AFTER, SlaPipeline.WALL_LATENESS, Clock.systemUTC()))
                .withTimestampAssigner(timestamp);
    }
}
