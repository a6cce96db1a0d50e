package io.gridpulse.model.event;

/** The status a device reports for itself. */
public enum DeviceStatus {
    ONLINE,
    OFFLINE,
    FAULT
}
