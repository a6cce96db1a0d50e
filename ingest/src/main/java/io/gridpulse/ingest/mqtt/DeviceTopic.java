package io.gridpulse.ingest.mqtt;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A device's own topic: {@code gp/v1/devices/{deviceId}/telemetry} for readings and
 * {@code gp/v1/devices/{deviceId}/sos} for an SOS, which the edge stores as telemetry with {@code sos=true}.
 */
record DeviceTopic(String deviceId, Channel channel) {
    static final String PREFIX = "gp/v1/devices/";
    /** Device ids as the key store names them: no wildcards, separators or spaces. */
    static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    enum Channel { TELEMETRY, SOS }

    /** The topic's device and channel, or empty when the name is not a device topic. */
    static Optional<DeviceTopic> parse(String topic) {
        if (topic == null || !topic.startsWith(PREFIX)) {
            return Optional.empty();
        }
        var rest = topic.substring(PREFIX.length());
        int slash = rest.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        var deviceId = rest.substring(0, slash);
        if (!DEVICE_ID.matcher(deviceId).matches()) {
            return Optional.empty();
        }
        return switch (rest.substring(slash + 1)) {
            case "telemetry" -> Optional.of(new DeviceTopic(deviceId, Channel.TELEMETRY));
            case "sos" -> Optional.of(new DeviceTopic(deviceId, Channel.SOS));
            default -> Optional.empty();
        };
    }

    /** The telemetry topic of a device. */
    static String telemetryOf(String deviceId) {
        return PREFIX + deviceId + "/telemetry";
    }
}
