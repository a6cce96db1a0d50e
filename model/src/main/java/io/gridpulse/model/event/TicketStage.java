package io.gridpulse.model.event;

/** The stage of a service-hall ticket: issued, called, served, then completed or abandoned. */
public enum TicketStage {
    ISSUED,
    CALLED,
    SERVED,
    COMPLETED,
    ABANDONED
}
