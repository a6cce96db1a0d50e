package io.gridpulse.ingest;

import io.gridpulse.ingest.auth.ApiKeys;
import io.gridpulse.ingest.log.KafkaEventLog;
import io.gridpulse.ingest.metrics.IngestMetrics;
import io.gridpulse.ingest.mqtt.MqttConfig;
import io.gridpulse.ingest.mqtt.MqttDeviceServer;
import io.gridpulse.model.testing.TestClock;
import io.vertx.core.Vertx;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.gridpulse.ingest.DeviceClients.publishV5;
import static io.gridpulse.ingest.DeviceClients.reading;
import static io.gridpulse.ingest.DeviceClients.telemetryTopic;
import static io.gridpulse.ingest.Samples.newId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What one stolen device key, or one address, can do to the device edge (issue 12 item 10): a device sends at most
 * its rate, holds one connection (a new one takes over, as MQTT does for a client id), and the edge holds at most so
 * many connections in all and from one address. Real Paho MQTT 5 clients against a real Kafka broker.
 */
class MqttLimitsTest {
    private static final String TOPIC = "gp.events.mqtt-limits-" + UUID.randomUUID();
    private static final int QUOTA_EXCEEDED = 0x97;
    private static final int SESSION_TAKEN_OVER = 0x8E;
    private static final int SERVER_BUSY = 0x89;
    private static final int CONNECTION_RATE_EXCEEDED = 0x9F;
    private static final Map<String, String> DEVICES = new HashMap<>();
    private static Vertx vertx;
    private static KafkaEventLog eventLog;
    private static MqttDeviceServer limited;
    private static MqttDeviceServer small;
    private static int port;
    private static int onePort;

    @BeforeAll
    static void start() throws Exception {
        TestKafka.createTopic(TOPIC);
        eventLog = new KafkaEventLog(TestKafka.bootstrap(), TOPIC, 100, Map.of());
        vertx = Vertx.vertx();
        for (int i = 1; i <= 6; i++) {
            DEVICES.put("wb-" + i, "gpd_wristband-" + i + "-key-0123456789");
        }
        var key = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
        var devices = ApiKeys.of(DEVICES);
        // one message a second in bursts of three; two connections from one address, four in all
        limited = new MqttDeviceServer(MqttConfig.of("127.0.0.1", 0, devices)
                .withLimits(new MqttConfig.Limits(1, 3, 4, 2)), eventLog, key, new IngestMetrics(),
                io.gridpulse.geo.region.Region.demo(), TestClock.get());
        vertx.deployVerticle(limited).await(10, TimeUnit.SECONDS);
        port = limited.port();
        // an edge that holds one connection in all
        small = new MqttDeviceServer(MqttConfig.of("127.0.0.1", 0, devices)
                .withLimits(new MqttConfig.Limits(10, 10, 1, 100)), eventLog, key, new IngestMetrics(),
                io.gridpulse.geo.region.Region.demo(), TestClock.get());
        vertx.deployVerticle(small).await(10, TimeUnit.SECONDS);
        onePort = small.port();
    }

