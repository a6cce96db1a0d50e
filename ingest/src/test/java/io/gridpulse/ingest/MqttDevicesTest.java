package io.gridpulse.ingest;

import io.gridpulse.model.testing.TestClock;

import io.gridpulse.ingest.auth.ApiKeys;
import io.gridpulse.ingest.log.KafkaEventLog;
import io.gridpulse.ingest.mqtt.MqttConfig;
import io.gridpulse.ingest.mqtt.MqttDeviceServer;
import io.vertx.core.Vertx;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.common.MqttMessage;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static io.gridpulse.ingest.DeviceClients.publishV5;
import static io.gridpulse.ingest.DeviceClients.reading;
import static io.gridpulse.ingest.DeviceClients.sosTopic;
import static io.gridpulse.ingest.DeviceClients.telemetryTopic;
import static io.gridpulse.ingest.Samples.newId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The MQTT device edge with real clients (Paho 3.1.1 and 5, mosquitto_pub) against a real Kafka
 * broker: what is acknowledged is in the topic, what is refused is not.
 */
class MqttDevicesTest {
    private static final String DEVICE = "wb-1";
    private static final String DEVICE_KEY = "gpd_wristband-one-key-0123456789";
    private static final String OTHER = "wb-2";
    private static final String OTHER_KEY = "gpd_wristband-two-key-0123456789";
    private static final String TOPIC = "gp.events.mqtt-" + UUID.randomUUID();

    private static Vertx vertx;
    private static KafkaEventLog eventLog;
    private static IngestServer http;
    private static MqttDeviceServer mqtt;
    private static int port;

    @BeforeAll
    static void start() throws Exception {
        TestKafka.createTopic(TOPIC);
        eventLog = new KafkaEventLog(TestKafka.bootstrap(), TOPIC, 100, Map.of());
        vertx = Vertx.vertx();
        var key = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
        var config = new IngestConfig("127.0.0.1", 0, TestKafka.bootstrap(), TOPIC,
                ApiKeys.of(Map.of("terminal", TestIngest.KEY)), key, 16 * 1024, 100).withClock(TestClock.get());
        http = new IngestServer(config, eventLog, null, new ManualAlertSource());
        vertx.deployVerticle(http).await(10, TimeUnit.SECONDS);
        var devices = ApiKeys.of(Map.of(DEVICE, DEVICE_KEY, OTHER, OTHER_KEY));
        mqtt = new MqttDeviceServer(MqttConfig.of("127.0.0.1", 0, devices), eventLog, key, http.metrics(),
                io.gridpulse.geo.region.Region.demo(), TestClock.get());
        vertx.deployVerticle(mqtt).await(10, TimeUnit.SECONDS);
        port = mqtt.port();
    }

