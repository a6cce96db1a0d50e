package io.gridpulse.model.sla;

import java.time.Duration;
import java.time.Period;
import java.util.Objects;

/** How long an SLA clock allows: clock time, working days, or a recurring obligation. */
public sealed interface SlaLimit {

    /** Clock time, holidays included: due {@code duration} after creation. */
    record ClockHours(Duration duration) implements SlaLimit {

        public ClockHours {
            Objects.requireNonNull(duration, "duration");
            if (duration.isZero() || duration.isNegative()) {
                throw new IllegalArgumentException("a clock limit must be positive, got " + duration);
            }
        }
    }

    /**
     * Working days, the creation day not counted: due at the end (24:00 local) of the
     * {@code days}th working day after the creation date.
     */
    record WorkingDays(int days) implements SlaLimit {

        public WorkingDays {
            if (days < 1) {
                throw new IllegalArgumentException("a working-day limit must be at least 1 day, got " + days);
            }
        }
    }

    /**
     * An obligation that recurs (a visit every week, month or quarter): each occurrence is due one
     * {@code every} after the previous one, in local calendar terms.
     */
    record Recurring(Period every) implements SlaLimit {

        public Recurring {
            Objects.requireNonNull(every, "every");
            if (every.isZero() || every.isNegative()) { // isNegative: any unit below zero
                throw new IllegalArgumentException("a recurrence must be a positive period, got " + every);
            }
        }
    }

    /** A clock limit of this many hours. */
    static SlaLimit hours(long hours) {
        return new ClockHours(Duration.ofHours(hours));
    }

    /** A clock limit of this many minutes. */
    static SlaLimit minutes(long minutes) {
        return new ClockHours(Duration.ofMinutes(minutes));
    }

    /** A limit of this many working days. */
    static SlaLimit workingDays(int days) {
        return new WorkingDays(days);
    }

    /** An obligation recurring with this period. */
    static SlaLimit every(Period period) {
        return new Recurring(period);
    }
}
