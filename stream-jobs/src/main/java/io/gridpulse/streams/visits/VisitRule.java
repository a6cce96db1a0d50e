package io.gridpulse.streams.visits;

import io.gridpulse.model.sla.SlaPolicies;

import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A recurring visit obligation of docs/domain.md §3: every household of one priority group is visited at least
 * once in every calendar period (a week from Monday 00:00, or a month from the 1st 00:00, local time). A
 * period without a visit warns {@code warnBefore} before its end (default: at the start of its last day),
 * breaches at its end and escalates after it, by {@code escalationOffsets} from the end, as demand clocks do.
 *
 * @param group             the group's wire name, e.g. {@code elderly_alone}
 * @param cadence           the calendar period one visit is owed in
 * @param warnBefore        how long before the end of a period without a visit the warning comes
 * @param escalationOffsets escalation i (community, street, city) comes this long after the period end
 */
public record VisitRule(String group, Cadence cadence, Duration warnBefore, List<Duration> escalationOffsets)
        implements Serializable {

    /** The calendar periods an obligation recurs in. */
    public enum Cadence {
        WEEK("weekly"), MONTH("monthly");

        private final String adjective;

        Cadence(String adjective) {
            this.adjective = adjective;
        }

        /** Parses week or month (any case), as in configuration. */
        public static Cadence parse(String text) {
            return switch (text.strip().toLowerCase(Locale.ROOT)) {
                case "week", "weekly" -> WEEK;
                case "month", "monthly" -> MONTH;
                default -> throw new IllegalArgumentException("a visit period is week, month or off, got \"" + text + "\"");
            };
        }
    }

    /** Domain.md §3: the warning at the start of the last day of the period. */
    public static final Duration DEFAULT_WARN_BEFORE = Duration.ofDays(1);

    public VisitRule {
        if (!group.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("a group is a lower_snake wire name, got \"" + group + "\"");
        }
        if (warnBefore.isNegative() || warnBefore.isZero() || warnBefore.compareTo(Duration.ofDays(7)) >= 0) {
            throw new IllegalArgumentException("a visit warning comes 1 hour to 6 days before the period end, got " + warnBefore);
        }
        escalationOffsets = List.copyOf(escalationOffsets);
    }

    /** An obligation with the default warning and the demand clocks' escalations (+0, +24 h, +72 h). */
    public static VisitRule of(String group, Cadence cadence) {
        return new VisitRule(group, cadence, DEFAULT_WARN_BEFORE, SlaPolicies.DEFAULT_ESCALATION_OFFSETS);
    }

    /** The rule's name, the policy id of its alerts: {@code visit.elderly_alone.weekly}. */
    public String id() {
        return "visit." + group + "." + cadence.adjective;
    }

    /** The start of the period {@code at} falls in. */
    public Instant periodStart(Instant at, ZoneId zone) {
        var day = at.atZone(zone).toLocalDate();
        var first = switch (cadence) {
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
        };
        return first.atStartOfDay(zone).toInstant();
    }

    /** The start of the period after the one starting at {@code start}: the end of that one. */
    public Instant nextStart(Instant start, ZoneId zone) {
        var day = start.atZone(zone).toLocalDate();
        return (cadence == Cadence.WEEK ? day.plusWeeks(1) : day.plusMonths(1)).atStartOfDay(zone).toInstant();
    }

    /**
     * The first period a household is held to when it enters the group at {@code at}: the one starting
     * then, if {@code at} is a period start, else the next one (see {@link VisitObligationClocks}).
     */
    public Instant firstHeldPeriod(Instant at, ZoneId zone) {
        var start = periodStart(at, zone);
        return start.equals(at) ? start : nextStart(start, zone);
    }

    /** The instants of the stages of the period ending at {@code end}: warning, breach, escalations. */
    public List<Instant> stages(Instant end) {
        var out = new ArrayList<Instant>();
        out.add(end.minus(warnBefore));
        out.add(end);
        escalationOffsets.forEach(offset -> out.add(end.plus(offset)));
        return out;
    }
}
