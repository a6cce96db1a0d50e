package io.gridpulse.streams;

import io.gridpulse.streams.sink.WarehouseSink;
import io.gridpulse.streams.sla.AlertMessages;
import io.gridpulse.streams.sla.CaseEvent;
import io.gridpulse.streams.sla.CaseEventsFromRows;
import io.gridpulse.streams.sla.LiveOrReplayWatermarks;
import io.gridpulse.streams.sla.SlaClocks;
import io.gridpulse.warehouse.AlertRow;
import io.gridpulse.warehouse.EventRow;
import io.gridpulse.warehouse.Warehouse;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.streaming.api.datastream.DataStream;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Properties;

/** SLA clocks over the demand lifecycle: warnings, breaches and escalations into the alerts table and onto gp.alerts. */
final class SlaPipeline {
    /** Offline terminals deliver late; a few seconds of disorder are absorbed before clocks judge. */
    static final Duration LATENESS = Duration.ofSeconds(5);
    /** After this much wall time without events, time moves with the wall clock. */
    static final Duration IDLE_AFTER = Duration.ofSeconds(2);

    private SlaPipeline() {}

    static void define(DataStream<EventRow> uniqueEvents, StreamJobsConfig config) {
        var watermarks = WatermarkStrategy.<CaseEvent>forGenerator(ctx -> new LiveOrReplayWatermarks<>(LATENESS, IDLE_AFTER, Clock.systemUTC()))
                .withTimestampAssigner((event, previous) -> event.occurredAt().toEpochMilli());
        var alerts = uniqueEvents
                .process(new CaseEventsFromRows()).uid("case-events").name("demand lifecycle")
                .assignTimestampsAndWatermarks(watermarks).uid("case-event-time").name("case event time")
                .keyBy(CaseEvent::caseId)
                .process(new SlaClocks(ZoneId.of(config.zone()))).uid("sla-clocks").name("SLA clocks");
        alerts.sinkTo(new WarehouseSink<>(config.warehouse(), Warehouse::insertAlerts, 500, config.sinkMaxDelay()))
                .uid("sink-alerts").name("alerts table");
        alerts.sinkTo(alertTopic(config)).uid("sink-alerts-topic").name("gp.alerts");
    }

    /**
     * Alerts for watchers and integrators, keyed by alert id. At least once: after a restore an
     * alert may be published again, with the same id and version, so consumers keep the highest version.
     */
    private static KafkaSink<AlertRow> alertTopic(StreamJobsConfig config) {
        return KafkaSink.<AlertRow>builder()
                .setBootstrapServers(config.kafkaBootstrap())
                .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                .setRecordSerializer(KafkaRecordSerializationSchema.<AlertRow>builder()
                        .setTopic(config.alertsTopic())
                        .setKeySerializationSchema(new AlertMessages.Key())
                        .setValueSerializationSchema(new AlertMessages.Value())
                        .build())
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
