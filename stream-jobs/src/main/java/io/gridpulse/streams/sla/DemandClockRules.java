package io.gridpulse.streams.sla;

import io.gridpulse.model.event.DemandClass;
import io.gridpulse.model.sla.SlaLimit;
import io.gridpulse.model.sla.SlaPolicies;
import io.gridpulse.model.sla.SlaPolicy;
import io.gridpulse.model.sla.SlaSubject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which clocks a demand case runs and which lifecycle steps stop them. The limits come from the
 * policies (configuration); what counts as "responded" or "connected" is the domain's, and lives here.
 */
final class DemandClockRules {
    static final String CREATED = "demand.created";
    static final String CLASSIFIED = "demand.classified";
    static final String ASSIGNED = "demand.assigned";
    static final String RESPONDED = "demand.responded";
    static final String RESOLVED = "demand.resolved";
    static final String CLOSED = "demand.closed";
    static final String REOPENED = "demand.reopened";
    static final String WHISTLE = "demand.whistle";

    /** Clocks keyed by what they measure; a clock stops at the first of its steps. */
    private static final Map<String, Set<String>> STOPPED_BY = Map.of(
            "resolve_now.first_response", Set.of(RESPONDED, RESOLVED, CLOSED),
            "coordinate.connected", Set.of(ASSIGNED, RESPONDED, RESOLVED, CLOSED),
            "complex_problem.closed_loop", Set.of(RESOLVED, CLOSED),
            "ledger_problem.resolved", Set.of(RESOLVED, CLOSED),
            "counselling.response", Set.of(RESPONDED, RESOLVED, CLOSED),
            "cross_department.response", Set.of(RESPONDED, RESOLVED, CLOSED));
    /** Clocks that run again from a reopening. */
    private static final Set<String> RESTART_ON_REOPEN = Set.of("complex_problem.closed_loop", "ledger_problem.resolved");

    private final SlaPolicies policies;

    DemandClockRules(SlaPolicies policies) {
        this.policies = policies;
    }

    /**
     * The one-shot clocks a case starts with: those of its handling class, the closed loop of a
     * coordinated (complex) case, and those of its demand type. Recurring obligations are not case clocks.
     */
    List<SlaPolicy> atCreation(String demandClass, String demandType) {
        var out = new ArrayList<SlaPolicy>();
        var cls = demandClass(demandClass);
        if (cls != null) {
            out.addAll(policies.appliesTo(new SlaSubject.OfDemandClass(cls)));
            if (cls == DemandClass.COORDINATE) {
                out.addAll(policies.appliesTo(new SlaSubject.OfCaseType("complex_problem")));
            }
        }
        if (demandType != null && demandType.matches("[a-z][a-z0-9_]*")) {
            out.addAll(policies.appliesTo(new SlaSubject.OfCaseType(demandType)));
        }
        return out.stream().filter(p -> !(p.limit() instanceof SlaLimit.Recurring) && STOPPED_BY.containsKey(p.id())).toList();
    }

    List<SlaPolicy> atWhistle() {
        return policies.appliesTo(new SlaSubject.OfCaseType("cross_department"));
    }

    boolean restartsOnReopen(String policyId) {
        return RESTART_ON_REOPEN.contains(policyId);
    }

    /** The steps that stop a clock. */
    Set<String> stoppedBy(String policyId) {
        return STOPPED_BY.getOrDefault(policyId, Set.of());
    }

    SlaPolicy policy(String id) {
        return policies.byId(id).orElseThrow(() -> new IllegalStateException("no SLA policy " + id));
    }

    private static DemandClass demandClass(String wire) {
        for (var c : DemandClass.values()) {
            if (c.name().equalsIgnoreCase(wire)) {
                return c;
            }
        }
        return null;
    }
}