    @AfterAll
    static void stop() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
        eventLog.close();
    }

    @BeforeEach
    void everyConnectionOfTheTestBeforeIsClosed() {
        Eventually.within5s(() -> limited.sessions() == 0 && small.sessions() == 0);
    }

    @Test
    void aDeviceSendingFasterThanItsRateIsToldSoAndTheExcessIsNotStored() throws Exception {
        var client = DeviceClients.v5(port, "wb-1", DEVICES.get("wb-1"));
        try {
            var ids = new String[5];
            var codes = new int[5];
            for (int i = 0; i < 5; i++) {
                ids[i] = newId();
                codes[i] = publishV5(client, telemetryTopic("wb-1"), reading(ids[i], 70 + i), 1);
            }
            assertThat(codes[0]).isZero();
            assertThat(codes).as("the burst of three passes, what follows at once does not").contains(QUOTA_EXCEEDED);
            var records = TestKafka.records(TOPIC);
            for (int i = 0; i < 5; i++) {
                assertThat(records.containsKey(ids[i])).as("message " + i).isEqualTo(codes[i] == 0);
            }
            Thread.sleep(1_100);   // wall clock: the bucket refills at one a second
            assertThat(publishV5(client, telemetryTopic("wb-1"), reading(newId(), 80), 1)).as("slowed, not banned").isZero();
        } finally {
            client.disconnect().waitForCompletion(DeviceClients.WAIT_MS);
        }
    }

    @Test
    void aDeviceConnectingAgainTakesOverItsOlderConnection() throws Exception {
        var reason = new AtomicInteger(-1);
        var first = DeviceClients.v5(port, "wb-2", DEVICES.get("wb-2"));
        first.setCallback(new OnDisconnect(reason));
        var second = DeviceClients.v5(port, "wb-2", DEVICES.get("wb-2"));
        try {
            // Paho marks the client disconnected a moment before it calls back
            Eventually.within5s(() -> reason.get() != -1);
            assertThat(reason.get()).isEqualTo(SESSION_TAKEN_OVER);
            assertThat(first.isConnected()).isFalse();
            assertThat(publishV5(second, telemetryTopic("wb-2"), reading(newId(), 75), 1)).isZero();
        } finally {
            second.disconnect().waitForCompletion(DeviceClients.WAIT_MS);
            first.close(true);
        }
    }

    @Test
    void oneAddressHoldsOnlySoManyConnections() throws Exception {
        var a = DeviceClients.v5(port, "wb-3", DEVICES.get("wb-3"));
        var b = DeviceClients.v5(port, "wb-4", DEVICES.get("wb-4"));
        try {
            assertThatThrownBy(() -> DeviceClients.v5(port, "wb-5", DEVICES.get("wb-5")))
                    .isInstanceOfSatisfying(MqttException.class, e -> assertThat(e.getReasonCode()).isEqualTo(CONNECTION_RATE_EXCEEDED));
        } finally {
            a.disconnect().waitForCompletion(DeviceClients.WAIT_MS);
            b.disconnect().waitForCompletion(DeviceClients.WAIT_MS);
        }
        // a closed connection frees its place
        Eventually.within(Duration.ofSeconds(5), () -> {
            try {
                DeviceClients.v5(port, "wb-5", DEVICES.get("wb-5")).disconnect().waitForCompletion(DeviceClients.WAIT_MS);
                return true;
            } catch (MqttException stillFull) {
                return false;
            }
        });
    }

    @Test
    void theEdgeHoldsOnlySoManyConnectionsInAll() throws Exception {
        var only = DeviceClients.v5(onePort, "wb-6", DEVICES.get("wb-6"));
        try {
            assertThatThrownBy(() -> DeviceClients.v5(onePort, "wb-1", DEVICES.get("wb-1")))
                    .isInstanceOfSatisfying(MqttException.class, e -> assertThat(e.getReasonCode()).isEqualTo(SERVER_BUSY));
            assertThat(publishV5(only, telemetryTopic("wb-6"), reading(newId(), 66), 1)).as("the one held still works").isZero();
        } finally {
            only.disconnect().waitForCompletion(DeviceClients.WAIT_MS);
        }
    }

    /** Remembers the reason code of the server's DISCONNECT. */
    private record OnDisconnect(AtomicInteger reason) implements MqttCallback {
        @Override
        public void disconnected(MqttDisconnectResponse response) {
            reason.set(response.getReturnCode());
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {}

        @Override
        public void messageArrived(String topic, MqttMessage message) {}

        @Override
        public void deliveryComplete(org.eclipse.paho.mqttv5.client.IMqttToken token) {}

        @Override
        public void connectComplete(boolean reconnect, String serverURI) {}

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {}
    }
}
