package io.gridpulse.warehouse.heat;

/** The number of events of a heat layer in one H3 cell (a {@code long} H3 index at the resolution asked for). */
public record CellHeat(long h3Cell, long events) {
}
