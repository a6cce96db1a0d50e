package io.gridpulse.warehouse.heat;

import java.time.Instant;
import java.util.Objects;

/**
 * One bucket of {@code gridpulse.heat_minutes}: the full count of a layer's events of one subject in
 * one area and H3 cell during the minute starting at {@code bucket}. Area codes are empty where
 * unknown; {@code h3Cell} is a resolution-9 H3 index, 0 when the event had no position.
 */
public record HeatRow(HeatLayer layer, String subject, Instant bucket, String countyCode, String streetCode,
                      String communityCode, String gridCode, long h3Cell, long events) {

    public HeatRow {
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(bucket, "bucket");
        if (bucket.toEpochMilli() % 60_000 != 0) {
            throw new IllegalArgumentException("a heat bucket starts on a whole minute, not at " + bucket);
        }
        subject = Objects.requireNonNullElse(subject, "");
        countyCode = Objects.requireNonNullElse(countyCode, "");
        streetCode = Objects.requireNonNullElse(streetCode, "");
        communityCode = Objects.requireNonNullElse(communityCode, "");
        gridCode = Objects.requireNonNullElse(gridCode, "");
    }
}
