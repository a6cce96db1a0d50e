package io.gridpulse.streams.sla;

import io.gridpulse.model.alerts.Alert;
import io.gridpulse.model.alerts.AlertKind;
import io.gridpulse.model.area.AreaLineage;
import io.gridpulse.model.sla.CalendarDirectory;
import io.gridpulse.model.sla.CalendarNotLoadedException;
import io.gridpulse.model.sla.DeadlineCalculator;
import io.gridpulse.model.sla.SlaPolicies;
import io.gridpulse.model.sla.SlaPolicy;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * The SLA clocks of one case (keyed by caseId). Each clock computes its deadline once, by the
 * working-day rules, and fires event-time timers for its warning, its breach and the escalations
 * after it. Every stage is raised once, with a deterministic alert id, and cleared when the case
 * moves on.
 *
 * <p>Everything is judged on event time, never on arrival order, so replaying history (or receiving
 * an offline terminal's upload late) gives the same alerts. A clock stops at the event time of the
 * earliest step that stops it, whenever that step arrives: stages due before that instant were due,
 * so they are raised (if their timer had not fired yet, with their own due time as raise time) and
 * cleared at it; stages due at or after it never should have fired, so any that did are withdrawn
 * (written again as cleared with {@code clearedAt == raisedAt}) and the others never fire. A step that
 * arrives later still but happened even earlier settles the stopped clock again.
 */
/*
 * A working-day clock that reaches a year whose State Council notice is not loaded is scheduled provisionally (the
 * weekdays that are not statutory holidays count there; see DeadlineCalculator#schedule), its alerts say so, and it is
 * looked at again every RECHECK: once the calendar (shipped, or GP_CALENDAR_DIR) has the year, its stages are computed
 * again. A stage that fired and is still due is written again with its new times; one that fired but is no longer due
 * is withdrawn and fires again at its new time under the same id; a stopped clock is settled again. Versions only grow,
 * so the alerts table keeps the newest row of every id and nothing is counted twice.
 */
public final class SlaClocks extends KeyedProcessFunction<String, CaseEvent, Alert> {
    static final Duration REMEMBER_CASES = Duration.ofDays(180);
    /** How long (event time) a closed case is remembered for follow-ups uploaded after its closing. */
    static final Duration REMEMBER_CLOSED = Duration.ofDays(30);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private static final Logger log = LoggerFactory.getLogger(SlaClocks.class);
    /** How often a provisional clock is looked at again for its year's notice. */
    static final Duration RECHECK = Duration.ofMinutes(10);

    private final String zone;
    private final String calendarDir;
    private final Duration checkEvery;
    private transient DemandClockRules rules;
    private transient CalendarDirectory calendars;
    private transient ValueState<CaseInfo> info;
    private transient MapState<String, Clock> clocks;
    /** The clocks scheduled provisionally, by policy id: the years whose notice they lack, as "2027" or "2027,2028". */
    private transient MapState<String, String> provisional;

    /**
     * What the clocks remember of the case between events.
     *
     * @param stepsSeen every lifecycle step seen, as {@code kind@epochMillis} separated by spaces (a bare
     *                  {@code kind}, written by older versions, counts as having happened at the case's start)
     */
    public record CaseInfo(Instant createdAt, String demandClass, String demandType, String gridCode, String communityCode,
                           String streetCode, String countyCode, int round, String stepsSeen) {

        /** The event times at which steps of this kind happened; {@link Instant#MIN} for a step of unknown time. */
        List<Instant> timesOf(String kind) {
            var out = new ArrayList<Instant>();
            for (var token : stepsSeen.split(" ")) {
                var at = token.indexOf('@');
                var tokenKind = at < 0 ? token : token.substring(0, at);
                if (!token.isEmpty() && tokenKind.equals(kind)) {
                    out.add(at < 0 ? Instant.MIN : Instant.ofEpochMilli(Long.parseLong(token.substring(at + 1))));
                }
            }
            return out;
        }

        CaseInfo seen(String kind, Instant occurredAt) {
            var token = kind + "@" + occurredAt.toEpochMilli();
            if ((" " + stepsSeen + " ").contains(" " + token + " ")) {
                return this;
            }
            return new CaseInfo(createdAt, demandClass, demandType, gridCode, communityCode, streetCode, countyCode, round,
                    (stepsSeen + " " + token).trim());
        }

        CaseInfo withCreation(Instant at, String cls, String type, String grid, String community, String street, String county) {
            return new CaseInfo(at, cls, type, grid, community, street, county, round, stepsSeen);
        }

        CaseInfo withClass(String cls) {
            return new CaseInfo(createdAt, cls, demandType, gridCode, communityCode, streetCode, countyCode, round, stepsSeen);
        }

        CaseInfo nextRound() {
            return new CaseInfo(createdAt, demandClass, demandType, gridCode, communityCode, streetCode, countyCode, round + 1,
                    stepsSeen);
        }
    }

    /**
     * One clock: its computed instants, which stages are raised (bit 0 warning, 1 breach, 2.. escalations),
     * and, once stopped, the event time it stopped at and the version its stages were last written with.
     */
    public record Clock(String policyId, int round, Instant startedAt, Instant warningAt, Instant deadline,
                        List<Instant> escalations, int fired, Instant stoppedAt, long settledVersion) {

        List<Instant> stages() {
            var all = new ArrayList<Instant>();
            all.add(warningAt);
            all.add(deadline);
            all.addAll(escalations);
            return all;
        }

        Clock firing(int stage) {
            return new Clock(policyId, round, startedAt, warningAt, deadline, escalations, fired | (1 << stage), stoppedAt,
                    settledVersion);
        }

        Clock stopped(Instant at, int raised, long version) {
            return new Clock(policyId, round, startedAt, warningAt, deadline, escalations, raised, at, version);
        }

        /** The same clock on other instants, running again (a stopped one is settled again at its stop). */
        Clock rescheduled(Instant newWarningAt, Instant newDeadline, List<Instant> newEscalations) {
            return new Clock(policyId, round, startedAt, newWarningAt, newDeadline, newEscalations, fired, null, settledVersion);
        }

        Clock unfiring(int stage) {
            return new Clock(policyId, round, startedAt, warningAt, deadline, escalations, fired & ~(1 << stage), stoppedAt,
                    settledVersion);
        }

        Clock withVersion(long version) {
            return new Clock(policyId, round, startedAt, warningAt, deadline, escalations, fired, stoppedAt, version);
        }

        boolean hasFired(int stage) {
            return (fired & (1 << stage)) != 0;
        }

        boolean running() {
            return stoppedAt == null;
        }
    }

    /** @param zone the zone whose calendar days count (Asia/Shanghai unless configured) */
    public SlaClocks(ZoneId zone) {
        this(zone, null);
    }

    /**
     * @param zone        the zone whose calendar days count (Asia/Shanghai unless configured)
     * @param calendarDir the folder of operators' year files (GP_CALENDAR_DIR), or null for the shipped years only
     */
    public SlaClocks(ZoneId zone, String calendarDir) {
        this(zone, calendarDir, CalendarDirectory.CHECK_EVERY);
    }

    /** As above, the folder looked at for changes at most once every {@code checkEvery} (tests look at once). */
    SlaClocks(ZoneId zone, String calendarDir, Duration checkEvery) {
        this.zone = zone.getId();
        this.calendarDir = calendarDir;
        this.checkEvery = checkEvery;
    }

    @Override
    public void open(OpenContext openContext) {
        rules = new DemandClockRules(SlaPolicies.defaults());
        calendars = CalendarDirectory.of(calendarDir == null ? null : java.nio.file.Path.of(calendarDir), log::info, checkEvery);
        var ttl = StateTtlConfig.newBuilder(REMEMBER_CASES).setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite).build();
        var infoDescriptor = new ValueStateDescriptor<>("case", CaseInfo.class);
        infoDescriptor.enableTimeToLive(ttl);
        info = getRuntimeContext().getState(infoDescriptor);
        var clocksDescriptor = new MapStateDescriptor<>("clocks", String.class, Clock.class);
        clocksDescriptor.enableTimeToLive(ttl);
        clocks = getRuntimeContext().getMapState(clocksDescriptor);
        var provisionalDescriptor = new MapStateDescriptor<>("provisional-clocks", String.class, String.class);
        provisionalDescriptor.enableTimeToLive(ttl);
        provisional = getRuntimeContext().getMapState(provisionalDescriptor);
    }

    /** Working days counted on the calendar of now: the shipped years and the operators' files. */
    private DeadlineCalculator calculator() {
        return new DeadlineCalculator(calendars.calendar(), ZoneId.of(zone));
    }

    @Override
    public void processElement(CaseEvent event, Context ctx, Collector<Alert> out) throws Exception {
        var known = info.value();
        var kind = event.kind();
        if (known == null) {
            known = new CaseInfo(null, "", "", event.gridCode(), event.communityCode(), event.streetCode(), event.countyCode(), 1, "");
        }
        known = known.seen(kind, event.occurredAt());
        switch (kind) {
            // a case is created once: a second creation (the job's case homes keep them out) never re-homes it
            case DemandClockRules.CREATED -> {
                if (known.createdAt() == null) {
                    known = known.withCreation(event.occurredAt(), event.demandClass(), event.demandType(), event.gridCode(),
                            event.communityCode(), event.streetCode(), event.countyCode());
                    for (var policy : rules.atCreation(event.demandClass(), event.demandType())) {
                        start(policy, known, event.occurredAt(), ctx, out);
                    }
                }
            }
            case DemandClockRules.CLASSIFIED -> {
                if (!event.demandClass().equals(known.demandClass()) && known.createdAt() != null) {
                    // a new class means other clocks, still counted from the case's creation; clocks of both classes run on
                    var after = rules.atCreation(event.demandClass(), known.demandType());
                    var stays = after.stream().map(SlaPolicy::id).toList();
                    for (var policy : rules.atCreation(known.demandClass(), known.demandType())) {
                        var clock = clocks.get(policy.id());
                        if (!stays.contains(policy.id()) && clock != null) {
                            settle(clock, event.occurredAt(), known, ctx, out);
                        }
                    }
                    known = known.withClass(event.demandClass());
                    for (var policy : after) {
                        start(policy, known, known.createdAt(), ctx, out);
                    }
                }
            }
            case DemandClockRules.WHISTLE -> {
                for (var policy : rules.atWhistle()) {
                    start(policy, known, event.occurredAt(), ctx, out);
                }
            }
            case DemandClockRules.REOPENED -> {
                known = known.nextRound();
                for (var policy : rules.atCreation(known.demandClass(), known.demandType())) {
                    if (rules.restartsOnReopen(policy.id())) {
                        start(policy, known, event.occurredAt(), ctx, out);
                    }
                }
            }
            default -> {
            }
        }
        info.update(known);
        // whatever arrived first, every clock is judged against every step seen, on their event times
        for (var policyId : toList(clocks.keys())) {
            var clock = clocks.get(policyId);
            var stop = stopOf(clock, known);
            if (stop != null) {
                settle(clock, stop, known, ctx, out);
            }
        }
        if (kind.equals(DemandClockRules.CLOSED)) {
            ctx.timerService().registerEventTimeTimer(event.occurredAt().plus(REMEMBER_CLOSED).toEpochMilli());
        }
    }

    private void start(SlaPolicy policy, CaseInfo known, Instant from, Context ctx, Collector<Alert> out) throws Exception {
        var existing = clocks.get(policy.id());
        if (existing != null && (existing.running() || existing.round() == known.round())) {
            return;
        }
        DeadlineCalculator.Schedule schedule;
        var calculator = calculator();
        try {
            schedule = calculator.schedule(from, policy.limit(), policy.warning());
        } catch (CalendarNotLoadedException e) {
            // not a stage: written once, on arrival
            out.collect(alert(ctx.getCurrentKey(), policy, known, known.round(), "unscheduled", AlertKind.SLA_UNSCHEDULED, 0,
                    null, from, "the clock of " + policy.name() + " could not start: " + e.getMessage()));
            return;
        }
        var clock = new Clock(policy.id(), known.round(), from, schedule.warningAt(), schedule.deadline(),
                calculator.escalations(schedule.deadline()), 0, null, 1);
        clocks.put(policy.id(), clock);
        if (schedule.provisional()) {
            provisional.put(policy.id(), years(schedule));
            ctx.timerService().registerProcessingTimeTimer(ctx.timerService().currentProcessingTime() + RECHECK.toMillis());
        } else {
            provisional.remove(policy.id());
        }
        for (var at : clock.stages()) {
            ctx.timerService().registerEventTimeTimer(at.toEpochMilli());
        }
    }

    private static String years(DeadlineCalculator.Schedule schedule) {
        return schedule.provisionalYears().stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","));
    }

    /**
     * Computes the provisional clocks again on the calendar of now; those still provisional are looked at again
     * after {@link #RECHECK}.
     */
    private void recheck(OnTimerContext ctx, Collector<Alert> out) throws Exception {
        var known = info.value();
        if (known == null) {
            provisional.clear();
            return;
        }
        var calculator = calculator();
        var stillProvisional = false;
        for (var policyId : toList(provisional.keys())) {
            var clock = clocks.get(policyId);
            if (clock == null) {
                provisional.remove(policyId);
                continue;
            }
            var policy = rules.policy(policyId);
            var schedule = calculator.schedule(clock.startedAt(), policy.limit(), policy.warning());
            var escalations = calculator.escalations(schedule.deadline());
            var moved = !schedule.deadline().equals(clock.deadline()) || !schedule.warningAt().equals(clock.warningAt());
            if (schedule.provisional()) {
                provisional.put(policyId, years(schedule));
                stillProvisional = true;
            } else {
                provisional.remove(policyId);
            }
            if (moved || !schedule.provisional()) {
                reschedule(clock, clock.rescheduled(schedule.warningAt(), schedule.deadline(), escalations), known, ctx, out);
            }
        }
        if (stillProvisional) {
            ctx.timerService().registerProcessingTimeTimer(ctx.timerService().currentProcessingTime() + RECHECK.toMillis());
        }
    }

    /**
     * Puts a clock on its new instants. A stopped one is settled again at its stop. A running one: each stage that
     * fired is written again (still due) or withdrawn (not due any more, to fire again at its new time); stages not
     * fired get timers at their new times.
     */
    private void reschedule(Clock old, Clock moved, CaseInfo known, Context ctx, Collector<Alert> out) throws Exception {
        if (!old.running()) {
            settle(moved, old.stoppedAt(), known, ctx, out);
            return;
        }
        var version = Math.max(old.settledVersion(), 1) + 1;
        var updated = moved.withVersion(version);
        var stages = updated.stages();
        long watermark = ctx.timerService().currentWatermark();
        for (int stage = 0; stage < stages.size(); stage++) {
            if (old.hasFired(stage)) {
                if (stages.get(stage).toEpochMilli() <= watermark) {
                    out.collect(stageAlert(ctx.getCurrentKey(), updated, stage, known).withVersion(version));
                } else {
                    var was = stageAlert(ctx.getCurrentKey(), old, stage, known);
                    out.collect(was.withdrawn(WITHDRAWN).withVersion(version));
                    updated = updated.unfiring(stage);
                    ctx.timerService().registerEventTimeTimer(stages.get(stage).toEpochMilli());
                }
            } else {
                ctx.timerService().registerEventTimeTimer(stages.get(stage).toEpochMilli());
            }
        }
        clocks.put(updated.policyId(), updated);
    }

    /**
     * The event time a clock stops at: the earliest of the steps that stop it and happened after it
     * started. A clock that runs from the case's creation also stops at a step stamped before the
     * creation (a terminal's clock a little off): it stops as it starts.
     */
    private Instant stopOf(Clock clock, CaseInfo known) {
        var fromCreation = clock.round() == 1 && clock.startedAt().equals(known.createdAt());
        Instant stop = null;
        for (var kind : rules.stoppedBy(clock.policyId())) {
            for (var at : known.timesOf(kind)) {
                if (at.isBefore(clock.startedAt())) {
                    if (!fromCreation) {
                        continue;
                    }
                    at = clock.startedAt();
                }
                if (stop == null || at.isBefore(stop)) {
                    stop = at;
                }
            }
        }
        return stop;
    }

    /**
     * Stops a clock at event time {@code at}, or settles a stopped clock again at an earlier instant.
     * Stages due before {@code at} are raised if they had not fired and cleared at {@code at}; stages
     * due at or after it are withdrawn if they had fired. Nothing happens if the clock already stopped
     * at or before {@code at}.
     */
    private void settle(Clock clock, Instant at, CaseInfo known, Context ctx, Collector<Alert> out) throws Exception {
        if (!clock.running() && !at.isBefore(clock.stoppedAt())) {
            return;
        }
        // open rows are version 1; a clock restored from state written before it had a version counts from there
        var version = Math.max(clock.settledVersion(), 1) + 1;
        var stages = clock.stages();
        var raised = 0;
        for (int stage = 0; stage < stages.size(); stage++) {
            var due = stages.get(stage);
            var row = stageAlert(ctx.getCurrentKey(), clock, stage, known);
            if (due.isBefore(at)) {
                if (!clock.hasFired(stage)) {
                    out.collect(row);
                }
                out.collect(row.cleared(at).withVersion(version));
                raised |= 1 << stage;
            } else if (clock.hasFired(stage)) {
                out.collect(row.withdrawn(WITHDRAWN).withVersion(version));
            }
        }
        clocks.put(clock.policyId(), clock.stopped(at, raised, version));
        if (clock.running()) {
            forgetTimers(clock, ctx);
        }
    }

    /** Deletes the timers of a stopped clock's stages that did not fire, unless another running clock shares them. */
    private void forgetTimers(Clock stopped, Context ctx) throws Exception {
        var stillNeeded = new HashSet<Instant>();
        for (var other : clocks.values()) {
            if (other.running()) {
                stillNeeded.addAll(other.stages());
            }
        }
        var stages = stopped.stages();
        for (int stage = 0; stage < stages.size(); stage++) {
            if (!stopped.hasFired(stage) && !stillNeeded.contains(stages.get(stage))) {
                ctx.timerService().deleteEventTimeTimer(stages.get(stage).toEpochMilli());
            }
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Alert> out) throws Exception {
        if (ctx.timeDomain() == org.apache.flink.streaming.api.TimeDomain.PROCESSING_TIME) {
            recheck(ctx, out);
            return;
        }
        var known = info.value();
        if (known == null) {
            return;
        }
        var running = false;
        for (var policyId : toList(clocks.keys())) {
            var clock = clocks.get(policyId);
            if (!clock.running()) {
                continue;
            }
            running = true;
            var stages = clock.stages();
            var changed = clock;
            for (int stage = 0; stage < stages.size(); stage++) {
                if (!changed.hasFired(stage) && stages.get(stage).toEpochMilli() <= timestamp) {
                    // a clock moved by its year's notice wrote versions above 1: a stage raised again must outrank them
                    if (changed.settledVersion() > 1) {
                        changed = changed.withVersion(changed.settledVersion() + 1);
                        out.collect(stageAlert(ctx.getCurrentKey(), changed, stage, known).withVersion(changed.settledVersion()));
                    } else {
                        out.collect(stageAlert(ctx.getCurrentKey(), changed, stage, known));
                    }
                    changed = changed.firing(stage);
                }
            }
            if (changed != clock) {
                clocks.put(policyId, changed);
            }
        }
        // a closed case is forgotten a while after its closing, unless a reopening runs clocks again
        var closedLongAgo = known.timesOf(DemandClockRules.CLOSED).stream()
                .anyMatch(closed -> !closed.equals(Instant.MIN) && closed.plus(REMEMBER_CLOSED).toEpochMilli() == timestamp);
        if (closedLongAgo && !running) {
            info.clear();
            clocks.clear();
            provisional.clear();
        }
    }

    /** Ends the detail of a withdrawn stage. */
    static final String WITHDRAWN = "; withdrawn: the case moved on before this was due";

    private Alert stageAlert(String caseId, Clock clock, int stage, CaseInfo known) throws Exception {
        var policy = rules.policy(clock.policyId());
        var due = clock.deadline().atZone(ZoneId.of(zone)).format(LOCAL);
        var years = provisional.get(clock.policyId());
        var note = years == null ? "" : PROVISIONAL.formatted(years);
        return switch (stage) {
            case 0 -> alert(caseId, policy, known, clock.round(), "warning", AlertKind.SLA_WARNING, 0, clock.deadline(),
                    clock.warningAt(), policy.name() + " is due at " + due + note);
            case 1 -> alert(caseId, policy, known, clock.round(), "breach", AlertKind.SLA_BREACH, 0, clock.deadline(),
                    clock.deadline(), policy.name() + " was due at " + due + note);
            default -> alert(caseId, policy, known, clock.round(), "escalation-" + (stage - 1), AlertKind.SLA_ESCALATION,
                    stage - 1, clock.deadline(), clock.stages().get(stage),
                    policy.name() + " was due at " + due + "; escalated to " + LEVELS[Math.min(stage - 1, LEVELS.length - 1)]
                            + note);
        };
    }

    /**
     * Ends the detail of an alert whose deadline is provisional: the same words the API and the screens show, so that a
     * reader of any of them can tell (and search for "provisional").
     */
    public static final String PROVISIONAL = "; provisional: no holiday notice for %s is loaded, so only the statutory"
            + " holidays were counted there; computed again when it is";

    private static final String[] LEVELS = {"", "the community", "the street", "the city"};

    private static Alert alert(String caseId, SlaPolicy policy, CaseInfo known, int round, String stage, AlertKind kind,
                               int level, Instant deadline, Instant raisedAt, String detail) {
        return Alert.raise("sla:" + caseId + ":" + policy.id() + ":" + round + ":" + stage, kind).about(caseId, policy.id())
                .in(new AreaLineage(known.gridCode(), known.communityCode(), known.streetCode(), known.countyCode()))
                .level(level).deadline(deadline).raisedAt(raisedAt).detail(detail).build();
    }

    private static List<String> toList(Iterable<String> keys) {
        var list = new ArrayList<String>();
        keys.forEach(list::add);
        return list;
    }
}
