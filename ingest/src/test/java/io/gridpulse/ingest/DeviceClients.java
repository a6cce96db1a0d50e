package io.gridpulse.ingest;

import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Real MQTT clients (Eclipse Paho, 3.1.1 and 5) logged in as a device, and device messages. */
final class DeviceClients {
    static final long WAIT_MS = 10_000;

    private DeviceClients() {}

    /** An MQTT 5 client, connected with this device id and key. */
    static MqttAsyncClient v5(int port, String deviceId, String key) throws MqttException {
        var client = new MqttAsyncClient("tcp://127.0.0.1:" + port, "c-" + UUID.randomUUID(),
                new org.eclipse.paho.mqttv5.client.persist.MemoryPersistence());
        var options = new MqttConnectionOptions();
        options.setUserName(deviceId);
        options.setPassword(key.getBytes(StandardCharsets.UTF_8));
        options.setCleanStart(true);
        options.setAutomaticReconnect(false);
        client.connect(options).waitForCompletion(WAIT_MS);
        return client;
    }

    /** An MQTT 3.1.1 client, connected with this device id and key. */
    static org.eclipse.paho.client.mqttv3.MqttClient v311(int port, String deviceId, String key)
            throws org.eclipse.paho.client.mqttv3.MqttException {
        var client = new org.eclipse.paho.client.mqttv3.MqttClient("tcp://127.0.0.1:" + port, "c-" + UUID.randomUUID(),
                new MemoryPersistence());
        client.setTimeToWait(WAIT_MS);
        client.connect(v311Options(deviceId, key));
        return client;
    }

    static MqttConnectOptions v311Options(String deviceId, String key) {
        var options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setUserName(deviceId);
        options.setPassword(key.toCharArray());
        options.setCleanSession(true);
        options.setAutomaticReconnect(false);
        return options;
    }

    /** Publishes and waits for the server's answer: the PUBACK reason code (0 is success). */
    static int publishV5(MqttAsyncClient client, String topic, String payload, int qos) throws MqttException {
        var message = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
        message.setQos(qos);
        IMqttToken token = client.publish(topic, message);
        try {
            token.waitForCompletion(WAIT_MS);
        } catch (MqttException refused) {
            return refused.getReasonCode();
        }
        var codes = token.getReasonCodes();
        return codes == null || codes.length == 0 ? 0 : codes[0];
    }

    /** The reason string of the last answer to a publish, if the server sent one. */
    static String reasonString(IMqttToken token) {
        var properties = token.getResponseProperties();
        return properties == null ? null : properties.getReasonString();
    }

    /** A wristband reading in the compact form: what the topic says is left out. */
    static String reading(String eventId, int heartRate) {
        return """
                {"eventId":"%s","occurredAt":"%s","deviceType":"wristband","heartRate":%d,"batteryPercent":64.5,
                 "point":{"lon":113.49,"lat":27.66,"crs":"GCJ-02"}}""".formatted(eventId, Samples.now(), heartRate);
    }

    static String telemetryTopic(String deviceId) {
        return "gp/v1/devices/" + deviceId + "/telemetry";
    }

    static String sosTopic(String deviceId) {
        return "gp/v1/devices/" + deviceId + "/sos";
    }
}
