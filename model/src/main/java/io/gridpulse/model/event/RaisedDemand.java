package io.gridpulse.model.event;

/**
 * A demand raised during a household visit: its type code (e.g. {@code medical_insurance}) and,
 * nullable, a description, a class and the case id it was filed under.
 */
public record RaisedDemand(String type, String description, DemandClass demandClass, String caseId) {

    public RaisedDemand {
        Checks.required(type, "type");
    }

    /** A demand of this type with nothing else known yet. */
    public static RaisedDemand of(String type) {
        return new RaisedDemand(type, null, null, null);
    }
}
