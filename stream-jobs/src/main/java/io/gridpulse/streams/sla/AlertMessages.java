package io.gridpulse.streams.sla;

import io.gridpulse.model.alerts.Alert;
import io.gridpulse.warehouse.alerts.AlertJson;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;

/** How an alert becomes a Kafka record on gp.alerts: its id as the key, {@link AlertJson} as the value. */
public final class AlertMessages {
    private AlertMessages() {}

    /**
     * The records: keyed by alert id, with no timestamp of their own, so that the producer stamps them when it sends
     * them. An alert's event time (a deadline, a reading) can lie weeks back in a replay of history, and the topic's
     * retention counts from the records' timestamps: stamped with it, a replay's alerts would be deleted as soon as
     * they were written. Its own times travel in the value.
     */
    public static final class Records implements KafkaRecordSerializationSchema<Alert> {
        private final String topic;

        public Records(String topic) {
            this.topic = topic;
        }

        @Override
        public ProducerRecord<byte[], byte[]> serialize(Alert alert, KafkaSinkContext context, Long timestamp) {
            return new ProducerRecord<>(topic, null, null, alert.alertId().getBytes(StandardCharsets.UTF_8),
                    AlertJson.encode(alert));
        }
    }
}
