package io.gridpulse.streams.counts;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

import java.time.Duration;

/**
 * Counts the hits of one bucket (the stream is keyed by the bucket) and emits the bucket's FULL count, at
 * most once per {@code emitEvery} of processing time, so a busy bucket is written a few times a second and
 * not once per event. The tables these counts go to keep a bucket's highest count (ReplacingMergeTree with
 * the count as version): a replay from a checkpoint rewrites the same or lower counts before the same final
 * one, and a late hit raises the bucket it belongs to, however late, while the bucket is remembered
 * ({@code remember} after its last hit; a hit after that starts a lower count, which the table ignores, so
 * such a bucket can be undercounted but never doubled).
 *
 * @param <H> a hit: which bucket one event counts in
 * @param <R> the row written for a bucket
 */
public abstract class FullCounts<H, R> extends KeyedProcessFunction<String, H, R> {
    private final Class<H> hitType;
    private final Duration remember;
    private final Duration emitEvery;
    private transient ValueState<Long> count;
    private transient ValueState<H> pending;

    protected FullCounts(Class<H> hitType, Duration remember, Duration emitEvery) {
        this.hitType = hitType;
        this.remember = remember;
        this.emitEvery = emitEvery;
    }

    /** The row for a bucket, from one of its hits and its full count. */
    protected abstract R row(H hit, long events);

    @Override
    public void open(OpenContext openContext) {
        var ttl = StateTtlConfig.newBuilder(remember)
                .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
                .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
                .build();
        // the state names are those of the first user (heat buckets), so its checkpoints still restore
        var countDescriptor = new ValueStateDescriptor<>("events", Long.class);
        countDescriptor.enableTimeToLive(ttl);
        count = getRuntimeContext().getState(countDescriptor);
        var pendingDescriptor = new ValueStateDescriptor<>("unwritten", hitType);
        pendingDescriptor.enableTimeToLive(ttl);
        pending = getRuntimeContext().getState(pendingDescriptor);
    }

    @Override
    public void processElement(H hit, Context ctx, Collector<R> out) throws Exception {
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
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<R> out) throws Exception {
        var hit = pending.value();
        var events = count.value();
        pending.clear();
        if (timestamp != Long.MAX_VALUE) {
            ctx.timerService().deleteEventTimeTimer(Long.MAX_VALUE);
        }
        if (hit == null || events == null) {
            return;
        }
        out.collect(row(hit, events));
    }
}
