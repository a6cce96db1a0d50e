package io.gridpulse.streams.visits;

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
 * Registry entries from the registry topic. A tombstone (null value) removes the household of its key at the
 * record's timestamp; an entry that is not valid is logged and skipped, never a failed job.
 */
public final class RegistryDeserializer implements KafkaRecordDeserializationSchema<RegistryStep> {
    private static final Logger log = LoggerFactory.getLogger(RegistryDeserializer.class);

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<RegistryStep> out) {
        try {
            if (record.value() == null) {
                if (record.key() != null) {
                    out.collect(RegistryStep.of(HouseholdRegistration.removed(new String(record.key(), StandardCharsets.UTF_8),
                            Instant.ofEpochMilli(record.timestamp()))));
                }
                return;
            }
            out.collect(RegistryStep.of(HouseholdRegistration.fromJson(record.value())));
        } catch (IllegalArgumentException e) {
            log.warn("registry entry at {}-{} offset {} skipped: {}", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
        }
    }

    @Override
    public TypeInformation<RegistryStep> getProducedType() {
        return TypeInformation.of(RegistryStep.class);
    }
}
