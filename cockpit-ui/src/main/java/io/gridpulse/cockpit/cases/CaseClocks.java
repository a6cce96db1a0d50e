package io.gridpulse.cockpit.cases;

import io.gridpulse.model.alerts.Alert;
import io.gridpulse.model.event.DemandClass;
import io.gridpulse.model.sla.DeadlineCalculator;
import io.gridpulse.model.sla.SlaPolicies;
import io.gridpulse.model.sla.SlaSubject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The SLA clocks of one case as its page shows them: one row per policy, with its deadline and where it
 * stands. A policy whose clock raised alerts takes its deadline and state from its latest, most
 * serious alert (what the stream job computed); a policy of the case's class that never raised one
 * shows the deadline the default rules give and the state {@link State#QUIET}.
 */
final class CaseClocks {

    /** Where a clock stands, least serious first. */
    enum State { QUIET, CLEARED, WARNING, BREACHED, ESCALATED }

    /**
     * One clock: {@code level} is the escalation level when {@link State#ESCALATED}; {@code provisionalYears} names the
     * years whose holiday notice its deadline was computed without (empty when exact).
     */
    record Clock(String policyId, Instant deadline, State state, int level, Instant since, String provisionalYears) {
        boolean provisional() {
            return !provisionalYears.isEmpty();
        }
    }

    /** The years an alert's detail says its deadline is provisional for ("2027"), or "". */
    static String provisionalYears(Alert alert) {
        var matcher = PROVISIONAL.matcher(alert.detail() == null ? "" : alert.detail());
        return matcher.find() ? matcher.group(1) : "";
    }

    private static final java.util.regex.Pattern PROVISIONAL = java.util.regex.Pattern.compile(
            "; provisional: no holiday notice for ([0-9,]+) is loaded");

    private CaseClocks() {}

    static List<Clock> of(Instant createdAt, String demandClass, List<Alert> alerts, DeadlineCalculator deadlines) {
        var byPolicy = new LinkedHashMap<String, Clock>();
        for (var a : alerts.stream().sorted(Comparator.comparing(Alert::raisedAt)).toList()) {
            var clock = new Clock(a.policyId(), a.deadline(), state(a), a.level(), a.raisedAt(), provisionalYears(a));
            byPolicy.merge(a.policyId(), clock, CaseClocks::worse);
        }
        if (createdAt != null) {
            for (var policy : applicable(demandClass)) {
                byPolicy.computeIfAbsent(policy.id(), id -> {
                    try {
                        var schedule = deadlines.schedule(createdAt, policy.limit());
                        var years = schedule.provisionalYears().stream().map(String::valueOf)
                                .collect(java.util.stream.Collectors.joining(","));
                        return new Clock(id, schedule.deadline(), State.QUIET, 0, null, years);
                    } catch (RuntimeException beyondTheLaw) {
                        // a year past the statutory holidays known: the clock is shown without a deadline
                        return new Clock(id, null, State.QUIET, 0, null, "");
                    }
                });
            }
        }
        return new ArrayList<>(byPolicy.values());
    }

    private static List<io.gridpulse.model.sla.SlaPolicy> applicable(String demandClass) {
        for (var c : DemandClass.values()) {
            if (c.name().equalsIgnoreCase(demandClass)) {
                return SlaPolicies.defaults().appliesTo(new SlaSubject.OfDemandClass(c));
            }
        }
        return List.of();
    }

    /** An open state beats a cleared one; among open ones the more serious, and a later escalation level. */
    private static Clock worse(Clock a, Clock b) {
        boolean aOpen = a.state() != State.CLEARED;
        boolean bOpen = b.state() != State.CLEARED;
        if (aOpen != bOpen) {
            return aOpen ? a : b;
        }
        int byState = a.state().compareTo(b.state());
        if (byState != 0) {
            return byState > 0 ? a : b;
        }
        return a.level() >= b.level() ? a : b;
    }

    private static State state(Alert a) {
        if (!a.isOpen()) {
            return State.CLEARED;
        }
        return switch (a.kind()) {
            case SLA_WARNING -> State.WARNING;
            case SLA_ESCALATION -> State.ESCALATED;
            default -> State.BREACHED;
        };
    }
}
