package io.gridpulse.model.sla;

import static io.gridpulse.model.sla.SlaLimit.every;
import static io.gridpulse.model.sla.SlaLimit.hours;
import static io.gridpulse.model.sla.SlaLimit.minutes;
import static io.gridpulse.model.sla.SlaLimit.workingDays;

import io.gridpulse.model.event.DemandClass;
import io.gridpulse.model.sla.SlaSubject.OfCaseType;
import io.gridpulse.model.sla.SlaSubject.OfDemandClass;
import java.time.Duration;
import java.time.Period;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A set of SLA policies with unique ids; {@link #defaults()} is the table of docs/domain.md §3, the one
 * place its numbers live until configuration overrides them.
 */
public final class SlaPolicies {

    /** Clock and recurring limits warn at this percentage of their allowance. */
    public static final int DEFAULT_WARNING_PERCENT = 80;

    /**
     * After a breach the case escalates up the hierarchy, one level per offset from the deadline:
     * +0 from grid to community, +24 h to street, +72 h to city.
     */
    public static final List<Duration> DEFAULT_ESCALATION_OFFSETS =
            List.of(Duration.ZERO, Duration.ofHours(24), Duration.ofHours(72));

    private static final SlaPolicies DEFAULTS = of(List.of(
            new SlaPolicy("resolve_now.first_response", "即時解決 (resolve now): first response",
                    new OfDemandClass(DemandClass.RESOLVE_NOW), hours(24)),
            new SlaPolicy("coordinate.connected", "協調辦理 (coordinate): connected to the handling unit",
                    new OfDemandClass(DemandClass.COORDINATE), workingDays(3)),
            new SlaPolicy("track.return_visit", "長期跟蹤 (track): return visit",
                    new OfDemandClass(DemandClass.TRACK), every(Period.ofMonths(3))),
            new SlaPolicy("complex_problem.closed_loop", "complex problem: closed loop",
                    new OfCaseType("complex_problem"), workingDays(7)),
            new SlaPolicy("ledger_problem.resolved", "general problem in the ledger: resolved",
                    new OfCaseType("ledger_problem"), workingDays(3)),
            new SlaPolicy("counselling.response", "counselling (心理疏導): response",
                    new OfCaseType("counselling"), hours(24)),
            new SlaPolicy("cross_department.response", "cross-department (大工委) item: response",
                    new OfCaseType("cross_department"), hours(24)),
            new SlaPolicy("plaque.updated", "plaque updated after a policy or personnel change, or replaced when damaged",
                    new OfCaseType("plaque_update"), hours(24)),
            new SlaPolicy("device.repaired", "device fault repaired",
                    new OfCaseType("device_repair"), hours(4)),
            new SlaPolicy("hall.handling", "hall: ticket handled",
                    new OfCaseType("hall_ticket"), minutes(20)),
            new SlaPolicy("hall.promised_item", "hall: promised-time item (承諾辦結) completed",
                    new OfCaseType("hall_promised_item"), workingDays(15)),
            new SlaPolicy("emergency.response", "emergency response to a detected incident",
                    new OfCaseType("emergency_response"), minutes(5)),
            new SlaPolicy("elderly_alone.visit", "elderly living alone: visit",
                    new OfCaseType("elderly_alone_visit"), every(Period.ofWeeks(1))),
            new SlaPolicy("elderly_alone.assessment", "elderly living alone: assessment",
                    new OfCaseType("elderly_alone_assessment"), every(Period.ofMonths(1))),
            new SlaPolicy("left_behind_child.visit", "left-behind child: home visit",
                    new OfCaseType("left_behind_child_visit"), every(Period.ofMonths(1))),
            new SlaPolicy("household.visit", "every household: visit",
                    new OfCaseType("household_visit"), every(Period.ofMonths(1)))));

    private final Map<String, SlaPolicy> byId;

    private SlaPolicies(Map<String, SlaPolicy> byId) {
        this.byId = byId;
    }

    /** The default policies of docs/domain.md §3. */
    public static SlaPolicies defaults() {
        return DEFAULTS;
    }

    /**
     * These policies, in this order.
     *
     * @throws IllegalArgumentException if two share an id
     */
    public static SlaPolicies of(Collection<SlaPolicy> policies) {
        var byId = new LinkedHashMap<String, SlaPolicy>();
        for (var policy : policies) {
            Objects.requireNonNull(policy, "policy");
            if (byId.putIfAbsent(policy.id(), policy) != null) {
                throw new IllegalArgumentException("two SLA policies share the id " + policy.id());
            }
        }
        return new SlaPolicies(Collections.unmodifiableMap(byId));
    }

    /** The warning a limit gets unless its policy says otherwise. */
    public static WarningRule defaultWarning(SlaLimit limit) {
        return switch (limit) {
            case SlaLimit.WorkingDays _ -> new WarningRule.AtStartOfLastWorkingDay();
            case SlaLimit.ClockHours _, SlaLimit.Recurring _ ->
                    new WarningRule.AtPercentOfAllowance(DEFAULT_WARNING_PERCENT);
        };
    }

    /** Every policy, in the order given. */
    public List<SlaPolicy> all() {
        return List.copyOf(byId.values());
    }

    /** The policy with this id. */
    public Optional<SlaPolicy> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The policies whose clocks run for this subject (a subject may have several clocks). */
    public List<SlaPolicy> appliesTo(SlaSubject subject) {
        return byId.values().stream().filter(p -> p.appliesTo().equals(subject)).toList();
    }

    /** This set with {@code policy} added, or replacing the policy with its id. */
    public SlaPolicies with(SlaPolicy policy) {
        var copy = new LinkedHashMap<>(byId);
        copy.put(policy.id(), policy);
        return new SlaPolicies(Collections.unmodifiableMap(copy));
    }
}
