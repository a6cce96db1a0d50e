package io.gridpulse.ingest.mqtt;

import io.gridpulse.ingest.auth.ApiKeys;

/**
 * What the device edge needs to run.
 *
 * @param host            the interface to listen on
 * @param port            the MQTT port (1883 by convention; 0 picks a free one)
 * @param deviceKeys      device credentials: the client name is the device id (the MQTT username),
 *                        the key its password; held hashed, in the {@code GP_API_KEYS} format
 * @param maxInFlight     QoS 1 messages per connection waiting for the log; MQTT 5 clients are told
 *                        (Receive Maximum), a client that exceeds it is disconnected
 * @param maxMessageBytes the largest MQTT packet accepted; larger ones close the connection
 */
public record MqttConfig(String host, int port, ApiKeys deviceKeys, int maxInFlight, int maxMessageBytes) {
    public static final int DEFAULT_PORT = 1883;
    public static final int DEFAULT_MAX_IN_FLIGHT = 32;
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 16 * 1024;

    public MqttConfig {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("the MQTT port must be in [0, 65535], got " + port);
        }
        if (maxInFlight < 1 || maxInFlight > 65_535 || maxMessageBytes < 1) {
            throw new IllegalArgumentException("the in-flight limit must be in [1, 65535] and the message limit positive");
        }
        java.util.Objects.requireNonNull(deviceKeys, "deviceKeys");
    }

    /** The device edge on this port with the default limits. */
    public static MqttConfig of(String host, int port, ApiKeys deviceKeys) {
        return new MqttConfig(host, port, deviceKeys, DEFAULT_MAX_IN_FLIGHT, DEFAULT_MAX_MESSAGE_BYTES);
    }
}
