package io.gridpulse.streams.hall;

import io.gridpulse.streams.sla.StageClock;
import io.gridpulse.warehouse.AlertRow;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

import java.time.Duration;
import java.time.Instant;

/**
 * The handling time of one hall ticket (keyed by {@link TicketStep#ticketKey()}), domain.md §3 (20
 * minutes by default): serving the ticket starts the clock (policy {@value #POLICY}); if it is not
 * completed within the limit, one {@code sla_warning} is raised at the instant the limit passes, by an
 * event-time timer, so it fires with no further input and the same way in a replay. Completing or
 * abandoning the ticket stops the clock at that step's event time and clears the warning (see
 * {@link StageClock}). The alert id is {@code hall:<hall>/<ticket>:handling:<served ms>:warning}; the
 * case id is the ticket id. A completion uploaded before the serving it follows is remembered, and the
 * serving then starts and stops the clock at once, on their event times.
 */
public final class HallHandling extends KeyedProcessFunction<String, TicketStep, AlertRow> {
    /** The SLA policy of the clock, as in the model's {@code SlaPolicies.defaults()}. */
    public static final String POLICY = "hall.handling";
    static final Duration REMEMBER_TICKETS = Duration.ofDays(2);

    private final Duration limit;
    private transient ValueState<StageClock> clock;
    private transient ValueState<Long> endedAt;

    /** @param limit how long serving a ticket may take before it warns */
    public HallHandling(Duration limit) {
        this.limit = limit;
    }

    @Override
    public void open(OpenContext openContext) {
        var ttl = StateTtlConfig.newBuilder(REMEMBER_TICKETS).setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite).build();
        var descriptor = new ValueStateDescriptor<>("handling-clock", StageClock.class);
        descriptor.enableTimeToLive(ttl);
        clock = getRuntimeContext().getState(descriptor);
        var endedDescriptor = new ValueStateDescriptor<>("ticket-ended", Long.class);
        endedDescriptor.enableTimeToLive(ttl);
        endedAt = getRuntimeContext().getState(endedDescriptor);
    }

    @Override
    public void processElement(TicketStep step, Context ctx, Collector<AlertRow> out) throws Exception {
        var current = clock.value();
        switch (step.stage()) {
            case "served" -> {
                if (current == null) {
                    var what = "handling of ticket " + step.ticketId() + " in hall " + step.hallId()
                            + (step.windowId().isEmpty() ? "" : " at window " + step.windowId())
                            + " (limit " + limit.toMinutes() + " min)";
                    var started = StageClock.start("hall:" + step.ticketKey() + ":handling:" + step.occurredAt().toEpochMilli(),
                            step.ticketId(), POLICY, step.occurredAt(), limit, 100, false, what, step.gridCode(),
                            step.communityCode(), step.streetCode(), step.countyCode());
                    var ended = endedAt.value();
                    if (ended != null) {
                        var stopped = started.stop(Instant.ofEpochMilli(ended));
                        clock.update(stopped.clock());
                        stopped.alerts().forEach(out::collect);
                    } else {
                        clock.update(started);
                        started.pendingTimers().forEach(ctx.timerService()::registerEventTimeTimer);
                    }
                }
            }
            case "completed", "abandoned" -> {
                if (current == null) {
                    if (endedAt.value() == null) {
                        endedAt.update(step.occurredAt().toEpochMilli());
                    }
                } else {
                    var stopped = current.stop(step.occurredAt());
                    clock.update(stopped.clock());
                    stopped.alerts().forEach(out::collect);
                }
            }
            default -> {
            }
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<AlertRow> out) throws Exception {
        var current = clock.value();
        if (current == null) {
            return;
        }
        var fired = current.fire(timestamp);
        if (!fired.alerts().isEmpty()) {
            clock.update(fired.clock());
            fired.alerts().forEach(out::collect);
        }
    }
}
