package io.gridpulse.streams.visits;

import io.gridpulse.model.alerts.Alert;
import io.gridpulse.model.alerts.AlertKind;
import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.area.AreaLineage;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The recurring visit obligations of one household (keyed by household id), docs/domain.md §3: the registry
 * (first input) says which groups the household belongs to and where it lives; visits (second input) keep
 * its obligations. For every {@link VisitRule} whose group the household belongs to, each calendar period
 * is a clock: without a visit in it, a warning fires at {@link VisitRule#stages} 0 (the start of the last
 * day), a breach at the period end and escalations after it, on event-time timers, so they fire with no
 * further input and the same way in a replay. A visit in the period stops the period's clock at the visit's
 * event time, as {@code SlaClocks} stops a demand clock: stages due before it are raised (if their timer had
 * not fired) and cleared at it, stages that fired but were due after it are withdrawn. Each stage is raised
 * once, with the id {@code visit:<rule>:<household>:<period start, local date>:<stage>} (stage is
 * {@code warning}, {@code breach} or {@code escalation-N}), in the household's grid, with the period end as
 * its deadline.
 *
 * <p><b>When a household's first clock starts.</b> A household that enters a group (is registered, or its
 * groups change) at instant {@code asOf} is held to the periods from the first one that starts at or after
 * {@code asOf}; the period it enters in is not held against it. Its grid worker could not have known of the
 * obligation for the days of the period already gone, and a registry loaded mid-week (the demo loads its
 * city's 350k households at start) would otherwise breach every priority household that had not been
 * visited in the days before it existed. Registering again with the same groups (a restart publishing the
 * registry again) changes nothing. Leaving the group, or the registry, stops the running periods' clocks at
 * {@code asOf} as a visit would.
 *
 * <p>Only households in a group with a rule keep state (about one in ten in the demo): their groups and
 * grid, the periods they are held from, the periods' clocks and their visits of the last
 * {@link #REMEMBER_VISITS}. A visit that names an obliged group and is read before the household's registry
 * entry (the two inputs are not read in event-time order) is kept and counted when the entry starts the
 * period's clock.
 */
public final class VisitObligationClocks extends KeyedCoProcessFunction<String, RegistryStep, VisitStep, Alert> {
    /** A period's clock is forgotten this long after its last escalation: late uploads still clear it until then. */
    static final Duration KEEP_PERIODS = Duration.ofDays(14);
    static final Duration REMEMBER_VISITS = Duration.ofDays(62);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final String[] LEVELS = {"", "the community", "the street", "the city"};
    /** Ends the detail of a stage that fired but was not due after all. */
    static final String WITHDRAWN = "; withdrawn: visited before this was due";

    private final VisitRules rules;
    private final String zone;
    private transient ZoneId zoneId;
    private transient ValueState<Household> household;
    private transient MapState<String, Long> heldFrom;
    private transient MapState<String, Period> periods;
    private transient MapState<Long, Boolean> visits;

    /**
     * What is known of a registered household in a group with a rule (flat, for a small checkpoint: the
     * area lineage follows from the grid code).
     *
     * @param groups the groups' wire names, separated by spaces
     */
    public record Household(String gridCode, String groups) {

        boolean in(String group) {
            return (" " + groups + " ").contains(" " + group + " ");
        }
    }

    private static final long RUNNING = Long.MIN_VALUE;

    /**
     * The clock of one period of one rule, in epoch milliseconds (flat, for a small checkpoint): which
     * stages are raised (bit 0 warning, 1 breach, 2.. escalations), and once stopped (visited, or the
     * household left the group), the event time it stopped at and the version its stages were last written with.
     *
     * @param stoppedAtMs {@code Long.MIN_VALUE} while the clock runs
     * @param gridCode    where the household lived when the period began: every row of the period carries it, so
     *                    a household that moves keeps its alerts in one place (the table is keyed by street)
     */
    public record Period(String ruleId, long startMs, long endMs, int fired, long stoppedAtMs, long settledVersion,
                         String gridCode) {

        Instant start() {
            return Instant.ofEpochMilli(startMs);
        }

        Instant end() {
            return Instant.ofEpochMilli(endMs);
        }

        Instant stoppedAt() {
            return running() ? null : Instant.ofEpochMilli(stoppedAtMs);
        }

        boolean running() {
            return stoppedAtMs == RUNNING;
        }

        boolean hasFired(int stage) {
            return (fired & (1 << stage)) != 0;
        }

        Period firing(int stage) {
            return new Period(ruleId, startMs, endMs, fired | (1 << stage), stoppedAtMs, settledVersion, gridCode);
        }

        Period stopped(Instant at, int raised, long version) {
            return new Period(ruleId, startMs, endMs, raised, at.toEpochMilli(), version, gridCode);
        }
    }

    /** @param zone the zone whose calendar weeks and months count (Asia/Shanghai unless configured) */
    public VisitObligationClocks(VisitRules rules, ZoneId zone) {
        this.rules = rules;
        this.zone = zone.getId();
    }

    @Override
    public void open(OpenContext openContext) {
        zoneId = ZoneId.of(zone);
        household = getRuntimeContext().getState(new ValueStateDescriptor<>("household", Household.class));
        heldFrom = getRuntimeContext().getMapState(new MapStateDescriptor<>("held-from", String.class, Long.class));
        periods = getRuntimeContext().getMapState(new MapStateDescriptor<>("periods", String.class, Period.class));
        var visitsDescriptor = new MapStateDescriptor<>("visits", Long.class, Boolean.class);
        visitsDescriptor.enableTimeToLive(StateTtlConfig.newBuilder(REMEMBER_VISITS)
                .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite).build());
        visits = getRuntimeContext().getMapState(visitsDescriptor);
    }

    @Override
    public void processElement1(RegistryStep entry, Context ctx, Collector<Alert> out) throws Exception {
        var known = household.value();
        var groups = entry.removed() ? List.<String>of() : entry.groupList();
        var relevant = rules.rules().stream().filter(r -> groups.contains(r.group())).toList();
        for (var rule : rules.rules()) {
            var held = known != null && heldFrom.contains(rule.id());
            if (held && !relevant.contains(rule)) {
                leave(rule, entry.asOf(), known, ctx, out);
            }
        }
        if (relevant.isEmpty()) {
            household.clear();
            heldFrom.clear();
            periods.clear();
            visits.clear();
            return;
        }
        var now = new Household(AreaCode.of(entry.gridCode()).value(), entry.groups());
        household.update(now);
        for (var rule : relevant) {
            if (!heldFrom.contains(rule.id())) {
                var first = rule.firstHeldPeriod(entry.asOf(), zoneId);
                heldFrom.put(rule.id(), first.toEpochMilli());
                ensurePeriod(rule, first, now, ctx, out);
            }
        }
    }

    @Override
    public void processElement2(VisitStep visit, Context ctx, Collector<Alert> out) throws Exception {
        var known = household.value();
        if (known == null) {
            // the two inputs are not read in event-time order, so on a fresh start or a replay a visit may come
            // before its household's registry entry: one that names an obliged group is kept, and the period's
            // clock finds it when the entry starts it (a household owing nothing drops it with its state);
            // other visits of unknown households are not kept, or every ordinary household would hold state
            if (visit.priority()) {
                visits.put(visit.occurredAt().toEpochMilli(), true);
            }
            return;
        }
        visits.put(visit.occurredAt().toEpochMilli(), true);
        for (var rule : rules.rules()) {
            var from = heldFrom.get(rule.id());
            if (from == null || !known.in(rule.group())) {
                continue;
            }
            var start = rule.periodStart(visit.occurredAt(), zoneId);
            var stages = rule.stages(rule.nextStart(start, zoneId));
            if (start.toEpochMilli() < from
                    || stages.getLast().plus(KEEP_PERIODS).toEpochMilli() <= ctx.timerService().currentWatermark()) {
                continue; // before the household was held, or a period long forgotten
            }
            ensurePeriod(rule, start, known, ctx, out);
            var key = key(rule, start);
            settle(rule, periods.get(key), visit.occurredAt(), known, ctx.getCurrentKey(), out);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Alert> out) throws Exception {
        var known = household.value();
        if (known == null) {
            return;
        }
        var at = Instant.ofEpochMilli(timestamp);
        // the clock of the next period starts as the last one ends
        for (var rule : rules.rules()) {
            var from = heldFrom.get(rule.id());
            var start = rule.periodStart(at, zoneId);
            if (from != null && known.in(rule.group()) && start.toEpochMilli() >= from) {
                ensurePeriod(rule, start, known, ctx, out);
            }
        }
        // in a fixed order, so that alerts due at one instant come out in the same order after a restore
        for (var key : toList(periods.keys()).stream().sorted().toList()) {
            var period = periods.get(key);
            var rule = rule(period.ruleId());
            if (rule == null) {
                periods.remove(key);
                continue;
            }
            var stages = rule.stages(period.end());
            if (period.running()) {
                var changed = period;
                for (int stage = 0; stage < stages.size(); stage++) {
                    if (!changed.hasFired(stage) && stages.get(stage).toEpochMilli() <= timestamp) {
                        out.collect(alert(ctx.getCurrentKey(), rule, changed, stage, known));
                        changed = changed.firing(stage);
                    }
                }
                if (changed != period) {
                    periods.put(key, changed);
                }
                period = changed;
            }
            if (stages.getLast().plus(KEEP_PERIODS).toEpochMilli() <= timestamp) {
                periods.remove(key);
            } else {
                scheduleNext(rule, period, ctx);
            }
        }
    }

    /** The clock of the period from {@code start}, created with its timers if it is new; a visit known in it stops it. */
    private void ensurePeriod(VisitRule rule, Instant start, Household known, Context ctx, Collector<Alert> out)
            throws Exception {
        var key = key(rule, start);
        if (periods.contains(key)) {
            return;
        }
        var end = rule.nextStart(start, zoneId);
        var period = new Period(rule.id(), start.toEpochMilli(), end.toEpochMilli(), 0, RUNNING, 1, known.gridCode());
        periods.put(key, period);
        // the end starts the next period's clock, whatever happens to this one
        ctx.timerService().registerEventTimeTimer(end.toEpochMilli());
        scheduleNext(rule, period, ctx);
        Instant earliest = null;
        for (var visitedAt : visits.keys()) {
            if (visitedAt >= start.toEpochMilli() && visitedAt < end.toEpochMilli()
                    && (earliest == null || visitedAt < earliest.toEpochMilli())) {
                earliest = Instant.ofEpochMilli(visitedAt);
            }
        }
        if (earliest != null) {
            settle(rule, period, earliest, known, ctx.getCurrentKey(), out);
        }
    }

    /**
     * One timer per period at a time (its next stage, or its forgetting), not one per stage: a county's
     * tens of thousands of priority households keep the timer queue and the checkpoint small.
     */
    private static void scheduleNext(VisitRule rule, Period period, Context ctx) {
        var stages = rule.stages(period.end());
        var next = stages.getLast().plus(KEEP_PERIODS).toEpochMilli();
        if (period.running()) {
            for (int stage = 0; stage < stages.size(); stage++) {
                if (!period.hasFired(stage)) {
                    next = Math.min(next, stages.get(stage).toEpochMilli());
                }
            }
        }
        ctx.timerService().registerEventTimeTimer(next);
    }

    /** Stops the clocks of a group the household left (or of a household that left the registry) at {@code at}. */
    private void leave(VisitRule rule, Instant at, Household known, Context ctx, Collector<Alert> out) throws Exception {
        for (var key : new ArrayList<>(toList(periods.keys()))) {
            var period = periods.get(key);
            if (period.ruleId().equals(rule.id())) {
                settle(rule, period, at.isBefore(period.start()) ? period.start() : at, known, ctx.getCurrentKey(), out);
            }
        }
        heldFrom.remove(rule.id());
    }

    /**
     * Stops a period's clock at event time {@code at}, or settles a stopped one again at an earlier instant:
     * stages due before {@code at} are raised if they had not fired and cleared at {@code at}; stages due at
     * or after it are withdrawn if they had fired.
     */
    private void settle(VisitRule rule, Period period, Instant at, Household known, String householdId,
                        Collector<Alert> out) throws Exception {
        if (!period.running() && !at.isBefore(period.stoppedAt())) {
            return;
        }
        var version = period.settledVersion() + 1;
        var stages = rule.stages(period.end());
        var raised = 0;
        for (int stage = 0; stage < stages.size(); stage++) {
            var row = alert(householdId, rule, period, stage, known);
            if (stages.get(stage).isBefore(at)) {
                if (!period.hasFired(stage)) {
                    out.collect(row);
                }
                out.collect(row.cleared(at).withVersion(version));
                raised |= 1 << stage;
            } else if (period.hasFired(stage)) {
                out.collect(row.withdrawn(WITHDRAWN).withVersion(version));
            }
        }
        var stopped = period.stopped(at, raised, version);
        periods.put(key(rule, period.start()), stopped);
    }

    private Alert alert(String householdId, VisitRule rule, Period period, int stage, Household known) {
        var start = period.start().atZone(zoneId).toLocalDate();
        var due = period.end().atZone(zoneId).format(LOCAL);
        var what = "a visit to household " + householdId + " (" + rule.group().replace('_', ' ') + ") in the "
                + (rule.cadence() == VisitRule.Cadence.WEEK ? "week" : "month") + " from " + start;
        var idPrefix = "visit:" + rule.id() + ":" + householdId + ":" + start + ":";
        var raisedAt = rule.stages(period.end()).get(stage);
        return switch (stage) {
            case 0 -> row(idPrefix + "warning", AlertKind.SLA_WARNING, 0, householdId, rule, period, raisedAt, known,
                    what + " is due by " + due);
            case 1 -> row(idPrefix + "breach", AlertKind.SLA_BREACH, 0, householdId, rule, period, raisedAt, known,
                    what + " was due by " + due);
            default -> row(idPrefix + "escalation-" + (stage - 1), AlertKind.SLA_ESCALATION, stage - 1, householdId, rule,
                    period, raisedAt, known,
                    what + " was due by " + due + "; escalated to " + LEVELS[Math.min(stage - 1, LEVELS.length - 1)]);
        };
    }

    private static Alert row(String id, AlertKind kind, int level, String householdId, VisitRule rule, Period period,
                             Instant raisedAt, Household known, String detail) {
        var grid = AreaCode.of(period.gridCode() != null ? period.gridCode() : known.gridCode());
        return Alert.raise(id, kind).about(householdId, rule.id()).in(AreaLineage.ofGrid(grid)).level(level)
                .deadline(period.end()).raisedAt(raisedAt).detail(detail).build();
    }

    private VisitRule rule(String id) {
        return rules.rules().stream().filter(r -> r.id().equals(id)).findFirst().orElse(null);
    }

    private static String key(VisitRule rule, Instant start) {
        return rule.id() + "@" + start.toEpochMilli();
    }

    private static <T> List<T> toList(Iterable<T> items) {
        var list = new ArrayList<T>();
        items.forEach(list::add);
        return list;
    }
}
