package io.gridpulse.ingest;

import io.gridpulse.geo.region.Region;
import io.gridpulse.ingest.auth.ApiKeys;

/**
 * What the edge needs to run. Built from environment variables by the service's Main, or
 * directly by the embedded default and tests.
 *
 * @param host            the interface to listen on
 * @param port            the HTTP port (0 picks a free one)
 * @param kafkaBootstrap  Kafka bootstrap servers
 * @param eventsTopic     the topic events are appended to
 * @param apiKeys         the keys that may call the API
 * @param pseudonymKey    the HMAC key that turns ID numbers and phones into pseudonyms
 * @param maxBodyBytes    the largest request body accepted for one event
 * @param maxInFlight     events waiting for the log before new ones get 503
 * @param maxBatchEvents  the most events one {@code events:batch} request may carry
 * @param maxBatchBytes   the largest {@code events:batch} body accepted
 * @param alertsTopic     the one-partition topic the alert stream tails
 * @param maxConnections  open HTTP connections beyond which new ones are closed at once: a flood of
 *                        clients must not take the file descriptors the log and the warehouse need
 * @param eventLoops      how many event loops serve HTTP; connections are spread over them
 * @param region          the region events must lie in, and whose hierarchy {@code /api/v1/areas} serves
 * @param zone            the time zone periods (a day, a month) are counted in
 * @param tls             the server certificate and key (PEM) to serve HTTPS with, or null for plain HTTP
 * @param apiKeysFile     a key file followed for changes (keys added or revoked take effect within seconds), or null
 * @param clock           what "now" is: event times are judged and periods counted on it (the system clock, but for tests)
 */
