package io.gridpulse.warehouse.heat;

/** The number of events of a heat layer in one area (a child of the area asked about). */
public record AreaHeat(String areaCode, long events) {
}
