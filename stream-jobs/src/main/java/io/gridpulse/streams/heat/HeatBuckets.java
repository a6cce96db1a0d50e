package io.gridpulse.streams.heat;

import io.gridpulse.warehouse.heat.HeatLayer;
import io.gridpulse.warehouse.heat.HeatRow;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

import java.time.Duration;
import java.time.Instant;

/**
 * Counts the hits of one heat bucket (keyed by {@link HeatHit#bucketKey()}) and emits the bucket's
 * full count, at most once per {@code emitEvery} of processing time (a busy bucket is written a few
 * times a second, not once per event). The count is the row's version in the warehouse, so a replay
 * from a checkpoint rewrites the same or lower counts before the same final one, and a late hit
 * raises the bucket it belongs to, however late, while the bucket is remembered ({@code remember}
 * after its last hit; a hit after that starts a lower count, which the table ignores, so such a
 * bucket can be undercounted but never doubled).
 */
public final class HeatBuckets extends KeyedProcessFunction<String, HeatHit, HeatRow> {
    private final Duration remember;
    private final Duration emitEvery;
    private transient ValueState<Long> count;
    private transient ValueState<HeatHit> pending;

    public HeatBuckets(Duration remember, Duration emitEvery) {
        this.remember = remember;
        this.emitEvery = emitEvery;
    }

    @Override
    public void open(OpenContext openContext) {
        var ttl = StateTtlConfig.newBuilder(remember)
                .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
                .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
                .build();
        var countDescriptor = new ValueStateDescriptor<>("events", Long.class);
        countDescriptor.enableTimeToLive(ttl);
        count = getRuntimeContext().getState(countDescriptor);
        var pendingDescriptor = new ValueStateDescriptor<>("unwritten", HeatHit.class);
        pendingDescriptor.enableTimeToLive(ttl);
        pending = getRuntimeContext().getState(pendingDescriptor);
    }

    @Override
    public void processElement(HeatHit hit, Context ctx, Collector<HeatRow> out) throws Exception {
        var before = count.value();
        count.update((before == null ? 0 : before) + 1);
        if (pending.value() == null) {
            pending.update(hit);
            ctx.timerService().registerProcessingTimeTimer(ctx.timerService().currentProcessingTime() + emitEvery.toMillis());
            // a bounded input (a test, a drained stop) ends with the final watermark, not with processing time
            ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<HeatRow> out) throws Exception {
        var hit = pending.value();
        var events = count.value();
        pending.clear();
        if (timestamp != Long.MAX_VALUE) {
            ctx.timerService().deleteEventTimeTimer(Long.MAX_VALUE);
        }
        if (hit == null || events == null) {
            return;
        }
        out.collect(new HeatRow(HeatLayer.fromWire(hit.layer()).orElseThrow(), hit.subject(),
                Instant.ofEpochMilli(hit.bucketStart()), hit.countyCode(), hit.streetCode(), hit.communityCode(),
                hit.gridCode(), hit.h3Cell(), events));
    }
}
