package io.gridpulse.ingest;

import io.gridpulse.ingest.alerts.AlertSource;
import io.gridpulse.ingest.auth.ApiKeys;
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
import java.util.concurrent.TimeUnit;

/** A real IngestServer on a free port with the recording log, and an HTTP client for it. */
final class TestIngest implements AutoCloseable {
    static final String KEY = "gpk_test-key-0123456789";
    /** A terminal of street 439901001 that may send visits and demands only. */
    static final String STREET_KEY = "gpk_street-terminal-0123456789";
    /** An integration that may read but not write. */
    static final String READER_KEY = "gpk_reader-0123456789";
    /** A key allowed one event per second in bursts of two. */
    static final String SLOW_KEY = "gpk_slow-terminal-0123456789";
    static final String STREET = "439901001";
    /** The edge's pseudonym key, from which the box of subscription secrets is derived. */
    static final byte[] PSEUDONYM_KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    static final int MAX_BODY = 16 * 1024;
    static final int MAX_BATCH_EVENTS = 10;
    static final int MAX_BATCH_BYTES = 64 * 1024;

    final RecordingEventLog log;
    final IngestServer server;
    final String base;
    private final Vertx vertx;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The edge without a warehouse, its alert stream fed by hand. */
    static TestIngest start() {
        return start(null, new ManualAlertSource(), Duration.ofSeconds(15));
    }

    /** The edge over a warehouse (null for none), with the given alert source and stream heartbeat. */
    static TestIngest start(Warehouse warehouse, AlertSource alerts, Duration heartbeat) {
        var vertx = Vertx.vertx();
        var config = new IngestConfig("127.0.0.1", 0, "unused:9092", "gp.events", keys(),
                PSEUDONYM_KEY, MAX_BODY, 100).withClock(TestClock.get())
                .withBatchLimits(MAX_BATCH_EVENTS, MAX_BATCH_BYTES);
        var log = new RecordingEventLog();
        var server = new IngestServer(config, log, warehouse, alerts, heartbeat);
        try {
            vertx.deployVerticle(server).await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the ingest server did not start", e);
        }
        return new TestIngest(vertx, server, log);
    }

    /** The unrestricted test key and the three restricted ones above. */
    static ApiKeys keys() {
        return ApiKeys.ofGrants(Map.of(
                KEY, KeyGrant.unrestricted("terminal"),
                STREET_KEY, new KeyGrant("street-terminal", EnumSet.of(Right.WRITE, Right.READ),
                        List.of(AreaCode.of(STREET)), Set.of(EventKind.VISIT, EventKind.DEMAND_CREATED), 1_000, 1_000),
                READER_KEY, new KeyGrant("reader", EnumSet.of(Right.READ), List.of(), Set.of(), 1_000, 1_000),
                SLOW_KEY, new KeyGrant("slow-terminal", EnumSet.of(Right.WRITE), List.of(), Set.of(), 1, 2)));
    }

    private TestIngest(Vertx vertx, IngestServer server, RecordingEventLog log) {
        this.vertx = vertx;
        this.server = server;
        this.base = "http://127.0.0.1:" + server.port();
        this.log = log;
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10));
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException("request " + request.method() + " " + request.uri() + " failed", e);
        }
    }

    /** POSTs a body with the test key. */
    HttpResponse<String> post(String path, String contentType, byte[] body) {
        return send(request(path).header("Authorization", "Bearer " + KEY).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    HttpResponse<String> post(String path, String contentType, String body) {
        return post(path, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<String> get(String path, String key) {
        var request = request(path).GET();
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return send(request.build());
    }

    @Override
    public void close() {
        try {
            vertx.close().await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("vert.x did not close", e);
        }
    }
}
