package io.gridpulse.cockpit.layers;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/** The time range of the demand heat layer, carried as {@code ?range=}. */
public enum HeatRange {
    LAST_HOUR("1h"),
    TODAY("today"),
    LAST_7_DAYS("7d"),
    LAST_30_DAYS("30d");

    private final String id;

    HeatRange(String id) {
        this.id = id;
    }

    /** The name in the URL and translation keys ({@code map.heat.range.<id>}). */
    public String id() {
        return id;
    }

    /** Where the range starts when it ends now; "today" starts at local midnight in {@code zone}. */
    public Instant from(Instant now, ZoneId zone) {
        return switch (this) {
            case LAST_HOUR -> now.minus(Duration.ofHours(1));
            case TODAY -> LocalDate.ofInstant(now, zone).atStartOfDay(zone).toInstant();
            case LAST_7_DAYS -> now.minus(Duration.ofDays(7));
            case LAST_30_DAYS -> now.minus(Duration.ofDays(30));
        };
    }

    static Optional<HeatRange> fromId(String id) {
        for (var range : values()) {
            if (range.id.equals(id)) {
                return Optional.of(range);
            }
        }
        return Optional.empty();
    }
}
