package io.gridpulse.streams.groups;

import io.gridpulse.model.registry.HouseholdRegistration;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Registry entries from the registry topic for the enrichment. A tombstone (null value) removes the household of its
 * key; an entry that is not valid is logged and skipped, never a failed job.
 */
public final class RegistryEntryDeserializer implements KafkaRecordDeserializationSchema<RegistryEntry> {
    private static final Logger log = LoggerFactory.getLogger(RegistryEntryDeserializer.class);

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<RegistryEntry> out) {
        try {
            if (record.value() == null) {
                if (record.key() != null) {
                    out.collect(RegistryEntry.of(HouseholdRegistration.removed(new String(record.key(), StandardCharsets.UTF_8),
                            Instant.ofEpochMilli(record.timestamp()))));
                }
                return;
            }
            out.collect(RegistryEntry.of(HouseholdRegistration.fromJson(record.value())));
        } catch (IllegalArgumentException e) {
            log.warn("registry entry at {}-{} offset {} skipped: {}", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
        }
    }

    @Override
    public TypeInformation<RegistryEntry> getProducedType() {
        return TypeInformation.of(RegistryEntry.class);
    }
}
