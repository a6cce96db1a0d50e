package io.gridpulse.streams;

import io.gridpulse.model.alerts.Alert;
import io.gridpulse.streams.hall.HallHandling;
import io.gridpulse.streams.hall.TicketStep;
import io.gridpulse.streams.hall.TicketSteps;
import io.gridpulse.streams.plaques.PlaqueClocks;
import io.gridpulse.streams.plaques.PlaqueStep;
import io.gridpulse.streams.plaques.PlaqueSteps;
import io.gridpulse.warehouse.EventRow;
import org.apache.flink.streaming.api.datastream.DataStream;


/** The plaque update and hall handling clocks, in the same time as the SLA clocks; alerts for {@link AlertsOut}. */
final class ServiceClocksPipeline {
    private ServiceClocksPipeline() {}

    static DataStream<Alert> define(DataStream<EventRow> uniqueEvents, StreamJobsConfig config) {
        var plaques = uniqueEvents
                .process(new PlaqueSteps()).uid("plaque-steps").name("plaque events")
                .assignTimestampsAndWatermarks(SlaPipeline.liveOrReplay((PlaqueStep step, long previous) -> step.occurredAt().toEpochMilli(), config.clock()))
                .uid("plaque-event-time").name("plaque event time")
                .keyBy(PlaqueStep::plaqueId)
                .process(new PlaqueClocks(config.plaqueUpdate(), config.serviceEscalations())).uid("plaque-clocks").name("plaque update clocks");
        var tickets = uniqueEvents
                .process(new TicketSteps()).uid("ticket-steps").name("hall tickets")
                .assignTimestampsAndWatermarks(SlaPipeline.liveOrReplay((TicketStep step, long previous) -> step.occurredAt().toEpochMilli(), config.clock()))
                .uid("ticket-event-time").name("ticket event time")
                .keyBy(TicketStep::ticketKey)
                .process(new HallHandling(config.hallHandling(), config.serviceEscalations())).uid("hall-handling").name("hall handling time");
        return plaques.union(tickets);
    }
}
