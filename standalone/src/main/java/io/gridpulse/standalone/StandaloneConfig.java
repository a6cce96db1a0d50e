package io.gridpulse.standalone;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

/**
 * Settings of the embedded default, from environment variables with defaults (the README lists them).
 *
 * @param dataDir        where Kafka's log, chDB's tables, Flink's checkpoints and the secrets live
 * @param host           the interface the servers listen on
 * @param ingestPort     the HTTP API port
 * @param cockpitPort    the cockpit port
 * @param kafkaPort      the embedded broker's port (0: any free port)
 * @param mqttPort       the devices' MQTT port (0: any free port)
 * @param zone           the zone times are shown in
 * @param checkpoint     Flink's checkpoint interval
 * @param simulation     the simulated city that feeds the demo, or none
 * @param clock          what "now" is for every part (the system clock; tests move it to stress period boundaries)
 */
public record StandaloneConfig(Path dataDir, String host, int ingestPort, int cockpitPort, int kafkaPort, int mqttPort,
                               ZoneId zone, Duration checkpoint, Simulation simulation, Clock clock) {

    /**
     * The simulator feeding the system through its API.
     *
     * @param enabled         whether it runs
     * @param seed            same seed, same city and stream
     * @param eventsPerHour   events per simulated hour
     * @param backfill        how much of the recent past is sent at start
     */
    public record Simulation(boolean enabled, long seed, double eventsPerHour, Duration backfill) {}

    public StandaloneConfig withoutSimulator() {
        return new StandaloneConfig(dataDir, host, ingestPort, cockpitPort, kafkaPort, mqttPort, zone, checkpoint,
                new Simulation(false, simulation.seed(), simulation.eventsPerHour(), simulation.backfill()), clock);
    }

    /** This configuration on another clock. */
    public StandaloneConfig withClock(Clock other) {
        return new StandaloneConfig(dataDir, host, ingestPort, cockpitPort, kafkaPort, mqttPort, zone, checkpoint, simulation,
                other);
    }


    public static StandaloneConfig fromEnv(Map<String, String> env) {
        return new StandaloneConfig(
                Path.of(env.getOrDefault("GP_DATA_DIR", "data")).toAbsolutePath(),
                env.getOrDefault("GP_HOST", "127.0.0.1"),
                integer(env, "GP_INGEST_PORT", 8088),
                integer(env, "GP_COCKPIT_PORT", 8080),
                integer(env, "GP_KAFKA_PORT", 0),
                integer(env, "GP_MQTT_PORT", 1883),
                ZoneId.of(env.getOrDefault("GP_TIME_ZONE", "Asia/Shanghai")),
                // a minute: the job's state (the eventIds it remembers) is a 520 MB snapshot at 10 M events, and
                // at 5 s the job did little else than write them; freshness does not wait for checkpoints (the sinks
                // write on their own timers), only the replay after a crash grows to a minute of events
                Duration.ofSeconds(integer(env, "GP_CHECKPOINT_SECONDS", 60)),
                new Simulation(!"off".equalsIgnoreCase(env.getOrDefault("GP_SIMULATOR", "on")),
                        integer(env, "GP_SIM_SEED", 20260923),
                        integer(env, "GP_SIM_EVENTS_PER_HOUR", 3600),
                        Duration.ofHours(integer(env, "GP_SIM_BACKFILL_HOURS", 1))),
                Clock.systemUTC());
    }

    private static int integer(Map<String, String> env, String name, int fallback) {
        var value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got '" + value + "'");
        }
    }
}
