package io.gridpulse.ingest;

import io.gridpulse.ingest.auth.ApiKeys;
import io.gridpulse.ingest.http.ConnectionGate;
import io.gridpulse.ingest.log.KafkaEventLog;
import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.event.EventKind;
import io.gridpulse.model.keys.KeyGrant;
import io.gridpulse.model.keys.Right;
import io.gridpulse.model.testing.TestClock;
import io.gridpulse.warehouse.Warehouse;
import io.vertx.core.Vertx;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The edge as the outside review attacked it: a real Kafka topic behind it, Vert.x built on the connection gate,
 * and the review's three scoped keys: {@link #TERM_A} (write and read, street 439901001), {@link #TERM_B} (write
 * and read, street 439901104), {@link #CITIZEN_APP} (write only, 439901001), beside an unrestricted {@link #ADMIN}.
 */
final class HardenedEdge implements AutoCloseable {
    static final String TERM_A = "gpk_term-A-0123456789";
    static final String TERM_B = "gpk_term-B-0123456789";
    static final String CITIZEN_APP = "gpk_citizen-app-0123456789";
    static final String ADMIN = "gpk_admin-0123456789";
    /** A reader allowed one read per second, in bursts of one. */
    static final String SLOW_READER = "gpk_slow-reader-0123456789";
    static final String STREET_A = "439901001";
    static final String STREET_B = "439901104";
    /** A grid of street A (东城街道) and one of street B (桃花镇). */
    static final String GRID_A = "439901001001001";
    static final String GRID_B = "439901104002003";

    final String topic = "gp.events.hardened-" + UUID.randomUUID();
    final ConnectionGate gate = new ConnectionGate();
    final IngestServer server;
    final String base;
    private final Vertx vertx;
    private final KafkaEventLog log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HardenedEdge(IngestConfig.Connections connections, Warehouse warehouse) throws Exception {
        TestKafka.createTopic(topic);
        log = new KafkaEventLog(TestKafka.bootstrap(), topic, 100, Map.of());
        vertx = Vertx.builder().withTransport(gate.transport()).build();
        var config = new IngestConfig("127.0.0.1", 0, TestKafka.bootstrap(), topic, keys(),
                "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8), 16 * 1024, 100)
                .withClock(TestClock.get()).withConnections(connections);
        server = new IngestServer(config, log, warehouse, new ManualAlertSource(), Duration.ofSeconds(1), gate);
        vertx.deployVerticle(server).await(10, TimeUnit.SECONDS);
        base = "http://127.0.0.1:" + server.port();
    }

    /** The edge with the default connection limits, reading back from the shared test warehouse. */
    static HardenedEdge start() throws Exception {
        return new HardenedEdge(IngestConfig.Connections.defaults(), TestWarehouse.shared());
    }

    /** The edge with these connection limits and no warehouse. */
    static HardenedEdge start(IngestConfig.Connections connections) throws Exception {
        return new HardenedEdge(connections, null);
    }

    static ApiKeys keys() {
        var all = EnumSet.of(Right.WRITE, Right.READ);
        return ApiKeys.ofGrants(Map.of(
                TERM_A, new KeyGrant("term-A", all, List.of(AreaCode.of(STREET_A)), Set.of(), 1_000, 1_000),
                TERM_B, new KeyGrant("term-B", all, List.of(AreaCode.of(STREET_B)), Set.of(), 1_000, 1_000),
                CITIZEN_APP, new KeyGrant("citizen-app", EnumSet.of(Right.WRITE), List.of(AreaCode.of(STREET_A)),
                        Set.of(EventKind.DEMAND_CREATED), 1_000, 1_000),
                ADMIN, KeyGrant.unrestricted("admin"),
                SLOW_READER, new KeyGrant("slow-reader", EnumSet.of(Right.READ), List.of(), Set.of(), 1, 1)));
    }

    HttpResponse<String> post(String path, String key, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    HttpResponse<String> get(String path, String key) {
        var request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10)).GET();
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return send(request.build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException("request " + request.method() + " " + request.uri() + " failed", e);
        }
    }

    /** Every event id on the topic now. */
    Set<String> logged() {
        return TestKafka.records(topic).keySet();
    }

    @Override
    public void close() {
        try {
            vertx.close().await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("vert.x did not close", e);
        } finally {
            log.close();
        }
    }
}
