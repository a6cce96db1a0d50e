package io.gridpulse.streams.heat;

import io.gridpulse.geo.region.RegionSource;
import io.gridpulse.model.json.Decoded;
import io.gridpulse.model.json.EventCodec;
import io.gridpulse.streams.place.Placer;
import io.gridpulse.streams.raw.DecodeEvents;
import io.gridpulse.warehouse.EventRow;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

import java.nio.charset.StandardCharsets;

/** Marks each unique event on the heat layers it belongs to, in its event-time minute, area and H3 cell. */
public final class HeatHits extends ProcessFunction<EventRow, HeatHit> {
    private static final long MINUTE = 60_000;

    private transient EventCodec codec;
    private final RegionSource region;
    private transient Placer placer;

    /** Places events in this region (read once per task manager, from the bytes the job carries). */
    public HeatHits(RegionSource region) {
        this.region = java.util.Objects.requireNonNull(region, "region");
    }

    @Override
    public void open(OpenContext openContext) {
        codec = DecodeEvents.lenientCodec();
        placer = new Placer(region.region());
    }

    @Override
    public void processElement(EventRow row, Context ctx, Collector<HeatHit> out) {
        if (!(codec.decode(row.payload().getBytes(StandardCharsets.UTF_8)) instanceof Decoded.Valid(var event))) {
            return; // rows come from DecodeEvents and always decode
        }
        var marks = HeatLayers.of(event);
        if (marks.isEmpty()) {
            return;
        }
        long bucket = Math.floorDiv(row.occurredAt().toEpochMilli(), MINUTE) * MINUTE;
        long cell = placer.cell(row.gridCode(), row.lon(), row.lat());
        for (var mark : marks) {
            out.collect(new HeatHit(mark.layer().wireName(), mark.subject(), bucket, row.countyCode(), row.streetCode(),
                    row.communityCode(), row.gridCode(), cell));
        }
    }
}
