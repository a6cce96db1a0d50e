package io.gridpulse.streams;

import io.gridpulse.model.alerts.Alert;
import io.gridpulse.streams.registry.RegistryRecords;
import io.gridpulse.streams.visits.RegistryStep;
import io.gridpulse.streams.visits.VisitObligationClocks;
import io.gridpulse.streams.visits.VisitStep;
import io.gridpulse.streams.visits.VisitSteps;
import io.gridpulse.warehouse.EventRow;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.time.ZoneId;

/**
 * The recurring visit obligations (docs/domain.md §3): the household registry topic and the visits, both keyed by
 * household id, connected into {@link VisitObligationClocks}; alerts for {@link AlertsOut}.
 *
 * <p>Time: a two-input operator's event time is the minimum of its inputs' watermarks, and the registry is
 * quiet almost always. Both inputs get {@link LiveOrReplayWatermarks}, as the other clocks do: while entries
 * or visits flow their watermark follows them, and after a couple of seconds without any it follows the
 * wall clock. So an idle registry never holds the visits' time back, and with nothing flowing at all the
 * deadlines still pass on time (Flink's own {@code withIdleness} would instead drop an idle input from the
 * minimum, leaving time stuck when both are idle).
 */
final class VisitObligationsPipeline {
    private VisitObligationsPipeline() {}

    static DataStream<Alert> define(StreamExecutionEnvironment env, DataStream<EventRow> uniqueEvents, StreamJobsConfig config) {
        var source = RegistryRecords.source(config.kafkaBootstrap(), config.registryTopic(), config.consumerGroup() + "-registry",
                RegistryStep.class, RegistryStep::of);
        return clocks(env.fromSource(source, WatermarkStrategy.noWatermarks(), config.registryTopic()).uid("source-gp-registry"),
                uniqueEvents, config);
    }

    /** The clocks over registry entries from any source (the registry topic in the job, a test source in tests). */
    static DataStream<Alert> clocks(DataStream<RegistryStep> entries, DataStream<EventRow> uniqueEvents,
            StreamJobsConfig config) {
        var registry = entries
                .assignTimestampsAndWatermarks(SlaPipeline.liveOrReplay((RegistryStep entry, long previous) -> entry.asOf().toEpochMilli(), config.clock()))
                .uid("registry-event-time").name("registry event time");
        var visits = uniqueEvents
                .process(new VisitSteps()).uid("visit-steps").name("household visits")
                .assignTimestampsAndWatermarks(SlaPipeline.liveOrReplay((VisitStep visit, long previous) -> visit.occurredAt().toEpochMilli(), config.clock()))
                .uid("visit-event-time").name("visit event time");
        return registry.keyBy(RegistryStep::householdId)
                .connect(visits.keyBy(VisitStep::householdId))
                .process(new VisitObligationClocks(config.visits(), ZoneId.of(config.zone())))
                .uid("visit-obligations").name("visit obligations");
    }

}
