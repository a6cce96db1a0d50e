package io.gridpulse.streams.sla;

import io.gridpulse.warehouse.AlertJson;
import io.gridpulse.warehouse.AlertRow;
import org.apache.flink.api.common.serialization.SerializationSchema;

import java.nio.charset.StandardCharsets;

/** How an alert becomes a Kafka record on gp.alerts: its id as the key, {@link AlertJson} as the value. */
public final class AlertMessages {
    private AlertMessages() {}

    /** The record key: the alert id, so every state of one alert lands in order. */
    public static final class Key implements SerializationSchema<AlertRow> {
        @Override
        public byte[] serialize(AlertRow alert) {
            return alert.alertId().getBytes(StandardCharsets.UTF_8);
        }
    }

    /** The record value: the alert's JSON. */
    public static final class Value implements SerializationSchema<AlertRow> {
        @Override
        public byte[] serialize(AlertRow alert) {
            return AlertJson.encode(alert);
        }
    }
}
