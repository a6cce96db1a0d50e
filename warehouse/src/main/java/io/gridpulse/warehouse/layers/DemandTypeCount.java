package io.gridpulse.warehouse.layers;

/** Demands of one type (its wire name, e.g. {@code medical_insurance}) in an area and period. */
public record DemandTypeCount(String demandType, long demands) {
}
