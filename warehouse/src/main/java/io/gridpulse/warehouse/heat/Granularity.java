package io.gridpulse.warehouse.heat;

/** How heat buckets are rolled up in time: the stored minute, quarter hours, hours or local days. */
public enum Granularity {
    MINUTE,
    QUARTER_HOUR,
    HOUR,
    /** Calendar days in the zone the query names (Asia/Shanghai by default). */
    DAY
}
