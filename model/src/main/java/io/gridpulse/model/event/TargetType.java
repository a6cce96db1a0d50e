package io.gridpulse.model.event;

/** What a feedback rating is about. */
public enum TargetType {
    CASE,
    TICKET,
    WINDOW,
    UNIT,
    PLAQUE
}
