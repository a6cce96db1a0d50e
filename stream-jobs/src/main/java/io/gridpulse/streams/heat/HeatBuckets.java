package io.gridpulse.streams.heat;

import io.gridpulse.streams.counts.FullCounts;
import io.gridpulse.warehouse.heat.HeatLayer;
import io.gridpulse.warehouse.heat.HeatRow;

import java.time.Duration;
import java.time.Instant;

/**
 * Counts the hits of one heat bucket (keyed by {@link HeatHit#bucketKey()}) and emits the bucket's full count
 * into {@code heat_minutes}: see {@link FullCounts} for how replays and late hits come out.
 */
public final class HeatBuckets extends FullCounts<HeatHit, HeatRow> {

    public HeatBuckets(Duration remember, Duration emitEvery) {
        super(HeatHit.class, remember, emitEvery);
    }

    @Override
    protected HeatRow row(HeatHit hit, long events) {
        return new HeatRow(HeatLayer.fromWire(hit.layer()).orElseThrow(), hit.subject(), Instant.ofEpochMilli(hit.bucketStart()),
                hit.countyCode(), hit.streetCode(), hit.communityCode(), hit.gridCode(), hit.h3Cell(), events);
    }
}
