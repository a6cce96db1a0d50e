package io.gridpulse.streams.registry;

import io.gridpulse.model.registry.HouseholdRegistration;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.Function;

/**
 * Household registry entries from the registry topic, each turned into what one reader of the topic carries (the visit
 * obligation clocks, the population-group enrichment). A tombstone (null value) removes the household of its key at the
 * record's timestamp; an entry that is not valid is logged and skipped, never a failed job.
 *
 * @param <T> what the reader carries of an entry
 */
public final class RegistryRecords<T> implements KafkaRecordDeserializationSchema<T> {
    private static final Logger log = LoggerFactory.getLogger(RegistryRecords.class);

    /** How a reader turns an entry into what it carries; serializable, as the source ships it to the task. */
    public interface As<T> extends Function<HouseholdRegistration, T>, Serializable {}

    private final Class<T> type;
    private final As<T> as;

    public RegistryRecords(Class<T> type, As<T> as) {
        this.type = type;
        this.as = as;
    }

    /**
     * The registry topic for one reader, with a consumer group of its own: from the earliest entry on a first start
     * (the topic is compacted: every household's newest entry), from the checkpoint after.
     */
    @SuppressWarnings("deprecation") // OffsetResetStrategy: the connector's API still takes it
    public static <T> KafkaSource<T> source(String bootstrap, String topic, String groupId, Class<T> type, As<T> as) {
        return KafkaSource.<T>builder()
                .setBootstrapServers(bootstrap)
                .setTopics(topic)
                .setGroupId(groupId)
                .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
                .setDeserializer(new RegistryRecords<>(type, as))
                .setProperty("partition.discovery.interval.ms", "60000")
                .setProperty("commit.offsets.on.checkpoint", "true")
                .build();
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<T> out) {
        try {
            if (record.value() == null) {
                if (record.key() != null) {
                    out.collect(as.apply(HouseholdRegistration.removed(new String(record.key(), StandardCharsets.UTF_8),
                            Instant.ofEpochMilli(record.timestamp()))));
                }
                return;
            }
            out.collect(as.apply(HouseholdRegistration.fromJson(record.value())));
        } catch (IllegalArgumentException e) {
            log.warn("registry entry at {}-{} offset {} skipped: {}", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
        }
    }

    @Override
    public TypeInformation<T> getProducedType() {
        return TypeInformation.of(type);
    }
}
