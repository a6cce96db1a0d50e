package io.gridpulse.model.event;

/** The type of a device that sends telemetry. */
public enum DeviceType {
    WRISTBAND,
    KIOSK,
    QUEUE_MACHINE,
    RATING_DEVICE,
    SMART_PLAQUE,
    ENV_SENSOR,
    GRID_TERMINAL
}
