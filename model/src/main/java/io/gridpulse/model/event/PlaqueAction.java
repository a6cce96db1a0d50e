package io.gridpulse.model.event;

/**
 * What happened to a plaque. Damaged, outdated and a changed subject start a 24-hour update or
 * replacement clock; updated and replaced stop it; a scan feeds the query-volume layer only.
 */
public enum PlaqueAction {
    SCANNED,
    DAMAGED,
    OUTDATED,
    SUBJECT_CHANGED,
    UPDATED,
    REPLACED
}
