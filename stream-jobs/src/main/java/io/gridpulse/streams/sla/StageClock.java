package io.gridpulse.streams.sla;

import io.gridpulse.model.alerts.Alert;
import io.gridpulse.model.alerts.AlertKind;
import io.gridpulse.model.area.AreaLineage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A clock-hours clock that one step starts and a later step stops (a device fault until its repair, a
 * plaque report until its update, a hall ticket served until completed). Its stages are a warning and,
 * unless it only warns, a breach at the deadline, then escalations up the hierarchy (community, street,
 * city) at the configured offsets after the deadline, as the demand clocks have them (default +0, +24 h,
 * +72 h); each is an {@code sla_warning} / {@code sla_breach} / {@code sla_escalation} alert whose id is
 * {@code alertIdPrefix + ":warning"}, {@code ":breach"} or {@code ":escalation-N"} (level N), so a replay
 * rewrites the same alerts.
 *
 * <p>The operator holding the clock registers an event-time timer at each {@link #pendingTimers()} and
 * calls {@link #fire} from it. {@link #stop} judges the stages on the stop's event time, not on what
 * fired before it arrived, so a live run and a replay end in the same rows: stages due before the stop
 * are raised (if their timer had not fired) and cleared at it; stages due at or after it that fired
 * anyway (the watermark followed the wall clock past them) are withdrawn, cleared at their own raise time.
 *
 * @param breaches whether a breach follows the warning (false: a single warning at the deadline)
 * @param fired    which stages are raised, in the order of {@link #stages()}: bit 0 the warning, bit 1 the
 *                 breach (if it breaches), then the escalations
 * @param stoppedAt the event time the clock stopped at, null while it runs
 * @param subject  what the clock is about, for people ("fault of kiosk k-1 repaired")
 * @param escalations the instants of the escalations after the deadline (none in clocks kept by older versions)
 */
public record StageClock(String alertIdPrefix, String caseId, String policyId, Instant startedAt, Instant warningAt,
                         Instant deadline, boolean breaches, int fired, Instant stoppedAt, String gridCode,
                         String communityCode, String streetCode, String countyCode, String subject,
                         List<Instant> escalations) {

    private static final String[] LEVELS = {"", "the community", "the street", "the city"};

    public StageClock {
        escalations = escalations == null ? List.of() : List.copyOf(escalations);
    }

    /** Ends the detail of a stage that fired but was not due after all. */
    public static final String WITHDRAWN = "; withdrawn: stopped before this was due";

    /** What a step did to a clock: the clock as it now is, and the alert rows to write. */
    public record Step(StageClock clock, List<Alert> alerts) {}

    /**
     * A running clock from {@code startedAt}: the deadline after {@code limit}, the warning at
     * {@code warningPercent} of it (100: the warning is the only stage before the escalations, at the
     * deadline), and an escalation at each of {@code escalationOffsets} after the deadline (none: empty).
     */
    public static StageClock start(String alertIdPrefix, String caseId, String policyId, Instant startedAt, Duration limit,
                                   int warningPercent, boolean breaches, List<Duration> escalationOffsets, String subject,
                                   String gridCode, String communityCode, String streetCode, String countyCode) {
        var warning = startedAt.plus(limit.multipliedBy(warningPercent).dividedBy(100));
        var deadline = startedAt.plus(limit);
        return new StageClock(alertIdPrefix, caseId, policyId, startedAt, warning, deadline, breaches, 0, null,
                gridCode, communityCode, streetCode, countyCode, subject,
                escalationOffsets.stream().map(deadline::plus).toList());
    }

    public boolean running() {
        return stoppedAt == null;
    }

    /** The event times (epoch ms) of the stages still to fire; none once stopped. */
    public List<Long> pendingTimers() {
        var out = new ArrayList<Long>();
        if (running()) {
            var due = stages();
            for (int stage = 0; stage < due.size(); stage++) {
                if (!hasFired(stage)) {
                    out.add(due.get(stage).toEpochMilli());
                }
            }
        }
        return out;
    }

    /** Raises the stages due at or before {@code time} (epoch ms) that have not fired; nothing once stopped. */
    public Step fire(long time) {
        var alerts = new ArrayList<Alert>();
        var bits = fired;
        if (running()) {
            var due = stages();
            for (int stage = 0; stage < due.size(); stage++) {
                if (!hasFired(stage) && due.get(stage).toEpochMilli() <= time) {
                    alerts.add(row(stage));
                    bits |= 1 << stage;
                }
            }
        }
        return new Step(with(bits, stoppedAt), alerts);
    }

    /**
     * Stops the clock at event time {@code at} (a stop stamped before the start counts as the start).
     * Nothing happens to a clock already stopped.
     */
    public Step stop(Instant at) {
        if (!running()) {
            return new Step(this, List.of());
        }
        var stop = at.isBefore(startedAt) ? startedAt : at;
        var alerts = new ArrayList<Alert>();
        var raised = 0;
        var due = stages();
        for (int stage = 0; stage < due.size(); stage++) {
            var row = row(stage);
            if (due.get(stage).isBefore(stop)) {
                if (!hasFired(stage)) {
                    alerts.add(row);
                }
                alerts.add(row.cleared(stop));
                raised |= 1 << stage;
            } else if (hasFired(stage)) {
                alerts.add(row.withdrawn(WITHDRAWN));
            }
        }
        return new Step(with(raised, stop), alerts);
    }

    private List<Instant> stages() {
        var all = new ArrayList<Instant>();
        if (breaches) {
            all.add(warningAt);
        }
        all.add(deadline);
        all.addAll(escalations);
        return all;
    }

    /** The index in {@link #stages()} of the first escalation. */
    private int firstEscalation() {
        return breaches ? 2 : 1;
    }

    private boolean hasFired(int stage) {
        return (fired & (1 << stage)) != 0;
    }

    private StageClock with(int bits, Instant stopped) {
        return new StageClock(alertIdPrefix, caseId, policyId, startedAt, warningAt, deadline, breaches, bits, stopped,
                gridCode, communityCode, streetCode, countyCode, subject, escalations);
    }

    private Alert row(int stage) {
        var area = new AreaLineage(gridCode, communityCode, streetCode, countyCode);
        if (stage >= firstEscalation()) {
            var level = stage - firstEscalation() + 1;
            return Alert.raise(alertIdPrefix + ":escalation-" + level, AlertKind.SLA_ESCALATION).about(caseId, policyId)
                    .in(area).level(level).deadline(deadline).raisedAt(escalations.get(level - 1))
                    .detail(subject + " was due at " + deadline + "; escalated to " + LEVELS[Math.min(level, LEVELS.length - 1)])
                    .build();
        }
        var breach = stage == 1 && breaches;
        var at = breach || !breaches ? deadline : warningAt;
        var detail = breach || !breaches ? subject + " was due at " + deadline : subject + " is due at " + deadline;
        return Alert.raise(alertIdPrefix + (breach ? ":breach" : ":warning"),
                breach ? AlertKind.SLA_BREACH : AlertKind.SLA_WARNING)
                .about(caseId, policyId).in(area).deadline(deadline).raisedAt(at).detail(detail).build();
    }
}
