package io.gridpulse.streams;

import io.gridpulse.geo.region.RegionSource;
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
 * @param region             the region events are placed in (GP_REGION_FILE), carried as the file's bytes so that
 *                           every task manager places by the file checked at start
 */
public record StreamJobsConfig(String kafkaBootstrap, String eventsTopic, String consumerGroup, WarehouseConfig warehouse,
                               Duration checkpointInterval, int parallelism, int sinkBatchRows, Duration sinkMaxDelay,
                               String zone, String alertsTopic, DeviceRules devices, Duration heatLateness,
                               Duration plaqueUpdate, Duration hallHandling, String registryTopic, VisitRules visits,
                               List<Duration> serviceEscalations, Clock clock, String calendarDir, RegionSource region)
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
        java.util.Objects.requireNonNull(region, "region");
    }

    /** The defaults (the demo region, Asia/Shanghai, 5 s checkpoints ...) for this log and warehouse. */
    public static StreamJobsConfig of(String kafkaBootstrap, String eventsTopic, WarehouseConfig warehouse) {
        return new Builder(kafkaBootstrap, eventsTopic, warehouse).build();
    }

    /** A builder holding this configuration, to change some of it. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    public StreamJobsConfig withCheckpointInterval(Duration interval) {
        return toBuilder().checkpointInterval(interval).build();
    }

    public StreamJobsConfig withZone(String zoneId) {
        return toBuilder().zone(zoneId).build();
    }

    public StreamJobsConfig withDevices(DeviceRules rules) {
        return toBuilder().devices(rules).build();
    }

    /** This configuration on another wall clock. */
    public StreamJobsConfig withClock(Clock other) {
        return toBuilder().clock(other).build();
    }

    /** This configuration counting working days with the year files of this folder too (null: shipped years only). */
    public StreamJobsConfig withCalendarDir(String folder) {
        return toBuilder().calendarDir(folder).build();
    }

    /** This configuration placing events in another region. */
    public StreamJobsConfig withRegion(RegionSource other) {
        return toBuilder().region(other).build();
    }

    /** This configuration with other recurring visit obligations. */
    public StreamJobsConfig withVisits(VisitRules rules) {
        return toBuilder().visits(rules).build();
    }

    /** This configuration reading household registry entries from another topic. */
    public StreamJobsConfig withRegistryTopic(String topic) {
        return toBuilder().registryTopic(topic).build();
    }

    /** Builds a configuration a few settings at a time; {@link #build()} checks the whole. */
    public static final class Builder {
        private final String kafkaBootstrap;
        private final String eventsTopic;
        private final WarehouseConfig warehouse;
        private String consumerGroup = "gridpulse-stream-jobs";
        private Duration checkpointInterval = Duration.ofSeconds(5);
        private int parallelism = 1;
        private int sinkBatchRows = 5_000;
        private Duration sinkMaxDelay = Duration.ofMillis(300);
        private String zone = "Asia/Shanghai";
        private String alertsTopic = DEFAULT_ALERTS_TOPIC;
        private DeviceRules devices = DeviceRules.defaults();
        private Duration heatLateness = DEFAULT_HEAT_LATENESS;
        private Duration plaqueUpdate = DEFAULT_PLAQUE_UPDATE;
        private Duration hallHandling = DEFAULT_HALL_HANDLING;
        private String registryTopic = DEFAULT_REGISTRY_TOPIC;
        private VisitRules visits = VisitRules.defaults();
        private List<Duration> serviceEscalations = io.gridpulse.model.sla.SlaPolicies.DEFAULT_ESCALATION_OFFSETS;
        private Clock clock = Clock.systemUTC();
        private String calendarDir;
        private RegionSource region = RegionSource.demo();

        private Builder(String kafkaBootstrap, String eventsTopic, WarehouseConfig warehouse) {
            this.kafkaBootstrap = kafkaBootstrap;
            this.eventsTopic = eventsTopic;
            this.warehouse = warehouse;
        }

        private Builder(StreamJobsConfig c) {
            this(c.kafkaBootstrap, c.eventsTopic, c.warehouse);
            consumerGroup = c.consumerGroup;
            checkpointInterval = c.checkpointInterval;
            parallelism = c.parallelism;
            sinkBatchRows = c.sinkBatchRows;
            sinkMaxDelay = c.sinkMaxDelay;
            zone = c.zone;
            alertsTopic = c.alertsTopic;
            devices = c.devices;
            heatLateness = c.heatLateness;
            plaqueUpdate = c.plaqueUpdate;
            hallHandling = c.hallHandling;
            registryTopic = c.registryTopic;
            visits = c.visits;
            serviceEscalations = c.serviceEscalations;
            clock = c.clock;
            calendarDir = c.calendarDir;
            region = c.region;
        }

        public Builder consumerGroup(String v) { consumerGroup = v; return this; }
        public Builder checkpointInterval(Duration v) { checkpointInterval = v; return this; }
        public Builder parallelism(int v) { parallelism = v; return this; }
        public Builder sinkBatchRows(int v) { sinkBatchRows = v; return this; }
        public Builder sinkMaxDelay(Duration v) { sinkMaxDelay = v; return this; }
        public Builder zone(String v) { zone = v; return this; }
        public Builder alertsTopic(String v) { alertsTopic = v; return this; }
        public Builder devices(DeviceRules v) { devices = v; return this; }
        public Builder heatLateness(Duration v) { heatLateness = v; return this; }
        public Builder plaqueUpdate(Duration v) { plaqueUpdate = v; return this; }
        public Builder hallHandling(Duration v) { hallHandling = v; return this; }
        public Builder registryTopic(String v) { registryTopic = v; return this; }
        public Builder visits(VisitRules v) { visits = v; return this; }
        public Builder serviceEscalations(List<Duration> v) { serviceEscalations = v; return this; }
        public Builder clock(Clock v) { clock = v; return this; }
        public Builder calendarDir(String v) { calendarDir = v; return this; }
        public Builder region(RegionSource v) { region = v; return this; }

        public StreamJobsConfig build() {
            return new StreamJobsConfig(kafkaBootstrap, eventsTopic, consumerGroup, warehouse, checkpointInterval,
                    parallelism, sinkBatchRows, sinkMaxDelay, zone, alertsTopic, devices, heatLateness, plaqueUpdate,
                    hallHandling, registryTopic, visits, serviceEscalations, clock, calendarDir, region);
        }
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
        return toBuilder().devices(rules)
                .heatLateness(Duration.ofDays(number(env, "GP_HEAT_LATE_DAYS", heatLateness.toDays())))
                .plaqueUpdate(Duration.ofHours(number(env, "GP_PLAQUE_UPDATE_HOURS", plaqueUpdate.toHours())))
                .hallHandling(Duration.ofMinutes(number(env, "GP_HALL_HANDLING_MINUTES", hallHandling.toMinutes())))
                .visits(visits.withEnvironment(env))
                .serviceEscalations(escalations(env, "GP_SERVICE_ESCALATION_HOURS", serviceEscalations))
                .build();
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
