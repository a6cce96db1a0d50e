package io.gridpulse.streams.sla;

import io.gridpulse.model.sla.CalendarNotLoadedException;
import io.gridpulse.model.sla.DeadlineCalculator;
import io.gridpulse.model.sla.SlaPolicies;
import io.gridpulse.model.sla.SlaPolicy;
import io.gridpulse.model.sla.WorkingDayCalendar;
import io.gridpulse.warehouse.AlertRow;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The SLA clocks of one case (keyed by caseId). Each clock computes its deadline once, by the
 * working-day rules, and fires event-time timers for its warning, its breach and the escalations
 * after it. Every stage is raised once, with a deterministic alert id, and cleared when the case
 * moves on; because everything runs on event time, replaying history gives the same alerts.
 */
public final class SlaClocks extends KeyedProcessFunction<String, CaseEvent, AlertRow> {
    static final Duration REMEMBER_CASES = Duration.ofDays(180);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final String zone;
    private transient DemandClockRules rules;
    private transient DeadlineCalculator calculator;
    private transient ValueState<CaseInfo> info;
    private transient MapState<String, Clock> clocks;

    /** What the clocks remember of the case between events. */
    public record CaseInfo(Instant createdAt, String demandClass, String demandType, String gridCode, String communityCode,
                           String streetCode, String countyCode, int round, String stepsSeen) {

        boolean hasSeen(String kind) {
            return (" " + stepsSeen + " ").contains(" " + kind + " ");
        }

        CaseInfo seen(String kind) {
            return hasSeen(kind) ? this : new CaseInfo(createdAt, demandClass, demandType, gridCode, communityCode, streetCode,
                    countyCode, round, (stepsSeen + " " + kind).trim());
        }
    }

    /** One running clock: its computed instants and which stages have fired (bit 0 warning, 1 breach, 2.. escalations). */
    public record Clock(String policyId, int round, Instant startedAt, Instant warningAt, Instant deadline,
                        List<Instant> escalations, int fired) {

        List<Instant> stages() {
            var all = new ArrayList<Instant>();
            all.add(warningAt);
            all.add(deadline);
            all.addAll(escalations);
            return all;
        }

        Clock firing(int stage) {
            return new Clock(policyId, round, startedAt, warningAt, deadline, escalations, fired | (1 << stage));
        }

        boolean hasFired(int stage) {
            return (fired & (1 << stage)) != 0;
        }
    }

    /** @param zone the zone whose calendar days count (Asia/Shanghai unless configured) */
    public SlaClocks(ZoneId zone) {
        this.zone = zone.getId();
    }

