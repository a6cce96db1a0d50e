package io.gridpulse.ingest;

import io.gridpulse.ingest.auth.ApiKeys;
import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.keys.KeyGrant;
import io.gridpulse.model.keys.KeyMaterial;
import io.gridpulse.model.keys.Right;
import io.gridpulse.model.testing.TestClock;
import io.gridpulse.warehouse.keys.ApiKeyRecord;
import io.gridpulse.warehouse.keys.ApiKeyStore;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keys an administrator manages on the cockpit's keys page (the warehouse's api_keys) are accepted, scoped, refused
 * when revoked and replaced when rotated, while the edge runs; a managed key never shadows a configured client.
 */
class ManagedKeysTest {
    private static final Instant T = TestClock.now();
    private static Vertx vertx;
    private static IngestServer server;
    private static ApiKeyStore store;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        store = new ApiKeyStore(TestWarehouse.shared());
        vertx = Vertx.vertx();
        var config = new IngestConfig("127.0.0.1", 0, "unused:9092", "gp.events", ApiKeys.of(Map.of("ops", TestIngest.KEY)),
                "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8), 16 * 1024, 100).withClock(TestClock.get());
        server = new IngestServer(config, new RecordingEventLog(), TestWarehouse.shared(), new ManualAlertSource(), Duration.ofSeconds(15));
        vertx.deployVerticle(server).await(10, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    private static void save(String client, String key, boolean revoked, List<AreaCode> areas) {
        store.save(new ApiKeyRecord(new KeyGrant(client, Set.of(Right.WRITE), areas, Set.of(), 100, 200),
                KeyMaterial.sha256Hex(key), revoked, "admin", T, "admin", Instant.now())); // wall clock: the version orders changes
    }

    @Test
    void aDeviceRegisteredOnTheKeysPageConnectsOverMqttWithinSecondsAndIsRefusedOnceRevoked() throws Exception {
        var ring = new io.gridpulse.ingest.auth.KeyRing(ApiKeys.of(Map.of()), null, store);
        var mqtt = new io.gridpulse.ingest.mqtt.MqttDeviceServer(io.gridpulse.ingest.mqtt.MqttConfig.of("127.0.0.1", 0, ring),
                new RecordingEventLog(), TestIngest.PSEUDONYM_KEY, new io.gridpulse.ingest.metrics.IngestMetrics(),
                io.gridpulse.geo.region.Region.demo(), TestClock.get());
        vertx.deployVerticle(mqtt).await(10, TimeUnit.SECONDS);
        var key = KeyMaterial.generate();
        store.save(new ApiKeyRecord(new KeyGrant("wb-registered", Set.of(Right.WRITE), List.of(),
                Set.of(io.gridpulse.model.event.EventKind.TELEMETRY), 5, 100), KeyMaterial.sha256Hex(key), false, "admin", T,
                "admin", Instant.now())); // wall clock: the version orders changes

        var client = connectedWithin15s(mqtt.port(), "wb-registered", key, true);
        assertThat(DeviceClients.publishV5(client, DeviceClients.telemetryTopic("wb-registered"),
                DeviceClients.reading(Samples.newId(), 70), 1)).isZero();
        client.disconnect().waitForCompletion(DeviceClients.WAIT_MS);

        store.save(new ApiKeyRecord(new KeyGrant("wb-registered", Set.of(Right.WRITE), List.of(),
                Set.of(io.gridpulse.model.event.EventKind.TELEMETRY), 5, 100), KeyMaterial.sha256Hex(key), true, "admin", T,
                "admin", Instant.now())); // wall clock: the version orders changes
        assertThat(connectedWithin15s(mqtt.port(), "wb-registered", key, false)).as("refused once revoked").isNull();
    }

    /** A client once the device edge {@code accepts} (or, when not, null once it refuses), trying for 15 s. */
    private static org.eclipse.paho.mqttv5.client.MqttAsyncClient connectedWithin15s(int port, String device, String key,
                                                                                  boolean accepts) throws Exception {
        var deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                var client = DeviceClients.v5(port, device, key);
                if (accepts) {
                    return client;
                }
                client.disconnect().waitForCompletion(DeviceClients.WAIT_MS);
            } catch (org.eclipse.paho.mqttv5.common.MqttException refused) {
                if (!accepts) {
                    return null;
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the device edge did not " + (accepts ? "accept" : "refuse") + " " + device + " within 15 s");
    }

    private int post(String key, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/v1/events"))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    /** The status the edge answers once it has stopped answering {@code not}, within 15 s. */
    private int settled(String key, int not) throws Exception {
        var deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        int status = not;
        while (status == not && System.nanoTime() < deadline) {
            Thread.sleep(200);
            status = post(key, Samples.demand(Samples.newId()));
        }
        return status;
    }

    @Test
    void aManagedKeyIsAcceptedWithinSecondsThenRefusedWhenRevokedAndReplacedWhenRotated() throws Exception {
        var first = KeyMaterial.generate();
        save("hall-kiosk-3", first, false, List.of());
        assertThat(settled(first, 401)).isEqualTo(202);

        var second = KeyMaterial.generate();
        save("hall-kiosk-3", second, false, List.of());
        assertThat(settled(first, 202)).as("the rotated key").isEqualTo(401);
        assertThat(post(second, Samples.demand(Samples.newId()))).isEqualTo(202);

        save("hall-kiosk-3", second, true, List.of());
        assertThat(settled(second, 202)).as("the revoked key").isEqualTo(401);
        assertThat(post(TestIngest.KEY, Samples.demand(Samples.newId()))).as("the configured key stays").isEqualTo(202);
    }

    @Test
    void aManagedKeyKeepsToItsAreasAndNeverTakesAConfiguredClientsName() throws Exception {
        var scoped = KeyMaterial.generate();
        save("street-terminal-9", scoped, false, List.of(AreaCode.of("439901104")));
        assertThat(settled(scoped, 401)).as("a demand in 东城街道, outside the key's street").isEqualTo(403);

        var impostor = KeyMaterial.generate();
        save("ops", impostor, false, List.of());
        Thread.sleep(3 * 2_000);
        assertThat(post(impostor, Samples.demand(Samples.newId()))).isEqualTo(401);
    }
}
