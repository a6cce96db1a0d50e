package io.gridpulse.model.event;

/** What happened to a plaque; every action but a scan starts a 24-hour update or replacement clock. */
public enum PlaqueAction {
    SCANNED,
    DAMAGED,
    OUTDATED,
    SUBJECT_CHANGED
}
