package io.gridpulse.ingest.mqtt;

import io.gridpulse.ingest.auth.Keys;

/**
 * What the device edge needs to run.
 *
 * @param host            the interface to listen on
 * @param port            the MQTT port (1883 by convention; 0 picks a free one)
 * @param deviceKeys      device credentials: the client name is the device id (the MQTT username),
 *                        the key its password; held hashed: {@code GP_DEVICE_KEYS} and the keys managed on the
 *                        cockpit's keys page (devices registered in bulk among them), followed while the edge runs
 * @param maxInFlight     QoS 1 messages per connection waiting for the log; MQTT 5 clients are told
 *                        (Receive Maximum), a client that exceeds it is disconnected
 * @param maxMessageBytes the largest MQTT packet accepted; larger ones close the connection
 * @param limits          how much one device, one address and all of them together may hold and send
 */
public record MqttConfig(String host, int port, Keys deviceKeys, int maxInFlight, int maxMessageBytes, Limits limits) {
    public static final int DEFAULT_PORT = 1883;
    public static final int DEFAULT_MAX_IN_FLIGHT = 32;
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 16 * 1024;

    /**
     * Bounds on what a stolen device key or a flood of connections can do.
     *
     * @param perDevice        messages per second one device may send, sustained (its key's own rate when lower)
     * @param burstPerDevice   messages one device may send at once above that rate
     * @param connections      device connections the edge holds in all; more are refused (Server unavailable/busy)
     * @param perAddress       device connections from one address; generous, since carriers put many devices
     *                         behind one NAT address
     */
    public record Limits(double perDevice, int burstPerDevice, int connections, int perAddress) {
        /** A wristband reports about once a minute; ten a second leaves room for alarms and a backlog after a gap. */
        public static final Limits DEFAULT = new Limits(10, 100, 20_000, 2_000);

        public Limits {
            if (!(perDevice > 0) || burstPerDevice < 1 || connections < 1 || perAddress < 1) {
                throw new IllegalArgumentException("the MQTT limits must be positive: " + perDevice + "/s, burst "
                        + burstPerDevice + ", " + connections + " connections, " + perAddress + " per address");
            }
        }
    }

    public MqttConfig {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("the MQTT port must be in [0, 65535], got " + port);
        }
        if (maxInFlight < 1 || maxInFlight > 65_535 || maxMessageBytes < 1) {
            throw new IllegalArgumentException("the in-flight limit must be in [1, 65535] and the message limit positive");
        }
        java.util.Objects.requireNonNull(deviceKeys, "deviceKeys");
        java.util.Objects.requireNonNull(limits, "limits");
    }

    /** The device edge with the default limits on connections and rates. */
    public MqttConfig(String host, int port, Keys deviceKeys, int maxInFlight, int maxMessageBytes) {
        this(host, port, deviceKeys, maxInFlight, maxMessageBytes, Limits.DEFAULT);
    }

    /** The device edge on this port with the default limits. */
    public static MqttConfig of(String host, int port, Keys deviceKeys) {
        return new MqttConfig(host, port, deviceKeys, DEFAULT_MAX_IN_FLIGHT, DEFAULT_MAX_MESSAGE_BYTES);
    }

    /** The same edge with other limits. */
    public MqttConfig withLimits(Limits other) {
        return new MqttConfig(host, port, deviceKeys, maxInFlight, maxMessageBytes, other);
    }
}
