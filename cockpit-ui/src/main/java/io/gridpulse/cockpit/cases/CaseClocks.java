package io.gridpulse.cockpit.cases;

import io.gridpulse.model.event.DemandClass;
import io.gridpulse.model.sla.DeadlineCalculator;
import io.gridpulse.model.sla.SlaPolicies;
import io.gridpulse.model.sla.SlaSubject;
import io.gridpulse.warehouse.AlertRow;

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

    /** One clock: {@code level} is the escalation level when {@link State#ESCALATED}. */
    record Clock(String policyId, Instant deadline, State state, int level, Instant since) { }

    private CaseClocks() {}

    static List<Clock> of(Instant createdAt, String demandClass, List<AlertRow> alerts, DeadlineCalculator deadlines) {
        var byPolicy = new LinkedHashMap<String, Clock>();
        for (var a : alerts.stream().sorted(Comparator.comparing(AlertRow::raisedAt)).toList()) {
            var clock = new Clock(a.policyId(), a.deadline(), state(a), a.level(), a.raisedAt());
            byPolicy.merge(a.policyId(), clock, CaseClocks::worse);
        }
        if (createdAt != null) {
            for (var policy : applicable(demandClass)) {
                byPolicy.computeIfAbsent(policy.id(), id -> {
                    Instant deadline;
                    try {
                        deadline = deadlines.deadline(createdAt, policy.limit());
                    } catch (RuntimeException noCalendar) {
                        // a recurring limit or a year without a calendar: the clock is shown without a deadline
                        deadline = null;
                    }
                    return new Clock(id, deadline, State.QUIET, 0, null);
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

    private static State state(AlertRow a) {
        if (AlertRow.CLEARED.equals(a.status())) {
            return State.CLEARED;
        }
        return switch (a.kind()) {
            case "sla_warning" -> State.WARNING;
            case "sla_escalation" -> State.ESCALATED;
            default -> State.BREACHED;
        };
    }
}
