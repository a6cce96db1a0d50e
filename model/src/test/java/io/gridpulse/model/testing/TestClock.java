package io.gridpulse.model.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;

/**
 * The clock every test builds its scenario from, and gives to the systems it starts (the edge, the job,
 * the cockpit). It is the system clock, unless {@code -Dgridpulse.test.clock=2026-12-13T23:59:00+08:00}
 * moves it: then it starts at that moment when the test JVM loads this class and runs on at the system
 * clock's pace. {@code ./gridpulse test --at MOMENT} sets it, so that a test which holds only on some days
 * or hours fails on the moments chosen to stress period boundaries, not on the day it happens to run.
 */
public final class TestClock {
    /** The system property that moves the clock. */
    public static final String PROPERTY = "gridpulse.test.clock";
    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String SETTING = System.getProperty(PROPERTY, "");
    private static final Clock CLOCK = from(SETTING, Clock.systemUTC());

    private TestClock() {}

    /** The clock of this test JVM (UTC). */
    public static Clock get() {
        return CLOCK;
    }

    public static Instant now() {
        return CLOCK.instant();
    }

    /** Now in Shanghai, the zone the programmes count their days in. */
    public static ZonedDateTime nowInShanghai() {
        return ZonedDateTime.now(CLOCK.withZone(SHANGHAI));
    }

    /** Now in Shanghai with its offset, as terminals write {@code occurredAt}. */
    public static OffsetDateTime offsetNow() {
        return OffsetDateTime.now(CLOCK.withZone(SHANGHAI));
    }

    /**
     * The JVM options that give a child JVM this clock, going on from now (none when the clock is the system's):
     * a child started later, or started again, must not go back to the moment this JVM started at.
     */
    public static java.util.List<String> jvmOptions() {
        return moved() ? java.util.List.of("-D" + PROPERTY + "=" + offsetNow()) : java.util.List.of();
    }

    /** Whether the setting moved the clock. */
    public static boolean moved() {
        return !SETTING.isBlank();
    }

    /** The system clock, or one that starts at {@code start} (RFC 3339 with an offset) and runs on with it. */
    static Clock from(String start, Clock system) {
        if (start == null || start.isBlank()) {
            return system;
        }
        try {
            var at = OffsetDateTime.parse(start.strip()).toInstant();
            return Clock.offset(system, Duration.between(system.instant(), at));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("-D" + PROPERTY + " must be a moment with its offset, such as "
                    + "2026-12-13T23:59:00+08:00; got '" + start + "'", e);
        }
    }
}
