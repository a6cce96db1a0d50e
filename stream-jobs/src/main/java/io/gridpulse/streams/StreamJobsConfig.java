package io.gridpulse.streams;

import io.gridpulse.streams.devices.DeviceRules;
import io.gridpulse.streams.visits.VisitRules;
import io.gridpulse.warehouse.WarehouseConfig;

import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 * @param plaqueUpdate       a plaque reported damaged or out of date, or whose subject changed, is updated within this
 * @param hallHandling       a hall ticket served is completed within this
 * @param registryTopic      the compacted topic of household registry entries, keyed by household id
 * @param visits             the recurring visit obligations (elderly living alone weekly, left-behind children monthly)
 * @param serviceEscalations how long after their deadline the device repair, plaque update and hall handling clocks
 *                           escalate to the community, street and city (empty: they do not escalate)
 * @param clock              the wall clock time follows when no events flow (the system clock, but for tests; it
 *                           travels with the job, so it must be serializable, as {@link Clock#systemUTC()} and
 *                           {@link Clock#offset} are)
 * @param calendarDir        the folder of operators' working-day calendar files (GP_CALENDAR_DIR), or null for the
 *                           years shipped with the product; read again when a file in it changes
 */
public record StreamJobsConfig(String kafkaBootstrap, String eventsTopic, String consumerGroup, WarehouseConfig warehouse,
                               Duration checkpointInterval, int parallelism, int sinkBatchRows, Duration sinkMaxDelay,
                               String zone, String alertsTopic, DeviceRules devices, Duration heatLateness,
                               Duration plaqueUpdate, Duration hallHandling, String registryTopic, VisitRules visits,
                               List<Duration> serviceEscalations, Clock clock, String calendarDir)
        implements Serializable {

    public static final String DEFAULT_ALERTS_TOPIC = "gp.alerts";
    /** Household registry entries, compacted, keyed by household id (see {@link io.gridpulse.model.registry.HouseholdRegistration}). */
    public static final String DEFAULT_REGISTRY_TOPIC = "gp.registry";
    public static final Duration DEFAULT_HEAT_LATENESS = Duration.ofDays(3);
    /** Domain.md §3: plaque content updated, or a damaged plaque replaced, within 24 hours. */
    public static final Duration DEFAULT_PLAQUE_UPDATE = Duration.ofHours(24);
    /** Domain.md §3: average hall handling time 20 minutes. */
    public static final Duration DEFAULT_HALL_HANDLING = Duration.ofMinutes(20);

    public StreamJobsConfig {
        if (heatLateness.isNegative() || heatLateness.isZero()) {
            throw new IllegalArgumentException("heat buckets must be remembered for a positive time, got " + heatLateness);
        }
        if (plaqueUpdate.isNegative() || plaqueUpdate.isZero() || hallHandling.isNegative() || hallHandling.isZero()) {
            throw new IllegalArgumentException("clock limits must be positive, got " + plaqueUpdate + " and " + hallHandling);
        }
        serviceEscalations = List.copyOf(serviceEscalations);
        java.util.Objects.requireNonNull(clock, "clock");
    }

    public static StreamJobsConfig of(String kafkaBootstrap, String eventsTopic, WarehouseConfig warehouse) {
        return new StreamJobsConfig(kafkaBootstrap, eventsTopic, "gridpulse-stream-jobs", warehouse,
                Duration.ofSeconds(5), 1, 5_000, Duration.ofMillis(300), "Asia/Shanghai", DEFAULT_ALERTS_TOPIC,
                DeviceRules.defaults(), DEFAULT_HEAT_LATENESS, DEFAULT_PLAQUE_UPDATE, DEFAULT_HALL_HANDLING, DEFAULT_REGISTRY_TOPIC,
                VisitRules.defaults(), io.gridpulse.model.sla.SlaPolicies.DEFAULT_ESCALATION_OFFSETS, Clock.systemUTC(), null);
    }

    public StreamJobsConfig withCheckpointInterval(Duration interval) {
        return new StreamJobsConfig(kafkaBootstrap, eventsTopic, consumerGroup, warehouse, interval, parallelism,
                sinkBatchRows, sinkMaxDelay, zone, alertsTopic, devices, heatLateness, plaqueUpdate, hallHandling, registryTopic, visits,
                serviceEscalations, clock, calendarDir);
    }

    public StreamJobsConfig withZone(String zoneId) {
        return new StreamJobsConfig(kafkaBootstrap, eventsTopic, consumerGroup, warehouse, checkpointInterval, parallelism,
                sinkBatchRows, sinkMaxDelay, zoneId, alertsTopic, devices, heatLateness, plaqueUpdate, hallHandling, registryTopic, visits,
                serviceEscalations, clock, calendarDir);
    }

    public StreamJobsConfig withDevices(DeviceRules rules) {
        return new StreamJobsConfig(kafkaBootstrap, eventsTopic, consumerGroup, warehouse, checkpointInterval, parallelism,
                sinkBatchRows, sinkMaxDelay, zone, alertsTopic, rules, heatLateness, plaqueUpdate, hallHandling, registryTopic, visits,
                serviceEscalations, clock, calendarDir);
    }

    public StreamJobsConfig withHeatLateness(Duration lateness) {
        return new StreamJobsConfig(kafkaBootstrap, eventsTopic, consumerGroup, warehouse, checkpointInterval, parallelism,
                sinkBatchRows, sinkMaxDelay, zone, alertsTopic, devices, lateness, plaqueUpdate, hallHandling, registryTopic, visits,
                serviceEscalations, clock, calendarDir);
    }

    /** This configuration with other limits for the plaque update and hall handling clocks. */
    public StreamJobsConfig withClockLimits(Duration plaque, Duration hall) {
        return new StreamJobsConfig(kafkaBootstrap, eventsTopic, consumerGroup, warehouse, checkpointInterval, parallelism,
                sinkBatchRows, sinkMaxDelay, zone, alertsTopic, devices, heatLateness, plaque, hall, registryTopic, visits,
                serviceEscalations, clock, calendarDir);
    }

    /** This configuration with other recurring visit obligations. */
    public StreamJobsConfig withVisits(VisitRules rules) {
        return new StreamJobsConfig(kafkaBootstrap, eventsTopic, consumerGroup, warehouse, checkpointInterval, parallelism,
                sinkBatchRows, sinkMaxDelay, zone, alertsTopic, devices, heatLateness, plaqueUpdate, hallHandling, registryTopic,
                rules, serviceEscalations, clock, calendarDir);
    }

    /** This configuration with other escalations of the device repair, plaque update and hall handling clocks. */
    public StreamJobsConfig withServiceEscalations(List<Duration> offsets) {
        return new StreamJobsConfig(kafkaBootstrap, eventsTopic, consumerGroup, warehouse, checkpointInterval, parallelism,
                sinkBatchRows, sinkMaxDelay, zone, alertsTopic, devices, heatLateness, plaqueUpdate, hallHandling, registryTopic,
                visits, offsets, clock, calendarDir);
    }

    /** This configuration on another wall clock. */
    public StreamJobsConfig withClock(Clock other) {
        return new StreamJobsConfig(kafkaBootstrap, eventsTopic, consumerGroup, warehouse, checkpointInterval, parallelism,
                sinkBatchRows, sinkMaxDelay, zone, alertsTopic, devices, heatLateness, plaqueUpdate, hallHandling, registryTopic,
                visits, serviceEscalations, other, calendarDir);
    }

    /** This configuration counting working days with the year files of this folder too (null: shipped years only). */
    public StreamJobsConfig withCalendarDir(String folder) {
        return new StreamJobsConfig(kafkaBootstrap, eventsTopic, consumerGroup, warehouse, checkpointInterval, parallelism,
                sinkBatchRows, sinkMaxDelay, zone, alertsTopic, devices, heatLateness, plaqueUpdate, hallHandling, registryTopic,
                visits, serviceEscalations, clock, folder);
    }

    /** This configuration reading household registry entries from another topic. */
    public StreamJobsConfig withRegistryTopic(String topic) {
        return new StreamJobsConfig(kafkaBootstrap, eventsTopic, consumerGroup, warehouse, checkpointInterval, parallelism,
                sinkBatchRows, sinkMaxDelay, zone, alertsTopic, devices, heatLateness, plaqueUpdate, hallHandling, topic, visits,
                serviceEscalations, clock, calendarDir);
    }

    /**
     * This configuration with the job thresholds read from environment variables, where set:
     * GP_DEVICE_OFFLINE_MINUTES (10), GP_DEVICE_LOW_BATTERY_PERCENT (20), GP_HEART_RATE_LOW (40),
     * GP_HEART_RATE_HIGH (140), GP_HEART_RATE_READINGS (2), GP_HEAT_LATE_DAYS (3), GP_DEVICE_REPAIR_HOURS (4), GP_PLAQUE_UPDATE_HOURS (24),
     * GP_HALL_HANDLING_MINUTES (20), and the visit obligations of {@link VisitRules#withEnvironment}:
     * GP_VISIT_ELDERLY_ALONE_PERIOD (week), GP_VISIT_LEFT_BEHIND_CHILD_PERIOD (month), GP_VISIT_WARNING_HOURS (24),
     * and GP_SERVICE_ESCALATION_HOURS (0,24,72; off for none).
     *
     * @throws IllegalArgumentException naming the variable, if a value is not a number or out of range
     */
    public StreamJobsConfig withEnvironment(Map<String, String> env) {
        var d = devices;
        var rules = new DeviceRules(
                Duration.ofMinutes(number(env, "GP_DEVICE_OFFLINE_MINUTES", d.offlineAfter().toMinutes())),
                number(env, "GP_DEVICE_LOW_BATTERY_PERCENT", (long) d.lowBatteryPercent()),
                (int) number(env, "GP_HEART_RATE_LOW", d.heartRateLow()),
                (int) number(env, "GP_HEART_RATE_HIGH", d.heartRateHigh()),
                Duration.ofHours(number(env, "GP_DEVICE_REPAIR_HOURS", d.repairWithin().toHours())),
                (int) number(env, "GP_HEART_RATE_READINGS", d.heartRateReadings()));
        return withDevices(rules).withHeatLateness(Duration.ofDays(number(env, "GP_HEAT_LATE_DAYS", heatLateness.toDays())))
                .withClockLimits(Duration.ofHours(number(env, "GP_PLAQUE_UPDATE_HOURS", plaqueUpdate.toHours())),
                        Duration.ofMinutes(number(env, "GP_HALL_HANDLING_MINUTES", hallHandling.toMinutes())))
                .withVisits(visits.withEnvironment(env))
                .withServiceEscalations(escalations(env, "GP_SERVICE_ESCALATION_HOURS", serviceEscalations));
    }

    /** Hours after a deadline, comma separated and ascending ("0,24,72"), or off for none. */
    private static List<Duration> escalations(Map<String, String> env, String name, List<Duration> fallback) {
        var value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        if (value.strip().equalsIgnoreCase("off")) {
            return List.of();
        }
        var out = new ArrayList<Duration>();
        for (var part : value.split(",")) {
            try {
                var hours = Long.parseLong(part.strip());
                if (hours < 0 || (!out.isEmpty() && hours <= out.getLast().toHours()) || out.size() == 3) {
                    throw new NumberFormatException();
                }
                out.add(Duration.ofHours(hours));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be up to three ascending whole hours after the deadline"
                        + " (community, street, city), e.g. 0,24,72, or off; got \"" + value + "\"", e);
            }
        }
        return List.copyOf(out);
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