    @AfterAll
    static void stop() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
        eventLog.close();
    }

    @Test
    void aQos1ReadingIsAcknowledgedOnlyOnceKafkaHasIt() throws Exception {
        var id = newId();
        var client = DeviceClients.v5(port, DEVICE, DEVICE_KEY);
        try {
            assertThat(publishV5(client, telemetryTopic(DEVICE), reading(id, 72), 1)).isZero();
            // no waiting: the PUBACK came after Kafka's acknowledgement
            assertThat(TestKafka.records(TOPIC)).hasEntrySatisfying(id, value -> assertThat(value)
                    .contains("\"kind\":\"telemetry\"", "\"deviceId\":\"wb-1\"", "\"source\":\"wb-1\"",
                            "\"heartRate\":72", "\"sos\":false"));
        } finally {
            client.disconnect().waitForCompletion(DeviceClients.WAIT_MS);
        }
    }

    @Test
    void anSosFromAnMqtt311DeviceIsStoredAsTelemetryWithSosRaised() throws Exception {
        var id = newId();
        var client = DeviceClients.v311(port, DEVICE, DEVICE_KEY);
        try {
            client.publish(sosTopic(DEVICE), reading(id, 131).getBytes(StandardCharsets.UTF_8), 1, false);
            assertThat(TestKafka.records(TOPIC)).hasEntrySatisfying(id, value -> assertThat(value)
                    .contains("\"sos\":true", "\"heartRate\":131"));
        } finally {
            client.disconnect();
        }
    }

    @Test
    void theEventFormTheHttpEdgeTakesIsAcceptedToo() throws Exception {
        var id = newId();
        var client = DeviceClients.v5(port, OTHER, OTHER_KEY);
        try {
            var event = Samples.telemetry(id).replace("wb-9", OTHER);
            assertThat(publishV5(client, telemetryTopic(OTHER), event, 1)).isZero();
            assertThat(TestKafka.records(TOPIC)).containsKey(id);
        } finally {
            client.disconnect().waitForCompletion(DeviceClients.WAIT_MS);
        }
    }

    @Test
    void aQos0ReadingIsStoredBestEffortWithoutAnAnswer() throws Exception {
        var id = newId();
        var client = DeviceClients.v311(port, DEVICE, DEVICE_KEY);
        try {
            client.publish(telemetryTopic(DEVICE), reading(id, 80).getBytes(StandardCharsets.UTF_8), 0, false);
            Eventually.within(Duration.ofSeconds(10), () -> TestKafka.records(TOPIC).containsKey(id));
        } finally {
            client.disconnect();
        }
    }

    @Test
    void mosquittoPubDeliversAReadingAtQos1() throws Exception {
        var id = newId();
        var exit = mosquittoPub("-V", "mqttv311", "-q", "1", "-u", DEVICE, "-P", DEVICE_KEY,
                "-t", telemetryTopic(DEVICE), "-m", reading(id, 66).replace("\n", ""));
        assertThat(exit).isZero();
        assertThat(TestKafka.records(TOPIC)).containsKey(id);
    }

    @Test
    void mosquittoPubWithAWrongKeyIsRefused() throws Exception {
        var id = newId();
        var exit = mosquittoPub("-V", "mqttv5", "-q", "1", "-u", DEVICE, "-P", "not-the-key",
                "-t", telemetryTopic(DEVICE), "-m", reading(id, 66).replace("\n", ""));
        assertThat(exit).isNotZero();
        assertThat(TestKafka.records(TOPIC)).doesNotContainKey(id);
    }

    @Test
    void aMalformedReadingGetsANegativePubackNamingTheFieldAndIsNotStored() throws Exception {
        var bad = newId();
        var client = DeviceClients.v5(port, DEVICE, DEVICE_KEY);
        try {
            var message = new MqttMessage(reading(bad, 999).getBytes(StandardCharsets.UTF_8));
            message.setQos(1);
            var token = client.publish(telemetryTopic(DEVICE), message);
            int code;
            try {
                token.waitForCompletion(DeviceClients.WAIT_MS);
                code = token.getReasonCodes()[0];
            } catch (org.eclipse.paho.mqttv5.common.MqttException refused) {
                code = refused.getReasonCode();
            }
            assertThat(code).isEqualTo(0x99); // Payload format invalid
            assertThat(DeviceClients.reasonString(token)).contains("/heartRate");
            assertStoredAfterwardsWithout(client, bad);
        } finally {
            client.disconnect().waitForCompletion(DeviceClients.WAIT_MS);
        }
    }

    @Test
    void payloadsThatAreNotEventsAreRefusedEachWithItsReason() throws Exception {
        var client = DeviceClients.v5(port, DEVICE, DEVICE_KEY);
        try {
            var id = newId();
            var payloads = List.of("", "not json", "[1,2]", "{\"eventId\":",
                    reading(id, 70).replace("\"deviceType\"", "\"kind\":\"visit\",\"deviceType\""),
                    reading(id, 70).replace("\"deviceType\"", "\"deviceId\":\"wb-2\",\"deviceType\""),
                    reading(id, 70).replace("\"deviceType\"", "\"source\":\"terminal-1\",\"deviceType\""),
                    reading(id, 70).replace("\"deviceType\":\"wristband\"", "\"deviceType\":\"toaster\""),
                    reading(id, 70).replace("\"occurredAt\":\"", "\"occurredAt\":\"yesterday"),
                    reading(id, 70).replace("\"deviceType\"", "\"unknownMember\":1,\"deviceType\""));
            var codes = new ArrayList<Integer>();
            for (var payload : payloads) {
                codes.add(publishV5(client, telemetryTopic(DEVICE), payload, 1));
            }
            assertThat(codes).containsOnly(0x99);
            var sosFalse = newId();
            assertThat(publishV5(client, sosTopic(DEVICE), reading(sosFalse, 70).replace("\"deviceType\"", "\"sos\":false,\"deviceType\""), 1))
                    .isEqualTo(0x99);
            assertStoredAfterwardsWithout(client, id, sosFalse);
        } finally {
            client.disconnect().waitForCompletion(DeviceClients.WAIT_MS);
        }
    }

    @Test
    void aMalformedReadingClosesAnMqtt311ConnectionAndIsNotStored() throws Exception {
        var bad = newId();
        var client = DeviceClients.v311(port, DEVICE, DEVICE_KEY);
        try {
            assertThatThrownBy(() -> client.publish(telemetryTopic(DEVICE), reading(bad, 999).getBytes(StandardCharsets.UTF_8), 1, false))
                    .isInstanceOf(org.eclipse.paho.client.mqttv3.MqttException.class);
            Eventually.within5s(() -> !client.isConnected());
        } finally {
            client.close(true);
        }
        var marker = newId();
        var again = DeviceClients.v311(port, DEVICE, DEVICE_KEY);
        again.publish(telemetryTopic(DEVICE), reading(marker, 70).getBytes(StandardCharsets.UTF_8), 1, false);
        again.disconnect();
        assertThat(TestKafka.records(TOPIC)).containsKey(marker).doesNotContainKey(bad);
    }

    @Test
    void aDeviceMayNotPublishToAnotherDevicesTopic() throws Exception {
        var id = newId();
        var client = DeviceClients.v5(port, DEVICE, DEVICE_KEY);
        try {
            assertThat(publishV5(client, telemetryTopic(OTHER), reading(id, 70), 1)).isEqualTo(0x87); // Not authorized
            assertThat(publishV5(client, "gp/v1/devices/" + DEVICE + "/commands", reading(id, 70), 1)).isEqualTo(0x90); // Topic name invalid
            assertThat(publishV5(client, "gp/v1/devices/../" + DEVICE + "/telemetry", reading(id, 70), 1)).isEqualTo(0x90);
            assertStoredAfterwardsWithout(client, id);
        } finally {
            client.disconnect().waitForCompletion(DeviceClients.WAIT_MS);
        }
    }

    @Test
    void anMqtt311DevicePublishingToAnotherDevicesTopicIsDisconnected() throws Exception {
        var id = newId();
        var client = DeviceClients.v311(port, DEVICE, DEVICE_KEY);
        try {
            assertThatThrownBy(() -> client.publish(telemetryTopic(OTHER), reading(id, 70).getBytes(StandardCharsets.UTF_8), 1, false))
                    .isInstanceOf(org.eclipse.paho.client.mqttv3.MqttException.class);
            Eventually.within5s(() -> !client.isConnected());
        } finally {
            client.close(true);
        }
        assertThat(TestKafka.records(TOPIC)).doesNotContainKey(id);
    }

    @Test
    void aWrongKeyOrAnUnknownDeviceIsRefusedAtConnect() {
        assertThatThrownBy(() -> DeviceClients.v5(port, DEVICE, OTHER_KEY))
                .isInstanceOfSatisfying(org.eclipse.paho.mqttv5.common.MqttException.class,
                        e -> assertThat(e.getReasonCode()).isEqualTo(0x86)); // Bad user name or password
        assertThatThrownBy(() -> DeviceClients.v311(port, "wb-404", DEVICE_KEY))
                .isInstanceOfSatisfying(org.eclipse.paho.client.mqttv3.MqttException.class,
                        e -> assertThat(e.getReasonCode()).isEqualTo(4));
        assertThatThrownBy(() -> DeviceClients.v311(port, DEVICE, ""))
                .isInstanceOf(org.eclipse.paho.client.mqttv3.MqttException.class);
    }

    @Test
    void qos2IsRefusedAndSubscriptionsAreNotAllowed() throws Exception {
        var client = DeviceClients.v5(port, DEVICE, DEVICE_KEY);
        var granted = client.subscribe("gp/v1/devices/+/telemetry", 1);
        try {
            granted.waitForCompletion(DeviceClients.WAIT_MS);
            assertThat(granted.getReasonCodes()).containsOnly(0x87);
        } catch (org.eclipse.paho.mqttv5.common.MqttException refused) {
            assertThat(refused.getReasonCode()).isEqualTo(0x87);
        }
        client.disconnect().waitForCompletion(DeviceClients.WAIT_MS);
        // an MQTT 5 client learns Maximum QoS 1 at CONNACK and never sends QoS 2; a 3.1.1 client may
        var id = newId();
        var v311 = DeviceClients.v311(port, DEVICE, DEVICE_KEY);
        try {
            assertThatThrownBy(() -> v311.publish(telemetryTopic(DEVICE), reading(id, 70).getBytes(StandardCharsets.UTF_8), 2, false))
                    .isInstanceOf(org.eclipse.paho.client.mqttv3.MqttException.class);
            Eventually.within5s(() -> !v311.isConnected());
        } finally {
            v311.close(true);
        }
        assertThat(TestKafka.records(TOPIC)).doesNotContainKey(id);
    }

    @Test
    void openSessionsAndRefusedMessagesShowInMetrics() throws Exception {
        assertThatThrownBy(() -> DeviceClients.v5(port, OTHER, DEVICE_KEY));
        var client = DeviceClients.v5(port, OTHER, OTHER_KEY);
        try {
            publishV5(client, telemetryTopic(OTHER), "{}", 1);
            Eventually.within5s(() -> mqtt.sessions() == 1);
            var scraped = scrape();
            assertThat(scraped)
                    .contains("ingest_mqtt_sessions 1.0")
                    .containsPattern("ingest_mqtt_messages_total\\{outcome=\"invalid-payload\",qos=\"1\"} [1-9]")
                    .containsPattern("ingest_mqtt_connections_refused_total\\{reason=\"bad-credentials\"} [1-9]");
        } finally {
            client.disconnect().waitForCompletion(DeviceClients.WAIT_MS);
        }
        Eventually.within5s(() -> mqtt.sessions() == 0);
        var after = scrape();
        assertThat(after).contains("ingest_mqtt_sessions 0.0");
        var promtool = java.nio.file.Path.of("/usr/bin/promtool");
        if (java.nio.file.Files.isExecutable(promtool)) {
            var process = new ProcessBuilder(promtool.toString(), "check", "metrics").redirectErrorStream(true).start();
            try (var in = process.getOutputStream()) {
                in.write(after.getBytes(StandardCharsets.UTF_8));
            }
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
        }
    }

    /** A valid marker published by {@link #DEVICE} after the refused ones is stored, and none of the refused is. */
    private static void assertStoredAfterwardsWithout(MqttAsyncClient client, String... refused) throws Exception {
        var marker = newId();
        assertThat(publishV5(client, telemetryTopic(DEVICE), reading(marker, 70), 1)).isZero();
        assertThat(TestKafka.records(TOPIC)).containsKey(marker).doesNotContainKeys(refused);
    }

    private static String scrape() throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + "/metrics"))
                .header("Authorization", "Bearer " + TestIngest.KEY).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    private static int mosquittoPub(String... args) throws Exception {
        var command = new ArrayList<>(List.of("mosquitto_pub", "-h", "127.0.0.1", "-p", Integer.toString(port),
                "-i", "mosq-" + UUID.randomUUID().toString().substring(0, 8)));
        command.addAll(List.of(args));
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("mosquitto_pub did not finish: " + command);
        }
        return process.exitValue();
    }
}
