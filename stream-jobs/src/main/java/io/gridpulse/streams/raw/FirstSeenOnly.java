package io.gridpulse.streams.raw;

import io.gridpulse.warehouse.EventRow;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

import java.time.Duration;

/**
 * Lets the first copy of each eventId through (keyed by eventId). Clients retry and terminals
 * re-upload; the warehouse collapses copies too, but dropping them here keeps every downstream
 * count right without FINAL. Remembered for a bounded time so state does not grow forever.
 */
public final class FirstSeenOnly extends KeyedProcessFunction<String, EventRow, EventRow> {
    private final Duration remember;
    private transient ValueState<Boolean> seen;

    public FirstSeenOnly(Duration remember) {
        this.remember = remember;
    }

    @Override
    public void open(OpenContext openContext) {
        var descriptor = new ValueStateDescriptor<>("seen", Boolean.class);
        descriptor.enableTimeToLive(StateTtlConfig.newBuilder(remember)
                .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
                .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
                .build());
        seen = getRuntimeContext().getState(descriptor);
    }

    @Override
    public void processElement(EventRow row, Context ctx, Collector<EventRow> out) throws Exception {
        if (seen.value() == null) {
            seen.update(Boolean.TRUE);
            out.collect(row);
        }
    }
}
