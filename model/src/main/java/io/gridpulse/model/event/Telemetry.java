package io.gridpulse.model.event;

/**
 * A device's report: every metric is nullable (a device sends what it measures) except
 * {@code sos}, false unless raised. The device's location is the envelope's point.
 */
public record Telemetry(
        Envelope envelope,
        String deviceId,
        DeviceType deviceType,
        Integer heartRate,
        Double batteryPercent,
        boolean sos,
        DeviceStatus status,
        String fault,
        Integer footfall,
        Integer queueLength) implements Event {

    public Telemetry {
        Checks.required(envelope, "envelope");
        Checks.required(deviceId, "deviceId");
        Checks.required(deviceType, "deviceType");
        Checks.range(heartRate, 20, 250, "heartRate");
        Checks.range(batteryPercent, 0, 100, "batteryPercent");
        Checks.range(footfall, 0, Integer.MAX_VALUE, "footfall");
        Checks.range(queueLength, 0, Integer.MAX_VALUE, "queueLength");
    }

    @Override
    public EventKind kind() {
        return EventKind.TELEMETRY;
    }
}
