package io.gridpulse.model.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.Objects;

/**
 * Computes when an SLA clock warns, is due and escalates, from the instant a case was created:
 * clock limits in elapsed time, working-day limits on the {@link WorkingDayCalendar} in one zone.
 */
public final class DeadlineCalculator {

    /** Working days are counted on the dates of this zone unless configured otherwise. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    private final WorkingDayCalendar calendar;
    private final ZoneId zone;

    /** A calculator counting working days in {@link #DEFAULT_ZONE}. */
    public DeadlineCalculator(WorkingDayCalendar calendar) {
        this(calendar, DEFAULT_ZONE);
    }

    /** A calculator counting working days on the dates of {@code zone}. */
    public DeadlineCalculator(WorkingDayCalendar calendar, ZoneId zone) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** The zone whose dates working days are counted on. */
    public ZoneId zone() {
        return zone;
    }

    /**
     * When a clock started at {@code createdAt} is due. Clock limits: {@code createdAt} plus the
     * duration, holidays included. Working days: the end (24:00 local, the start of the next day)
     * of the Nth working day after the local creation date, which is never counted itself.
     * Recurring: one period later in local calendar terms (Jan 31 + 1 month = Feb 28).
     *
     * @throws CalendarNotLoadedException if a working-day count reaches a year the calendar lacks
     */
    public Instant deadline(Instant createdAt, SlaLimit limit) {
        Objects.requireNonNull(createdAt, "createdAt");
        return switch (limit) {
            case SlaLimit.ClockHours(var duration) -> createdAt.plus(duration);
            case SlaLimit.WorkingDays(var days) -> startOf(lastWorkingDay(createdAt, days).plusDays(1));
            case SlaLimit.Recurring(var every) -> createdAt.atZone(zone).plus(every).toInstant();
        };
    }

    /**
     * When a clock warns by default: clock and recurring limits at {@value SlaPolicies#DEFAULT_WARNING_PERCENT}%
     * of the allowance, working-day limits at the start (00:00 local) of the last working day.
     */
    public Instant warningAt(Instant createdAt, SlaLimit limit) {
        return warningAt(createdAt, limit, SlaPolicies.defaultWarning(limit));
    }

    /**
     * When a clock warns under {@code rule}.
     *
     * @throws IllegalArgumentException for {@link WarningRule.AtStartOfLastWorkingDay} on a limit
     *         that is not in working days
     */
    public Instant warningAt(Instant createdAt, SlaLimit limit, WarningRule rule) {
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(limit, "limit");
        return switch (rule) {
            case WarningRule.AtPercentOfAllowance(var percent) ->
                    createdAt.plus(Duration.between(createdAt, deadline(createdAt, limit))
                            .multipliedBy(percent).dividedBy(100));
            case WarningRule.AtStartOfLastWorkingDay() -> {
                if (!(limit instanceof SlaLimit.WorkingDays(var days))) {
                    throw new IllegalArgumentException(
                            "a warning at the start of the last working day needs a working-day limit, not " + limit);
                }
                yield startOf(lastWorkingDay(createdAt, days));
            }
        };
    }

    /**
     * A clock's warning and deadline, and the years it counted working days in without their State Council notice.
     *
     * @param provisionalYears the years whose notice is not loaded: in them, only the statutory holidays counted
     *                         (see {@link StatutoryHolidays}), so the instants may move when the notice is loaded
     */
    public record Schedule(Instant warningAt, Instant deadline, SortedSet<Integer> provisionalYears) {
        public Schedule {
            Objects.requireNonNull(warningAt, "warningAt");
            Objects.requireNonNull(deadline, "deadline");
            provisionalYears = Collections.unmodifiableSortedSet(new TreeSet<>(provisionalYears));
        }

        /** Whether the instants rest on a year without its notice. */
        public boolean provisional() {
            return !provisionalYears.isEmpty();
        }
    }

