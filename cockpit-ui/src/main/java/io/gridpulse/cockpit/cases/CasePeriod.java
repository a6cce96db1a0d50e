package io.gridpulse.cockpit.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The periods the case list offers, each ending at the end of today (local time), by the id the URL carries
 * ({@code /cases?period=today|7d|30d|all}).
 */
public enum CasePeriod {
    /** Cases raised today: the map's "demands today". */
    TODAY("today", 1),
    WEEK("7d", 7),
    MONTH("30d", 30),
    /** Cases raised at any time: the cases behind alerts still open, however old the case. */
    ALL("all", 0);

    private final String id;
    private final int days;

    CasePeriod(String id, int days) {
        this.id = id;
        this.days = days;
    }

    public String id() {
        return id;
    }

    /** The period with this id, empty for anything else. */
    public static Optional<CasePeriod> fromId(String id) {
        for (var period : values()) {
            if (period.id.equals(id)) {
                return Optional.of(period);
            }
        }
        return Optional.empty();
    }

    /** The first instant of the period (inclusive) on the day {@code today}. */
    public Instant from(LocalDate today, ZoneId zone) {
        return this == ALL ? Instant.EPOCH : today.minusDays(days - 1L).atStartOfDay(zone).toInstant();
    }

    /** The end of the period (exclusive): the end of {@code today}. */
    public Instant to(LocalDate today, ZoneId zone) {
        return today.plusDays(1).atStartOfDay(zone).toInstant();
    }
}
