package io.gridpulse.ingest;

import io.gridpulse.ingest.auth.ApiKeyAuthentication;
import io.gridpulse.ingest.auth.ApiKeys;
import io.gridpulse.ingest.auth.KeyRing;
import io.gridpulse.ingest.auth.ReadGate;
import io.gridpulse.ingest.counts.EventCountsEndpoint;
import io.gridpulse.model.keys.KeyGrant;
import io.gridpulse.model.keys.Right;
import io.gridpulse.model.testing.TestClock;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Expensive reads are bounded (issue 12 item 9): a read is charged to the key's rate by the queries behind it, and a
 * key has only so many warehouse reads under way at once. Before, a key without limits could ask 20,000 times a
 * second for three full scans of the events table.
 */
class ExpensiveReadsTest {
    private static final String COUNTER = "gpk_counter-0123456789";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Vertx vertx;
    private static IngestServer server;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        // forty tokens: two answers of event counts, then the rate
        var keys = ApiKeys.ofGrants(Map.of(COUNTER, new KeyGrant("counter", EnumSet.of(Right.READ), List.of(), Set.of(), 1, 40)));
        var config = new IngestConfig("127.0.0.1", 0, "unused:9092", "gp.events", keys,
                TestIngest.PSEUDONYM_KEY, 16 * 1024, 100).withClock(TestClock.get());
        server = new IngestServer(config, new RecordingEventLog(), TestWarehouse.shared(), new ManualAlertSource(), Duration.ofSeconds(15));
        vertx.deployVerticle(server).await(10, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void eventCountsAreChargedByTheScansBehindThem() throws Exception {
        assertThat(EventCountsEndpoint.COST).isGreaterThan(1);
        var answers = new ArrayList<Integer>();
        for (int i = 0; i < 3; i++) {
            answers.add(get(server.port(), "/api/v1/event-counts", COUNTER).statusCode());
        }
        assertThat(answers).containsExactly(200, 200, 429);
        var refused = get(server.port(), "/api/v1/event-counts", COUNTER);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(new JsonObject(refused.body()).getString("type")).endsWith("/rate-limited");
    }

    @Test
    void aKeyHasOnlySoManyWarehouseReadsUnderWayAtOnce() throws Exception {
        // a route whose answer waits for the test, behind the same gate the warehouse routes have
        var held = new CountDownLatch(1);
        var gate = new ReadGate(2);
        var router = Router.router(vertx);
        router.route().handler(new ApiKeyAuthentication(new KeyRing(ApiKeys.of(Map.of("dashboard", TestIngest.KEY)), null, null)));
        router.get("/slow").handler(gate).handler(ctx -> vertx.executeBlocking(() -> held.await(10, TimeUnit.SECONDS), false)
                .onComplete(done -> ctx.response().end("read")));
        var slow = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
        try {
            var first = CompletableFuture.supplyAsync(() -> get(slow.actualPort(), "/slow", TestIngest.KEY));
            var second = CompletableFuture.supplyAsync(() -> get(slow.actualPort(), "/slow", TestIngest.KEY));
            Eventually.within5s(() -> gate.held("dashboard") == 2);

            var third = get(slow.actualPort(), "/slow", TestIngest.KEY);
            assertThat(third.statusCode()).isEqualTo(429);
            assertThat(new JsonObject(third.body()).getString("detail")).contains("2 reads of the warehouse under way");

            held.countDown();
            assertThat(first.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            assertThat(second.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            Eventually.within5s(() -> gate.held("dashboard") == 0);
            assertThat(get(slow.actualPort(), "/slow", TestIngest.KEY).statusCode()).as("released once answered").isEqualTo(200);
        } finally {
            held.countDown();
            slow.close().await(10, TimeUnit.SECONDS);
        }
    }

    private static HttpResponse<String> get(int port, String path, String key) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Authorization", "Bearer " + key).timeout(Duration.ofSeconds(15)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
