package io.gridpulse.model.event;

/** The channel through which a demand reached the system. */
public enum DemandChannel {
    VISIT,
    APP,
    HOTLINE_12345,
    KIOSK,
    OBSERVER,
    WRISTBAND,
    OPEN311,
    DETECTION
}
