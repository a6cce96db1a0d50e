package io.gridpulse.ingest;

import io.gridpulse.model.testing.TestClock;

import io.gridpulse.ingest.auth.ApiKeys;
import io.gridpulse.ingest.metrics.IngestMetrics;
import io.gridpulse.ingest.mqtt.MqttConfig;
import io.gridpulse.ingest.mqtt.MqttDeviceServer;
import io.gridpulse.ingest.log.EventLog.LogUnavailableException;
import io.vertx.core.Vertx;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static io.gridpulse.ingest.DeviceClients.reading;
import static io.gridpulse.ingest.DeviceClients.telemetryTopic;
import static io.gridpulse.ingest.Samples.newId;
import static org.assertj.core.api.Assertions.assertThat;

/** The device edge over a slow or failing log: in-flight work per connection stays bounded, nothing unstored is acknowledged. */
class MqttInFlightTest {
    private static final String DEVICE = "kiosk-7";
    private static final String KEY = "gpd_kiosk-seven-key-0123456789";
    private static final int LIMIT = 2;
    private static final RecordingEventLog log = new RecordingEventLog();
    private static Vertx vertx;
    private static int port;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        var config = new MqttConfig("127.0.0.1", 0, ApiKeys.of(Map.of(DEVICE, KEY)), LIMIT, MqttConfig.DEFAULT_MAX_MESSAGE_BYTES);
        var server = new MqttDeviceServer(config, log, "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8),
                new IngestMetrics(), io.gridpulse.geo.region.Region.demo(), TestClock.get());
        vertx.deployVerticle(server).await(10, TimeUnit.SECONDS);
        port = server.port();
    }

    @AfterAll
    static void stop() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @BeforeEach
    void reset() {
        log.reset();
    }

    @Test
    void anMqtt5ClientIsToldTheLimitAndAllItsMessagesAreStoredWithinIt() throws Exception {
        log.delay = Duration.ofMillis(150);
        var client = DeviceClients.v5(port, DEVICE, KEY);
        try {
            var tokens = new ArrayList<org.eclipse.paho.mqttv5.client.IMqttToken>();
            for (int i = 0; i < 6; i++) {
                var message = new MqttMessage(reading(newId(), 70 + i).getBytes(StandardCharsets.UTF_8));
                message.setQos(1);
                tokens.add(publishWhenAllowed(client, message));
            }
            for (var token : tokens) {
                token.waitForCompletion(DeviceClients.WAIT_MS);
                assertThat(token.getReasonCodes()).containsOnly(0);
            }
            assertThat(log.appended).hasSize(6);
            assertThat(log.maxOutstanding.get()).isLessThanOrEqualTo(LIMIT);
        } finally {
            client.disconnect().waitForCompletion(DeviceClients.WAIT_MS);
        }
    }

    @Test
    void anMqtt311ClientBeyondTheLimitIsDisconnectedAndTheLogNeverHoldsMore() throws Exception {
        log.delay = Duration.ofMillis(500);
        var client = new MqttAsyncClient("tcp://127.0.0.1:" + port, "c-" + UUID.randomUUID(), new MemoryPersistence());
        var options = DeviceClients.v311Options(DEVICE, KEY);
        options.setMaxInflight(10);
        client.connect(options).waitForCompletion(DeviceClients.WAIT_MS);
        var tokens = new ArrayList<IMqttDeliveryToken>();
        for (int i = 0; i < 6; i++) {
            tokens.add(client.publish(telemetryTopic(DEVICE), reading(newId(), 70 + i).getBytes(StandardCharsets.UTF_8), 1, false));
        }
        Eventually.within5s(() -> !client.isConnected());
        assertThat(log.maxOutstanding.get()).isLessThanOrEqualTo(LIMIT);
        Thread.sleep(700); // the appends under way complete, but their PUBACKs have no connection to go to
        assertThat(log.appended).hasSizeLessThanOrEqualTo(LIMIT);
        assertThat(tokens).anySatisfy(token -> assertThat(token.isComplete() && token.getException() == null).isFalse());
        client.close(true);
    }

    @Test
    void aMessageTheLogRefusesIsNotAcknowledged() throws Exception {
        log.failWith = new LogUnavailableException("broker down", null);
        var client = DeviceClients.v5(port, DEVICE, KEY);
        try {
            assertThat(DeviceClients.publishV5(client, telemetryTopic(DEVICE), reading(newId(), 70), 1))
                    .isEqualTo(0x80); // Unspecified error: not stored, resend later
            assertThat(log.appended).isEmpty();
        } finally {
            client.disconnect().waitForCompletion(DeviceClients.WAIT_MS);
        }
    }

    /** Paho refuses a publish beyond the server's Receive Maximum at once; wait and retry, as a device would. */
    private static org.eclipse.paho.mqttv5.client.IMqttToken publishWhenAllowed(
            org.eclipse.paho.mqttv5.client.MqttAsyncClient client, MqttMessage message) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try {
                return client.publish(telemetryTopic(DEVICE), message);
            } catch (org.eclipse.paho.mqttv5.common.MqttException e) {
                if (e.getReasonCode() != org.eclipse.paho.mqttv5.client.MqttClientException.REASON_CODE_MAX_INFLIGHT
                        || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(20);
            }
        }
    }
}
