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
 * @param connections     how many connections may be open, from one address and in all, and how long one may stay
 *                        silent or take over a request: a flood of clients must not take the file descriptors the
 *                        log and the warehouse need, nor lock terminals and probes out
 * @param eventLoops      how many event loops serve HTTP; connections are spread over them
 * @param region          the region events must lie in, and whose hierarchy {@code /api/v1/areas} serves
 * @param zone            the time zone periods (a day, a month) are counted in
 * @param tls             the server certificate and key (PEM) to serve HTTPS with, or null for plain HTTP
 * @param apiKeysFile     a key file followed for changes (keys added or revoked take effect within seconds), or null
 * @param clock           what "now" is: event times are judged and periods counted on it (the system clock, but for tests)
 * @param calendarDir     the folder of operators' working-day calendar files (GP_CALENDAR_DIR), read by the deadline
 *                        preview; null for the years shipped with the product
 */
public record IngestConfig(String host, int port, String kafkaBootstrap, String eventsTopic, ApiKeys apiKeys,
                           byte[] pseudonymKey, int maxBodyBytes, int maxInFlight, int maxBatchEvents,
                           int maxBatchBytes, String alertsTopic, Connections connections, int eventLoops,
                           Region region, java.time.ZoneId zone, Tls tls, java.nio.file.Path apiKeysFile,
                           java.time.Clock clock, java.nio.file.Path calendarDir) {

    public static final String DEFAULT_EVENTS_TOPIC = "gp.events";
    public static final String DEFAULT_ALERTS_TOPIC = "gp.alerts";
    public static final int DEFAULT_MAX_BATCH_EVENTS = 1_000;
    public static final int DEFAULT_MAX_BATCH_BYTES = 4 * 1024 * 1024;
    public static final java.time.ZoneId DEFAULT_ZONE = java.time.ZoneId.of("Asia/Shanghai");
    /** One event loop per core: decoding and validating events is CPU work. */
    public static final int DEFAULT_EVENT_LOOPS = Runtime.getRuntime().availableProcessors();

    public IngestConfig {
        if (maxBodyBytes < 1 || maxInFlight < 1 || maxBatchEvents < 1 || maxBatchBytes < 1 || eventLoops < 1) {
            throw new IllegalArgumentException("body, batch, in-flight and event-loop counts must be positive");
        }
        java.util.Objects.requireNonNull(connections, "connections");
        if (alertsTopic == null || alertsTopic.isBlank()) {
            throw new IllegalArgumentException("the alerts topic must be named");
        }
        java.util.Objects.requireNonNull(region, "region");
        java.util.Objects.requireNonNull(zone, "zone");
        java.util.Objects.requireNonNull(clock, "clock");
    }

    /** A configuration with the default connection limits ({@link Connections#defaults()}). */
    public IngestConfig(String host, int port, String kafkaBootstrap, String eventsTopic, ApiKeys apiKeys,
                        byte[] pseudonymKey, int maxBodyBytes, int maxInFlight, int maxBatchEvents, int maxBatchBytes,
                        String alertsTopic) {
        this(host, port, kafkaBootstrap, eventsTopic, apiKeys, pseudonymKey, maxBodyBytes, maxInFlight, maxBatchEvents,
                maxBatchBytes, alertsTopic, Connections.defaults(), DEFAULT_EVENT_LOOPS,
                Region.demo(), DEFAULT_ZONE, null, null, java.time.Clock.systemUTC(), null);
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
        return toBuilder().maxBatchEvents(maxEvents).maxBatchBytes(maxBytes).build();
    }

    /** This configuration tailing another alerts topic. */
    public IngestConfig withAlertsTopic(String topic) {
        return toBuilder().alertsTopic(topic).build();
    }

    /** This configuration with other connection limits. */
    public IngestConfig withConnections(Connections limits) {
        return toBuilder().connections(limits).build();
    }

    /** This configuration with another limit on open connections in all. */
    public IngestConfig withMaxConnections(int limit) {
        return withConnections(connections.withMaxConnections(limit));
    }

    /**
     * What one client, and all of them, may hold of the edge.
     *
     * @param maxConnections   connections open at once, in all; a new one beyond it is closed as it is accepted
     * @param maxPerAddress    connections open at once from one remote address
     * @param probeReserve     the last connections below {@code maxConnections}, kept for health probes: a connection
     *                         let in on them that asks for anything but {@code /health/*} is answered 503 and closed
     * @param idleTimeout      a connection that sends and receives nothing this long is closed (an idle keep-alive,
     *                         a client that stopped in the middle of a request)
     * @param headTimeout      the time a client has, from connecting or from its last answer, to send a whole
     *                         request head (line and headers); a client dribbling bytes is cut off at it
     * @param bodyTimeout      the time a client has, after its request head, to send the whole body (408 after it)
     * @param maxStreamsPerKey alert streams (server-sent events) one key may hold open; 429 beyond
     */
    public record Connections(int maxConnections, int maxPerAddress, int probeReserve, java.time.Duration idleTimeout,
                              java.time.Duration headTimeout, java.time.Duration bodyTimeout, int maxStreamsPerKey,
                              int maxReadsPerKey) {
        /** The limits with the default number of warehouse reads a key may have under way at once. */
        public Connections(int maxConnections, int maxPerAddress, int probeReserve, java.time.Duration idleTimeout,
                           java.time.Duration headTimeout, java.time.Duration bodyTimeout, int maxStreamsPerKey) {
            this(maxConnections, maxPerAddress, probeReserve, idleTimeout, headTimeout, bodyTimeout, maxStreamsPerKey,
                    DEFAULT_READS_PER_KEY);
        }

        /** Warehouse reads one key may have under way at once: a dashboard's few panels, not a scan per thread. */
        public static final int DEFAULT_READS_PER_KEY = 4;

        public Connections {
            if (maxConnections < 1 || maxPerAddress < 1 || maxStreamsPerKey < 1 || maxReadsPerKey < 1 || probeReserve < 0
                    || probeReserve >= maxConnections) {
                throw new IllegalArgumentException("connection limits must be positive, and the probes' reserve smaller"
                        + " than the limit: got " + maxConnections + " in all, " + maxPerAddress + " per address, "
                        + probeReserve + " reserved, " + maxStreamsPerKey + " streams and " + maxReadsPerKey
                        + " reads per key");
            }
            for (var timeout : java.util.List.of(idleTimeout, headTimeout, bodyTimeout)) {
                if (timeout.isNegative() || timeout.isZero() || timeout.toSeconds() > Integer.MAX_VALUE) {
                    throw new IllegalArgumentException("connection timeouts must be positive, got " + timeout);
                }
            }
        }

        /**
         * 1,000 connections (16 kept for probes), 256 from one address (a street's terminals behind one gateway),
         * 60 s idle (above the alert stream's 15 s heartbeat), 10 s for a request head, 30 s for a body, 8 streams
         * per key.
         */
        public static Connections defaults() {
            return new Connections(1_000, 256, 16, java.time.Duration.ofSeconds(60), java.time.Duration.ofSeconds(10),
                    java.time.Duration.ofSeconds(30), 8);
        }

        public Connections withMaxConnections(int limit) {
            return new Connections(limit, Math.min(maxPerAddress, limit), Math.min(probeReserve, limit - 1), idleTimeout,
                    headTimeout, bodyTimeout, maxStreamsPerKey, maxReadsPerKey);
        }
    }

    /** This configuration for another region. */
    public IngestConfig withRegion(Region other) {
        return toBuilder().region(other).build();
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
        return toBuilder().tls(other).build();
    }

    /** This configuration also accepting the keys of a file it follows for changes. */
    public IngestConfig withApiKeysFile(java.nio.file.Path file) {
        return toBuilder().apiKeysFile(file).build();
    }

    /** This configuration counting periods in another time zone. */
    public IngestConfig withZone(java.time.ZoneId other) {
        return toBuilder().zone(other).build();
    }

    /** This configuration counting working days with the year files of this folder too (null: shipped years only). */
    public IngestConfig withCalendarDir(java.nio.file.Path folder) {
        return toBuilder().calendarDir(folder).build();
    }

    /** This configuration on another clock. */
    public IngestConfig withClock(java.time.Clock other) {
        return toBuilder().clock(other).build();
    }

    /** This configuration serving HTTP on another number of event loops. */
    public IngestConfig withEventLoops(int count) {
        return toBuilder().eventLoops(count).build();
    }

    /** A builder holding this configuration, to change some of it; {@link Builder#build()} checks the whole. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds a configuration a few settings at a time. */
    public static final class Builder {
        private final String host;
        private final int port;
        private final String kafkaBootstrap;
        private final String eventsTopic;
        private final ApiKeys apiKeys;
        private final byte[] pseudonymKey;
        private int maxBodyBytes;
        private int maxInFlight;
        private int maxBatchEvents;
        private int maxBatchBytes;
        private String alertsTopic;
        private Connections connections;
        private int eventLoops;
        private Region region;
        private java.time.ZoneId zone;
        private Tls tls;
        private java.nio.file.Path apiKeysFile;
        private java.time.Clock clock;
        private java.nio.file.Path calendarDir;

        private Builder(IngestConfig c) {
            host = c.host;
            port = c.port;
            kafkaBootstrap = c.kafkaBootstrap;
            eventsTopic = c.eventsTopic;
            apiKeys = c.apiKeys;
            pseudonymKey = c.pseudonymKey;
            maxBodyBytes = c.maxBodyBytes;
            maxInFlight = c.maxInFlight;
            maxBatchEvents = c.maxBatchEvents;
            maxBatchBytes = c.maxBatchBytes;
            alertsTopic = c.alertsTopic;
            connections = c.connections;
            eventLoops = c.eventLoops;
            region = c.region;
            zone = c.zone;
            tls = c.tls;
            apiKeysFile = c.apiKeysFile;
            clock = c.clock;
            calendarDir = c.calendarDir;
        }

        public Builder maxBodyBytes(int v) { maxBodyBytes = v; return this; }
        public Builder maxInFlight(int v) { maxInFlight = v; return this; }
        public Builder maxBatchEvents(int v) { maxBatchEvents = v; return this; }
        public Builder maxBatchBytes(int v) { maxBatchBytes = v; return this; }
        public Builder alertsTopic(String v) { alertsTopic = v; return this; }
        public Builder connections(Connections v) { connections = v; return this; }
        public Builder eventLoops(int v) { eventLoops = v; return this; }
        public Builder region(Region v) { region = v; return this; }
        public Builder zone(java.time.ZoneId v) { zone = v; return this; }
        public Builder tls(Tls v) { tls = v; return this; }
        public Builder apiKeysFile(java.nio.file.Path v) { apiKeysFile = v; return this; }
        public Builder clock(java.time.Clock v) { clock = v; return this; }
        public Builder calendarDir(java.nio.file.Path v) { calendarDir = v; return this; }

        public IngestConfig build() {
            return new IngestConfig(host, port, kafkaBootstrap, eventsTopic, apiKeys, pseudonymKey, maxBodyBytes, maxInFlight,
                    maxBatchEvents, maxBatchBytes, alertsTopic, connections, eventLoops, region, zone, tls, apiKeysFile, clock,
                    calendarDir);
        }
    }
}
