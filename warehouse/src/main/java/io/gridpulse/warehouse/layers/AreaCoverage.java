package io.gridpulse.warehouse.layers;

/** Registered households of an area and how many of them were visited in the period asked about. */
public record AreaCoverage(String areaCode, long households, long visited) {

    /** Visited households in percent of the registered ones, 0 for an area without households. */
    public double percent() {
        return households == 0 ? 0 : 100.0 * visited / households;
    }
}
