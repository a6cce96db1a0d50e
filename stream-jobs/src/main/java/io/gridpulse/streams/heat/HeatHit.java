package io.gridpulse.streams.heat;

/**
 * One event's mark on the heatmap: its layer and subject, the one-minute event-time bucket it fell in,
 * its area and its H3 cell (0 when it had no position). Flat, so Flink serialises it as a POJO.
 *
 * @param layer       the layer's wire name (HeatLayer)
 * @param bucketStart epoch milliseconds of the minute's start
 */
public record HeatHit(String layer, String subject, long bucketStart, String countyCode, String streetCode,
                      String communityCode, String gridCode, long h3Cell) {

    /** The bucket this hit counts in: every field but none other, so that equal buckets share one count. */
    public String bucketKey() {
        return layer + '|' + subject + '|' + bucketStart + '|' + countyCode + '|' + streetCode + '|' + communityCode
                + '|' + gridCode + '|' + h3Cell;
    }
}
