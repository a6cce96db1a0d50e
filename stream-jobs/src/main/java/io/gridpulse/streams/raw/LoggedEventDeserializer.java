package io.gridpulse.streams.raw;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Keeps the bytes as they are: decoding happens in an operator, where a bad record becomes a dead letter, not a failed job. */
public final class LoggedEventDeserializer implements KafkaRecordDeserializationSchema<LoggedEvent> {

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<LoggedEvent> out) {
        if (record.value() != null) {
            out.collect(new LoggedEvent(record.value(), record.timestamp()));
        }
    }

    @Override
    public TypeInformation<LoggedEvent> getProducedType() {
        return TypeInformation.of(LoggedEvent.class);
    }
}
