package io.gridpulse.streams;

import io.gridpulse.warehouse.WarehouseConfig;

import java.io.Serializable;
import java.time.Duration;

/**
 * What the stream jobs need: where the log is, where results go, and how often to checkpoint.
 *
 * @param kafkaBootstrap     Kafka bootstrap servers
 * @param eventsTopic        the topic ingest appends events to
 * @param consumerGroup      the consumer group whose offsets are committed on each checkpoint
 * @param warehouse          where the rows are written
 * @param checkpointInterval how often state and offsets are checkpointed
 * @param parallelism        operator parallelism
 * @param sinkBatchRows      rows buffered before a write to the warehouse
 * @param sinkMaxDelay       longest a row waits in the sink buffer (bounds freshness)
 * @param zone               the zone whose calendar days SLA clocks count (Asia/Shanghai unless configured)
 * @param alertsTopic        the Kafka topic alerts are published on (one partition: a total order for watchers)
 */
public record StreamJobsConfig(String kafkaBootstrap, String eventsTopic, String consumerGroup, WarehouseConfig warehouse,
                               Duration checkpointInterval, int parallelism, int sinkBatchRows, Duration sinkMaxDelay,
                               String zone, String alertsTopic)
        implements Serializable {

    public static final String DEFAULT_ALERTS_TOPIC = "gp.alerts";

    public static StreamJobsConfig of(String kafkaBootstrap, String eventsTopic, WarehouseConfig warehouse) {
        return new StreamJobsConfig(kafkaBootstrap, eventsTopic, "gridpulse-stream-jobs", warehouse,
                Duration.ofSeconds(5), 1, 5_000, Duration.ofMillis(300), "Asia/Shanghai", DEFAULT_ALERTS_TOPIC);
    }

    public StreamJobsConfig withCheckpointInterval(Duration interval) {
        return new StreamJobsConfig(kafkaBootstrap, eventsTopic, consumerGroup, warehouse, interval, parallelism,
                sinkBatchRows, sinkMaxDelay, zone, alertsTopic);
    }

    public StreamJobsConfig withZone(String zoneId) {
        return new StreamJobsConfig(kafkaBootstrap, eventsTopic, consumerGroup, warehouse, checkpointInterval, parallelism,
                sinkBatchRows, sinkMaxDelay, zoneId, alertsTopic);
    }
}
