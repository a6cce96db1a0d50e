package io.gridpulse.model.sla;

import java.util.Objects;

/**
 * One SLA clock: what it applies to, how long it allows and when it warns. Defaults are in
 * {@link SlaPolicies#defaults()}; configuration may replace any of them.
 */
public record SlaPolicy(String id, String name, SlaSubject appliesTo, SlaLimit limit, WarningRule warning) {

    public SlaPolicy {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(appliesTo, "appliesTo");
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(warning, "warning");
        if (!id.matches("[a-z][a-z0-9_.]*")) {
            throw new IllegalArgumentException("a policy id is lower_snake ASCII (dots allowed), got \"" + id + "\"");
        }
        if (name.isBlank()) {
            throw new IllegalArgumentException("policy " + id + " needs a name");
        }
        if (warning instanceof WarningRule.AtStartOfLastWorkingDay && !(limit instanceof SlaLimit.WorkingDays)) {
            throw new IllegalArgumentException("policy " + id + ": a warning at the start of the last working day "
                    + "needs a working-day limit, not " + limit);
        }
    }

    /** A policy with the default warning for its limit ({@link SlaPolicies#defaultWarning(SlaLimit)}). */
    public SlaPolicy(String id, String name, SlaSubject appliesTo, SlaLimit limit) {
        this(id, name, appliesTo, limit, SlaPolicies.defaultWarning(limit));
    }
}
