package io.gridpulse.streams.counts;

import io.gridpulse.warehouse.EventRow;

/**
 * The hour an event counts in for {@code event_hours}: its kind, the event-time hour it happened in and its
 * area. Flat, so Flink serialises it as a POJO.
 *
 * @param hourStart epoch milliseconds of the hour's start
 */
public record EventHour(String kind, long hourStart, String countyCode, String streetCode, String communityCode,
                        String gridCode) {
    private static final long HOUR = 3_600_000;

    /** The hour of one stored event. */
    public static EventHour of(EventRow row) {
        return new EventHour(row.kind(), Math.floorDiv(row.occurredAt().toEpochMilli(), HOUR) * HOUR, row.countyCode(),
                row.streetCode(), row.communityCode(), row.gridCode());
    }

    /** Every field, so that equal hours share one count. */
    public String key() {
        return kind + '|' + hourStart + '|' + countyCode + '|' + streetCode + '|' + communityCode + '|' + gridCode;
    }
}
