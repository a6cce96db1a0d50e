package io.gridpulse.warehouse;

/** The number of distinct events in one area (a street, community or grid code). */
public record AreaCount(String areaCode, long events) {
}
