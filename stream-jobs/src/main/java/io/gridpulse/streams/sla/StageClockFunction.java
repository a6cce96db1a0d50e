package io.gridpulse.streams.sla;

import io.gridpulse.model.alerts.Alert;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

import java.io.IOException;
import java.time.Duration;

/**
 * A keyed function that holds one {@link StageClock} per key (a plaque, a hall ticket): its state,
 * remembered for a while after the last write, the timers that fire its stages, and how a step of the
 * clock is applied. Subclasses decide when a clock starts and stops.
 */
public abstract class StageClockFunction<K, I> extends KeyedProcessFunction<K, I, Alert> {
    private final String stateName;
    private final Duration remember;
    private transient ValueState<StageClock> clock;

    protected StageClockFunction(String stateName, Duration remember) {
        this.stateName = stateName;
        this.remember = remember;
    }

    /** State of this key kept {@code remember} after its last write. */
    protected static <T> ValueStateDescriptor<T> remembered(String name, Class<T> type, Duration remember) {
        var descriptor = new ValueStateDescriptor<>(name, type);
        descriptor.enableTimeToLive(StateTtlConfig.newBuilder(remember)
                .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite).build());
        return descriptor;
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        clock = getRuntimeContext().getState(remembered(stateName, StageClock.class, remember));
    }

    /** This key's clock, or null when none ran yet. */
    protected final StageClock clock() throws IOException {
        return clock.value();
    }

    /** Starts a clock: keeps it and sets the timers of its stages. */
    protected final void start(StageClock started, Context ctx) throws IOException {
        clock.update(started);
        started.pendingTimers().forEach(ctx.timerService()::registerEventTimeTimer);
    }

    /** Keeps the clock after a step (a stop or a fired stage) and emits the alerts it raised or cleared. */
    protected final void apply(StageClock.Step step, Collector<Alert> out) throws IOException {
        clock.update(step.clock());
        step.alerts().forEach(out::collect);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Alert> out) throws Exception {
        var current = clock.value();
        if (current == null) {
            return;
        }
        var fired = current.fire(timestamp);
        if (!fired.alerts().isEmpty()) {
            apply(fired, out);
        }
    }
}
