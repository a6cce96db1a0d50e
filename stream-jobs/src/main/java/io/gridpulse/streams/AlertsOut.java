package io.gridpulse.streams;

import io.gridpulse.model.alerts.Alert;
import io.gridpulse.streams.sink.WarehouseSink;
import io.gridpulse.streams.sla.AlertMessages;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.streaming.api.datastream.DataStream;

import java.util.Properties;

/** Every alert (SLA clocks, device health, plaque update and hall handling clocks, visit obligations) into the alerts table and onto gp.alerts. */
final class AlertsOut {
    private AlertsOut() {}

    static void define(DataStream<Alert> alerts, StreamJobsConfig config) {
        alerts.sinkTo(new WarehouseSink<>(config.warehouse(), (warehouse, rows) -> warehouse.alerts().insert(rows), 500, config.sinkMaxDelay()))
                .uid("sink-alerts").name("alerts table");
        alerts.sinkTo(alertTopic(config)).uid("sink-alerts-topic").name("gp.alerts");
    }

    /**
     * Alerts for watchers and integrators, keyed by alert id. At least once: after a restore an
     * alert may be published again, with the same id and version, so consumers keep the highest version.
     */
    private static KafkaSink<Alert> alertTopic(StreamJobsConfig config) {
        return KafkaSink.<Alert>builder()
                .setBootstrapServers(config.kafkaBootstrap())
                .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                .setRecordSerializer(new AlertMessages.Records(config.alertsTopic()))
                .setKafkaProducerConfig(producerConfig())
                .build();
    }

    private static Properties producerConfig() {
        var props = new Properties();
        props.setProperty("enable.idempotence", "true");
        props.setProperty("acks", "all");
        props.setProperty("linger.ms", "20");
        return props;
    }
}
