package io.gridpulse.model.event;

/** A step in the lifecycle of a demand (訴求/工單), from creation to closing, keyed by its case id. */
public sealed interface DemandEvent extends Event
        permits DemandCreated, DemandClassified, DemandAssigned, DemandResponded, DemandResolved, DemandClosed,
        DemandReopened, DemandEscalated, WhistleRaised {

    /** The id of the case this step belongs to. */
    String caseId();
}
