package io.gridpulse.model.event;

/**
 * A sensing device detected something (e.g. {@code street_vending}); each detection opens a case
 * automatically. Nullable: {@code confidence}, in [0, 1].
 */
public record Detection(
        Envelope envelope,
        String sensorId,
        SensorType sensorType,
        String detectionType,
        Double confidence) implements Event {

    public Detection {
        Checks.required(envelope, "envelope");
        Checks.required(sensorId, "sensorId");
        Checks.required(sensorType, "sensorType");
        Checks.required(detectionType, "detectionType");
        Checks.range(confidence, 0, 1, "confidence");
    }

    @Override
    public EventKind kind() {
        return EventKind.DETECTION;
    }
}
