package io.gridpulse.streams.visits;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The recurring visit obligations the job keeps clocks for. Defaults (docs/domain.md §3): the elderly living
 * alone weekly, left-behind children monthly. The "every household monthly" obligation is deliberately
 * not a per-household clock: 350k alerts at each month end would drown the watchers; it is the
 * coverage indicator instead.
 */
public record VisitRules(List<VisitRule> rules) implements Serializable {
    public static final String ELDERLY_ALONE = "elderly_alone";
    public static final String LEFT_BEHIND_CHILD = "left_behind_child";

    public VisitRules {
        rules = List.copyOf(rules);
        if (rules.stream().map(VisitRule::group).distinct().count() != rules.size()) {
            throw new IllegalArgumentException("one visit obligation per group, got " + rules);
        }
    }

    public static VisitRules defaults() {
        return new VisitRules(List.of(VisitRule.of(ELDERLY_ALONE, VisitRule.Cadence.WEEK),
                VisitRule.of(LEFT_BEHIND_CHILD, VisitRule.Cadence.MONTH)));
    }

    /**
     * These rules as the environment sets them: GP_VISIT_ELDERLY_ALONE_PERIOD (week),
     * GP_VISIT_LEFT_BEHIND_CHILD_PERIOD (month), each {@code week}, {@code month} or {@code off}, and
     * GP_VISIT_WARNING_HOURS (24: the warning at the start of the period's last day).
     *
     * @throws IllegalArgumentException naming the variable, if a value is not understood
     */
    public VisitRules withEnvironment(Map<String, String> env) {
        var out = new ArrayList<VisitRule>();
        for (var group : List.of(ELDERLY_ALONE, LEFT_BEHIND_CHILD)) {
            var name = "GP_VISIT_" + group.toUpperCase(java.util.Locale.ROOT) + "_PERIOD";
            var current = rules.stream().filter(r -> r.group().equals(group)).findFirst();
            var value = env.get(name);
            var warnHours = env.get("GP_VISIT_WARNING_HOURS");
            VisitRule rule;
            try {
                if (value == null || value.isBlank()) {
                    rule = current.orElse(null);
                } else if (value.strip().equalsIgnoreCase("off")) {
                    rule = null;
                } else {
                    rule = VisitRule.of(group, VisitRule.Cadence.parse(value));
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
            }
            if (rule != null && warnHours != null && !warnHours.isBlank()) {
                try {
                    rule = new VisitRule(group, rule.cadence(), Duration.ofHours(Long.parseLong(warnHours.strip())),
                            rule.escalationOffsets());
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("GP_VISIT_WARNING_HOURS must be a whole number of hours from 1 to 167, got \""
                            + warnHours + "\"", e);
                }
            }
            if (rule != null) {
                out.add(rule);
            }
        }
        return new VisitRules(out);
    }
}
