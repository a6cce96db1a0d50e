package io.gridpulse.streams.hall;

import io.gridpulse.model.alerts.Alert;
import io.gridpulse.model.sla.SlaPolicies;
import io.gridpulse.streams.sla.StageClock;
import io.gridpulse.streams.sla.StageClockFunction;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.util.Collector;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The handling time of one hall ticket (keyed by {@link TicketStep#ticketKey()}), docs/domain.md §3 (20
 * minutes by default): serving the ticket starts the clock (policy {@value #POLICY}); if it is not
 * completed within the limit, one {@code sla_warning} is raised at the instant the limit passes, by an
 * event-time timer, so it fires with no further input and the same way in a replay; escalations follow it
 * (by default +0, +24 h, +72 h after the limit passes: community, street, city), as the demand clocks have them. Completing or
 * abandoning the ticket stops the clock at that step's event time and clears the warning (see
 * {@link StageClock}). The alert ids are {@code hall:<hall>/<ticket>:handling:<served ms>:warning} and
 * {@code :escalation-N}; the
 * case id is the ticket id. A completion uploaded before the serving it follows is remembered, and the
 * serving then starts and stops the clock at once, on their event times.
 */
public final class HallHandling extends StageClockFunction<String, TicketStep> {
    /** The SLA policy of the clock, as in the model's {@code SlaPolicies.defaults()}. */
    public static final String POLICY = "hall.handling";
    static final Duration REMEMBER_TICKETS = Duration.ofDays(2);

    private final Duration limit;
    private final List<Duration> escalations;
    private final Duration remember;
    private transient ValueState<Long> endedAt;

    /** @param limit how long serving a ticket may take before it warns; escalations by default */
    public HallHandling(Duration limit) {
        this(limit, SlaPolicies.DEFAULT_ESCALATION_OFFSETS);
    }

    /**
     * @param limit       how long serving a ticket may take before it warns
     * @param escalations how long after the limit passes each escalation comes (empty: none)
     */
    public HallHandling(Duration limit, List<Duration> escalations) {
        super("handling-clock", remember(limit, escalations));
        this.limit = limit;
        this.escalations = List.copyOf(escalations);
        this.remember = remember(limit, escalations);
    }

    /**
     * How long a ticket's clock is kept after its last change: at least {@link #REMEMBER_TICKETS}, and past
     * its last escalation with two days to spare, so that a late escalation or completion still finds it.
     */
    static Duration remember(Duration limit, List<Duration> escalations) {
        var last = escalations.stream().max(Duration::compareTo).orElse(Duration.ZERO);
        var needed = limit.plus(last).plusDays(2);
        return needed.compareTo(REMEMBER_TICKETS) > 0 ? needed : REMEMBER_TICKETS;
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        super.open(openContext);
        endedAt = getRuntimeContext().getState(remembered("ticket-ended", Long.class, remember));
    }

    @Override
    public void processElement(TicketStep step, Context ctx, Collector<Alert> out) throws Exception {
        var current = clock();
        switch (step.stage()) {
            case "served" -> {
                if (current == null) {
                    var what = "handling of ticket " + step.ticketId() + " in hall " + step.hallId()
                            + (step.windowId().isEmpty() ? "" : " at window " + step.windowId())
                            + " (limit " + limit.toMinutes() + " min)";
                    var started = StageClock.start("hall:" + step.ticketKey() + ":handling:" + step.occurredAt().toEpochMilli(),
                            step.ticketId(), POLICY, step.occurredAt(), limit, 100, false, escalations, what, step.gridCode(),
                            step.communityCode(), step.streetCode(), step.countyCode());
                    var ended = endedAt.value();
                    if (ended != null) {
                        apply(started.stop(Instant.ofEpochMilli(ended)), out);
                    } else {
                        start(started, ctx);
                    }
                }
            }
            case "completed", "abandoned" -> {
                if (current == null) {
                    if (endedAt.value() == null) {
                        endedAt.update(step.occurredAt().toEpochMilli());
                    }
                } else {
                    apply(current.stop(step.occurredAt()), out);
                }
            }
            default -> {
            }
        }
    }
}
