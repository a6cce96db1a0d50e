package io.gridpulse.streams;

import io.gridpulse.streams.groups.PopulationGroups;
import io.gridpulse.streams.groups.RegistryEntry;
import io.gridpulse.streams.registry.RegistryRecords;
import io.gridpulse.streams.raw.CaseHomes;
import io.gridpulse.streams.raw.DecodeEvents;
import io.gridpulse.streams.raw.FirstSeenOnly;
import io.gridpulse.streams.raw.LoggedEvent;
import io.gridpulse.streams.raw.LoggedEventDeserializer;
import io.gridpulse.streams.sink.WarehouseSink;
import io.gridpulse.warehouse.EventRow;
import io.gridpulse.warehouse.Warehouse;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

import java.time.Duration;

/**
 * Every logged event, decoded, deduplicated and given its population groups from the household registry, into the raw
 * events table; returns the unique events for the other pipelines (without the groups: the enrichment sends events
 * by two paths, and the other pipelines keep the order in which the events came).
 */
final class RawEventsPipeline {
    /** How long an eventId is remembered for deduplication; offline terminals upload within days. */
    static final Duration REMEMBER_EVENT_IDS = Duration.ofDays(14);

    private RawEventsPipeline() {}

    @SuppressWarnings("deprecation") // OffsetResetStrategy: the connector's API still takes it
    static DataStream<EventRow> define(StreamExecutionEnvironment env, StreamJobsConfig config) {
        var source = KafkaSource.<LoggedEvent>builder()
                .setBootstrapServers(config.kafkaBootstrap())
                .setTopics(config.eventsTopic())
                .setGroupId(config.consumerGroup())
                .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
                .setDeserializer(new LoggedEventDeserializer())
                .setProperty("partition.discovery.interval.ms", "60000")
                .setProperty("commit.offsets.on.checkpoint", "true")
                // fetch in batches: at a few thousand events/s, fetching every record on its own kept the
                // broker's request threads busy; 100 ms is small beside the 3 s freshness target
                .setProperty("fetch.min.bytes", "65536")
                .setProperty("fetch.max.wait.ms", "100")
                .build();

        var decoded = env.fromSource(source, WatermarkStrategy.noWatermarks(), "gp.events")
                .uid("source-gp-events")
                .process(new DecodeEvents(config.region()))
                .uid("decode-events").name("decode events");

        var firstSeen = decoded.keyBy(EventRow::eventId)
                .process(new FirstSeenOnly(REMEMBER_EVENT_IDS))
                .uid("first-seen-only").name("drop repeated eventIds");
        // a demand case stays where it was created: its steps from elsewhere, and second creations, are not stored
        var demands = firstSeen.filter(RawEventsPipeline::isDemand).uid("demand-events").name("demand events")
                .keyBy(CaseHomes::caseIdOf)
                .process(new CaseHomes(CaseHomes.DEFAULT_HOLD))
                .uid("case-homes").name("cases stay home");
        var unique = firstSeen.filter(row -> !isDemand(row)).uid("other-events").name("other events").union(demands);
        PopulationGroups.enrich(unique, registry(env, config))
                .sinkTo(new WarehouseSink<>(config.warehouse(), (w, rows) -> w.events().insert(rows), config.sinkBatchRows(), config.sinkMaxDelay()))
                .uid("sink-events").name("events table");

        decoded.getSideOutput(DecodeEvents.DEAD_LETTERS).union(demands.getSideOutput(CaseHomes.REFUSED),
                        firstSeen.getSideOutput(FirstSeenOnly.CONFLICTS))
                .sinkTo(new WarehouseSink<>(config.warehouse(), (w, rows) -> w.deadLetters().insert(rows), 500, config.sinkMaxDelay()))
                .uid("sink-dead-letters").name("dead letters table");
        return unique;
    }

    private static boolean isDemand(EventRow row) {
        return row.kind().startsWith("demand.");
    }

    /**
     * The household registry topic for the population groups, read on its own (the visit obligations read it too, but
     * only when visit rules are configured), from the earliest entry on a first start and from the checkpoint after.
     */
    private static DataStream<RegistryEntry> registry(StreamExecutionEnvironment env, StreamJobsConfig config) {
        var source = RegistryRecords.source(config.kafkaBootstrap(), config.registryTopic(),
                config.consumerGroup() + "-registry-groups", RegistryEntry.class, RegistryEntry::of);
        return env.fromSource(source, WatermarkStrategy.noWatermarks(), config.registryTopic() + " (population groups)")
                .uid("source-gp-registry-groups");
    }
}
