package io.gridpulse.model.event;

/** The type of a sensing device that raises detections. */
public enum SensorType {
    VIDEO_AI,
    SMOKE,
    ACCESS,
    ENVIRONMENT
}
