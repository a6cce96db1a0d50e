package io.gridpulse.streams;

import io.gridpulse.streams.devices.DeviceRules;
import io.gridpulse.warehouse.WarehouseConfig;

import java.io.Serializable;
import java.time.Duration;
import java.util.Map;

/**
 * What the stream jobs need: where the log is, where results go, how often to checkpoint, and the
 * thresholds of the jobs.
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
 * @param devices            device-health thresholds (offline interval, low battery, heart-rate band)
 * @param heatLateness       how long a heat bucket is remembered after its last event, so late uploads still count in it
 */
public record StreamJobsConfig(String kafkaBootstrap, String eventsTopic, String consumerGroup, WarehouseConfig warehouse,
                               Duration checkpointInterval, int parallelism, int sinkBatchRows, Duration sinkMaxDelay,
                               String zone, String alertsTopic, DeviceRules devices, Duration heatLateness)
        implements Serializable {

    public static final String DEFAULT_ALERTS_TOPIC = "gp.alerts";
    public static final Duration DEFAULT_HEAT_LATENESS = Duration.ofDays(3);

    public StreamJobsConfig {
        if (heatLateness.isNegative() || heatLateness.isZero()) {
            throw new IllegalArgumentException("heat buckets must be remembered for a positive time, got " + heatLateness);
        }
    }

    public static StreamJobsConfig of(String kafkaBootstrap, String eventsTopic, WarehouseConfig warehouse) {
        return new StreamJobsConfig(kafkaBootstrap, eventsTopic, "gridpulse-stream-jobs", warehouse,
                Duration.ofSeconds(5), 1, 5_000, Duration.ofMillis(300), "Asia/Shanghai", DEFAULT_ALERTS_TOPIC,
                DeviceRules.defaults(), DEFAULT_HEAT_LATENESS);
    }

    public StreamJobsConfig withCheckpointInterval(Duration interval) {
        return new StreamJobsConfig(kafkaBootstrap, eventsTopic, consumerGroup, warehouse, interval, parallelism,
                sinkBatchRows, sinkMaxDelay, zone, alertsTopic, devices, heatLateness);
    }

    public StreamJobsConfig withZone(String zoneId) {
        return new StreamJobsConfig(kafkaBootstrap, eventsTopic, consumerGroup, warehouse, checkpointInterval, parallelism,
                sinkBatchRows, sinkMaxDelay, zoneId, alertsTopic, devices, heatLateness);
    }

    public StreamJobsConfig withDevices(DeviceRules rules) {
        return new StreamJobsConfig(kafkaBootstrap, eventsTopic, consumerGroup, warehouse, checkpointInterval, parallelism,
                sinkBatchRows, sinkMaxDelay, zone, alertsTopic, rules, heatLateness);
    }

    public StreamJobsConfig withHeatLateness(Duration lateness) {
        return new StreamJobsConfig(kafkaBootstrap, eventsTopic, consumerGroup, warehouse, checkpointInterval, parallelism,
                sinkBatchRows, sinkMaxDelay, zone, alertsTopic, devices, lateness);
    }

    /**
     * This configuration with the job thresholds read from environment variables, where set:
     * GP_DEVICE_OFFLINE_MINUTES (10), GP_DEVICE_LOW_BATTERY_PERCENT (20), GP_HEART_RATE_LOW (40),
     * GP_HEART_RATE_HIGH (140), GP_HEAT_LATE_DAYS (3).
     *
     * @throws IllegalArgumentException naming the variable, if a value is not a number or out of range
     */
    public StreamJobsConfig withEnvironment(Map<String, String> env) {
        var d = devices;
        var rules = new DeviceRules(
                Duration.ofMinutes(number(env, "GP_DEVICE_OFFLINE_MINUTES", d.offlineAfter().toMinutes())),
                number(env, "GP_DEVICE_LOW_BATTERY_PERCENT", (long) d.lowBatteryPercent()),
                (int) number(env, "GP_HEART_RATE_LOW", d.heartRateLow()),
                (int) number(env, "GP_HEART_RATE_HIGH", d.heartRateHigh()));
        return withDevices(rules).withHeatLateness(Duration.ofDays(number(env, "GP_HEAT_LATE_DAYS", heatLateness.toDays())));
    }

    private static long number(Map<String, String> env, String name, long fallback) {
        var value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value.strip());
            if (parsed <= 0) {
                throw new IllegalArgumentException(name + " must be a positive whole number, got " + value);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a positive whole number, got \"" + value + "\"", e);
        }
    }
}