    /**
     * When a clock started at {@code createdAt} warns and is due, as {@link #deadline} and {@link #warningAt} compute
     * them, except that it never refuses: a working-day count that reaches a year the calendar lacks counts the
     * weekdays that are not statutory holidays there, and says so ({@link Schedule#provisional()}). Clocks keep
     * running when a year's notice is late; they are computed again once it is loaded.
     *
     * @throws CalendarNotLoadedException only for a year outside {@link StatutoryHolidays#FIRST_YEAR} to
     *         {@link StatutoryHolidays#LAST_YEAR}
     */
    public Schedule schedule(Instant createdAt, SlaLimit limit, WarningRule rule) {
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(rule, "rule");
        var provisional = new TreeSet<Integer>();
        Instant deadline = switch (limit) {
            case SlaLimit.ClockHours(var duration) -> createdAt.plus(duration);
            case SlaLimit.WorkingDays(var days) -> startOf(lastWorkingDay(createdAt, days, provisional).plusDays(1));
            case SlaLimit.Recurring(var every) -> createdAt.atZone(zone).plus(every).toInstant();
        };
        Instant warning = switch (rule) {
            case WarningRule.AtPercentOfAllowance(var percent) ->
                    createdAt.plus(Duration.between(createdAt, deadline).multipliedBy(percent).dividedBy(100));
            case WarningRule.AtStartOfLastWorkingDay() -> {
                if (!(limit instanceof SlaLimit.WorkingDays(var days))) {
                    throw new IllegalArgumentException(
                            "a warning at the start of the last working day needs a working-day limit, not " + limit);
                }
                yield startOf(lastWorkingDay(createdAt, days, provisional));
            }
        };
        return new Schedule(warning, deadline, provisional);
    }

    /** {@link #schedule(Instant, SlaLimit, WarningRule)} with the limit's default warning. */
    public Schedule schedule(Instant createdAt, SlaLimit limit) {
        return schedule(createdAt, limit, SlaPolicies.defaultWarning(limit));
    }

    /** The calendar the working days are counted on. */
    public WorkingDayCalendar calendar() {
        return calendar;
    }

    /** The escalation instants after {@code deadline} at the default offsets (+0, +24 h, +72 h). */
    public List<Instant> escalations(Instant deadline) {
        return escalations(deadline, SlaPolicies.DEFAULT_ESCALATION_OFFSETS);
    }

    /**
     * The instants a breached clock escalates up the hierarchy, one per offset from the deadline:
     * the first offset hands the case from grid to community, the next to street, the next to city.
     *
     * @throws IllegalArgumentException if an offset is negative or smaller than the one before it
     */
    public List<Instant> escalations(Instant deadline, List<Duration> offsets) {
        Objects.requireNonNull(deadline, "deadline");
        var previous = Duration.ZERO;
        for (var offset : offsets) {
            if (offset.isNegative()) {
                throw new IllegalArgumentException("escalation offsets must not be negative, got " + offset);
            }
            if (offset.compareTo(previous) < 0) {
                throw new IllegalArgumentException("escalation offsets must not decrease, got " + offsets);
            }
            previous = offset;
        }
        return offsets.stream().map(deadline::plus).toList();
    }

    private LocalDate lastWorkingDay(Instant createdAt, int days) {
        return calendar.plusWorkingDays(LocalDate.ofInstant(createdAt, zone), days);
    }

    /** The Nth working day after the creation date; a day of a year without its notice counts provisionally. */
    private LocalDate lastWorkingDay(Instant createdAt, int days, SortedSet<Integer> provisionalYears) {
        var day = LocalDate.ofInstant(createdAt, zone);
        for (int counted = 0; counted < days; ) {
            day = day.plusDays(1);
            if (calendar.covers(day.getYear())) {
                if (calendar.isWorkingDay(day)) {
                    counted++;
                }
            } else {
                if (day.getYear() < StatutoryHolidays.FIRST_YEAR || day.getYear() > StatutoryHolidays.LAST_YEAR) {
                    calendar.isWorkingDay(day); // refuses, naming the year
                }
                provisionalYears.add(day.getYear());
                if (WorkingDayCalendar.isProvisionalWorkingDay(day)) {
                    counted++;
                }
            }
        }
        return day;
    }

    private Instant startOf(LocalDate date) {
        return date.atStartOfDay(zone).toInstant();
    }
}