    @Override
    public void open(OpenContext openContext) {
        rules = new DemandClockRules(SlaPolicies.defaults());
        calculator = new DeadlineCalculator(WorkingDayCalendar.mainland(), ZoneId.of(zone));
        var ttl = StateTtlConfig.newBuilder(REMEMBER_CASES).setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite).build();
        var infoDescriptor = new ValueStateDescriptor<>("case", CaseInfo.class);
        infoDescriptor.enableTimeToLive(ttl);
        info = getRuntimeContext().getState(infoDescriptor);
        var clocksDescriptor = new MapStateDescriptor<>("clocks", String.class, Clock.class);
        clocksDescriptor.enableTimeToLive(ttl);
        clocks = getRuntimeContext().getMapState(clocksDescriptor);
    }

    @Override
    public void processElement(CaseEvent event, Context ctx, Collector<AlertRow> out) throws Exception {
        var known = info.value();
        var kind = event.kind();
        if (known == null) {
            known = new CaseInfo(null, "", "", event.gridCode(), event.communityCode(), event.streetCode(), event.countyCode(), 1, "");
        }
        switch (kind) {
            case DemandClockRules.CREATED -> {
                known = new CaseInfo(event.occurredAt(), event.demandClass(), event.demandType(), event.gridCode(),
                        event.communityCode(), event.streetCode(), event.countyCode(), known.round(), known.stepsSeen());
                for (var policy : rules.atCreation(event.demandClass(), event.demandType())) {
                    start(policy, known, event.occurredAt(), ctx, out);
                }
            }
            case DemandClockRules.CLASSIFIED -> {
                if (!event.demandClass().equals(known.demandClass()) && known.createdAt() != null) {
                    // a new class means other clocks, still counted from the case's creation
                    var before = rules.atCreation(known.demandClass(), known.demandType());
                    for (var policy : before) {
                        stop(policy.id(), event.occurredAt(), ctx, out);
                    }
                    known = new CaseInfo(known.createdAt(), event.demandClass(), known.demandType(), known.gridCode(),
                            known.communityCode(), known.streetCode(), known.countyCode(), known.round(), known.stepsSeen());
                    for (var policy : rules.atCreation(known.demandClass(), known.demandType())) {
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
                known = new CaseInfo(known.createdAt(), known.demandClass(), known.demandType(), known.gridCode(),
                        known.communityCode(), known.streetCode(), known.countyCode(), known.round() + 1, "");
                for (var policy : rules.atCreation(known.demandClass(), known.demandType())) {
                    if (rules.restartsOnReopen(policy.id())) {
                        start(policy, known, event.occurredAt(), ctx, out);
                    }
                }
            }
            default -> {
            }
        }
        for (var policyId : List.copyOf(toList(clocks.keys()))) {
            if (rules.stops(policyId, kind)) {
                stop(policyId, event.occurredAt(), ctx, out);
            }
        }
        info.update(known.seen(kind));
        if (kind.equals(DemandClockRules.CLOSED) && clocks.isEmpty()) {
            info.clear();
        }
    }

    private void start(SlaPolicy policy, CaseInfo known, Instant from, Context ctx, Collector<AlertRow> out) throws Exception {
        if (clocks.contains(policy.id())) {
            return;
        }
        // a step that arrived before the case did (offline uploads) already stopped this clock
        for (var step : known.stepsSeen().split(" ")) {
            if (!step.isEmpty() && rules.stops(policy.id(), step)) {
                return;
            }
        }
        Instant deadline;
        Instant warning;
        try {
            deadline = calculator.deadline(from, policy.limit());
            warning = calculator.warningAt(from, policy.limit(), policy.warning());
        } catch (CalendarNotLoadedException e) {
            out.collect(alert(ctx.getCurrentKey(), policy, known, known.round(), "unscheduled", "sla_unscheduled", "major", 0,
                    null, from, "the clock of " + policy.name() + " could not start: " + e.getMessage()));
            return;
        }
        var clock = new Clock(policy.id(), known.round(), from, warning, deadline, calculator.escalations(deadline), 0);
        clocks.put(policy.id(), clock);
        for (var at : clock.stages()) {
            ctx.timerService().registerEventTimeTimer(at.toEpochMilli());
        }
    }

    private void stop(String policyId, Instant at, Context ctx, Collector<AlertRow> out) throws Exception {
        var clock = clocks.get(policyId);
        if (clock == null) {
            return;
        }
        var known = info.value();
        var stages = clock.stages();
        for (int stage = 0; stage < stages.size(); stage++) {
            if (clock.hasFired(stage)) {
                out.collect(stageAlert(ctx.getCurrentKey(), clock, stage, known).cleared(at));
            } else {
                ctx.timerService().deleteEventTimeTimer(stages.get(stage).toEpochMilli());
            }
        }
        clocks.remove(policyId);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<AlertRow> out) throws Exception {
        var known = info.value();
        for (var policyId : List.copyOf(toList(clocks.keys()))) {
            var clock = clocks.get(policyId);
            var stages = clock.stages();
            var changed = clock;
            for (int stage = 0; stage < stages.size(); stage++) {
                if (!changed.hasFired(stage) && stages.get(stage).toEpochMilli() <= timestamp) {
                    out.collect(stageAlert(ctx.getCurrentKey(), changed, stage, known));
                    changed = changed.firing(stage);
                }
            }
            if (changed != clock) {
                clocks.put(policyId, changed);
            }
        }
    }

    private AlertRow stageAlert(String caseId, Clock clock, int stage, CaseInfo known) {
        var policy = rules.policy(clock.policyId());
        var due = clock.deadline().atZone(calculator.zone()).format(LOCAL);
        return switch (stage) {
            case 0 -> alert(caseId, policy, known, clock.round(), "warning", "sla_warning", "warning", 0, clock.deadline(),
                    clock.warningAt(), policy.name() + " is due at " + due);
            case 1 -> alert(caseId, policy, known, clock.round(), "breach", "sla_breach", "major", 0, clock.deadline(),
                    clock.deadline(), policy.name() + " was due at " + due);
            default -> alert(caseId, policy, known, clock.round(), "escalation-" + (stage - 1), "sla_escalation", "critical",
                    stage - 1, clock.deadline(), clock.stages().get(stage),
                    policy.name() + " was due at " + due + "; escalated to " + LEVELS[Math.min(stage - 1, LEVELS.length - 1)]);
        };
    }

    private static final String[] LEVELS = {"", "the community", "the street", "the city"};

    private static AlertRow alert(String caseId, SlaPolicy policy, CaseInfo known, int round, String stage, String kind,
                                  String severity, int level, Instant deadline, Instant raisedAt, String detail) {
        var id = "sla:" + caseId + ":" + policy.id() + ":" + round + ":" + stage;
        return new AlertRow(id, kind, severity, AlertRow.OPEN, caseId, policy.id(), level, deadline, raisedAt, null,
                known.gridCode(), known.communityCode(), known.streetCode(), known.countyCode(), detail, 1);
    }

    private static List<String> toList(Iterable<String> keys) {
        var list = new ArrayList<String>();
        keys.forEach(list::add);
        return list;
    }
}