public record IngestConfig(String host, int port, String kafkaBootstrap, String eventsTopic, ApiKeys apiKeys,
                           byte[] pseudonymKey, int maxBodyBytes, int maxInFlight, int maxBatchEvents,
                           int maxBatchBytes, String alertsTopic, int maxConnections, int eventLoops,
                           Region region, java.time.ZoneId zone, Tls tls, java.nio.file.Path apiKeysFile,
                           java.time.Clock clock) {

    public static final String DEFAULT_EVENTS_TOPIC = "gp.events";
    public static final String DEFAULT_ALERTS_TOPIC = "gp.alerts";
    public static final int DEFAULT_MAX_BATCH_EVENTS = 1_000;
    public static final int DEFAULT_MAX_BATCH_BYTES = 4 * 1024 * 1024;
    public static final int DEFAULT_MAX_CONNECTIONS = 1_000;
    public static final java.time.ZoneId DEFAULT_ZONE = java.time.ZoneId.of("Asia/Shanghai");
    /** One event loop per core: decoding and validating events is CPU work. */
    public static final int DEFAULT_EVENT_LOOPS = Runtime.getRuntime().availableProcessors();

    public IngestConfig {
        if (maxBodyBytes < 1 || maxInFlight < 1 || maxBatchEvents < 1 || maxBatchBytes < 1 || maxConnections < 1
                || eventLoops < 1) {
            throw new IllegalArgumentException("body, batch, in-flight, connection and event-loop counts must be positive");
        }
        if (alertsTopic == null || alertsTopic.isBlank()) {
            throw new IllegalArgumentException("the alerts topic must be named");
        }
        java.util.Objects.requireNonNull(region, "region");
        java.util.Objects.requireNonNull(zone, "zone");
        java.util.Objects.requireNonNull(clock, "clock");
    }

    /** A configuration with the default connection limit ({@value #DEFAULT_MAX_CONNECTIONS}). */
    public IngestConfig(String host, int port, String kafkaBootstrap, String eventsTopic, ApiKeys apiKeys,
                        byte[] pseudonymKey, int maxBodyBytes, int maxInFlight, int maxBatchEvents, int maxBatchBytes,
                        String alertsTopic) {
        this(host, port, kafkaBootstrap, eventsTopic, apiKeys, pseudonymKey, maxBodyBytes, maxInFlight, maxBatchEvents,
                maxBatchBytes, alertsTopic, DEFAULT_MAX_CONNECTIONS, DEFAULT_EVENT_LOOPS,
                Region.demo(), DEFAULT_ZONE, null, null, java.time.Clock.systemUTC());
    }

    /** A configuration reading alerts from {@value #DEFAULT_ALERTS_TOPIC}. */
    public IngestConfig(String host, int port, String kafkaBootstrap, String eventsTopic, ApiKeys apiKeys,
                        byte[] pseudonymKey, int maxBodyBytes, int maxInFlight, int maxBatchEvents, int maxBatchBytes) {
        this(host, port, kafkaBootstrap, eventsTopic, apiKeys, pseudonymKey, maxBodyBytes, maxInFlight, maxBatchEvents,
                maxBatchBytes, DEFAULT_ALERTS_TOPIC);
    }

    /** A configuration with the default batch limits (1,000 events, 4 MiB). */
    public IngestConfig(String host, int port, String kafkaBootstrap, String eventsTopic, ApiKeys apiKeys,
                        byte[] pseudonymKey, int maxBodyBytes, int maxInFlight) {
        this(host, port, kafkaBootstrap, eventsTopic, apiKeys, pseudonymKey, maxBodyBytes, maxInFlight,
                DEFAULT_MAX_BATCH_EVENTS, DEFAULT_MAX_BATCH_BYTES);
    }

    /** This configuration with other batch limits. */
    public IngestConfig withBatchLimits(int maxEvents, int maxBytes) {
        return new IngestConfig(host, port, kafkaBootstrap, eventsTopic, apiKeys, pseudonymKey, maxBodyBytes,
                maxInFlight, maxEvents, maxBytes, alertsTopic, maxConnections, eventLoops, region, zone, tls, apiKeysFile, clock);
    }

    /** This configuration tailing another alerts topic. */
    public IngestConfig withAlertsTopic(String topic) {
        return new IngestConfig(host, port, kafkaBootstrap, eventsTopic, apiKeys, pseudonymKey, maxBodyBytes,
                maxInFlight, maxBatchEvents, maxBatchBytes, topic, maxConnections, eventLoops, region, zone, tls, apiKeysFile, clock);
    }

    /** This configuration with another connection limit. */
    public IngestConfig withMaxConnections(int limit) {
        return new IngestConfig(host, port, kafkaBootstrap, eventsTopic, apiKeys, pseudonymKey, maxBodyBytes,
                maxInFlight, maxBatchEvents, maxBatchBytes, alertsTopic, limit, eventLoops, region, zone, tls, apiKeysFile, clock);
    }

    /** This configuration for another region. */
    public IngestConfig withRegion(Region other) {
        return new IngestConfig(host, port, kafkaBootstrap, eventsTopic, apiKeys, pseudonymKey, maxBodyBytes,
                maxInFlight, maxBatchEvents, maxBatchBytes, alertsTopic, maxConnections, eventLoops, other, zone, tls, apiKeysFile, clock);
    }

    /** A PEM certificate chain and its private key. */
    public record Tls(java.nio.file.Path certificate, java.nio.file.Path key) {
        public Tls {
            java.util.Objects.requireNonNull(certificate, "certificate");
            java.util.Objects.requireNonNull(key, "key");
        }
    }

    /** This configuration serving HTTPS with the given certificate and key, or plain HTTP when null. */
    public IngestConfig withTls(Tls other) {
        return new IngestConfig(host, port, kafkaBootstrap, eventsTopic, apiKeys, pseudonymKey, maxBodyBytes,
                maxInFlight, maxBatchEvents, maxBatchBytes, alertsTopic, maxConnections, eventLoops, region, zone, other, apiKeysFile, clock);
    }

    /** This configuration also accepting the keys of a file it follows for changes. */
    public IngestConfig withApiKeysFile(java.nio.file.Path file) {
        return new IngestConfig(host, port, kafkaBootstrap, eventsTopic, apiKeys, pseudonymKey, maxBodyBytes,
                maxInFlight, maxBatchEvents, maxBatchBytes, alertsTopic, maxConnections, eventLoops, region, zone, tls, file, clock);
    }

    /** This configuration counting periods in another time zone. */
    public IngestConfig withZone(java.time.ZoneId other) {
        return new IngestConfig(host, port, kafkaBootstrap, eventsTopic, apiKeys, pseudonymKey, maxBodyBytes,
                maxInFlight, maxBatchEvents, maxBatchBytes, alertsTopic, maxConnections, eventLoops, region, other, tls, apiKeysFile, clock);
    }

    /** This configuration on another clock. */
    public IngestConfig withClock(java.time.Clock other) {
        return new IngestConfig(host, port, kafkaBootstrap, eventsTopic, apiKeys, pseudonymKey, maxBodyBytes,
                maxInFlight, maxBatchEvents, maxBatchBytes, alertsTopic, maxConnections, eventLoops, region, zone, tls, apiKeysFile,
                other);
    }

    /** This configuration serving HTTP on another number of event loops. */
    public IngestConfig withEventLoops(int count) {
        return new IngestConfig(host, port, kafkaBootstrap, eventsTopic, apiKeys, pseudonymKey, maxBodyBytes,
                maxInFlight, maxBatchEvents, maxBatchBytes, alertsTopic, maxConnections, count, region, zone, tls, apiKeysFile, clock);
    }
}
