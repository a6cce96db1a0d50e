package io.gridpulse.ingest.http;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;

/**
 * The one rule for instants in queries and answers. In: RFC 3339 with an offset, between 1970 and 2200 (what the
 * warehouse can hold; before 1970 Asia/Shanghai had a local mean time offset of +08:05:43 that RFC 3339 cannot write).
 * Out: RFC 3339 with seconds always written (Java's {@code OffsetDateTime.toString()} drops zero seconds, which
 * RFC 3339 does not allow) and milliseconds when there are any.
 */
public final class Instants {
    /** The first instant a query may name. */
    public static final Instant EARLIEST = Instant.EPOCH;
    /** The first instant a query may no longer name. */
    public static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");
    private static final String RANGE = "must lie between 1970 and 2200";
    private static final DateTimeFormatter RFC_3339 = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd'T'HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.MILLI_OF_SECOND, 0, 3, true).optionalEnd()
            .appendOffset("+HH:MM", "Z")
            .toFormatter();

    private Instants() {}

    /** The instant of a query parameter, null when it is absent or wrong (the problem is then recorded on the parameter). */
    public static Instant parameter(QueryParameters query, String name) {
        var value = query.single(name);
        if (value == null) {
            return null;
        }
        try {
            var instant = OffsetDateTime.parse(value).toInstant();
            if (!inRange(instant)) {
                query.reject(name, RANGE + ", got " + value);
                return null;
            }
            return instant;
        } catch (DateTimeParseException e) {
            query.reject(name, "must be RFC 3339 with its offset, e.g. 2026-11-23T09:30:00+08:00 or 2026-11-23T01:30:00Z"
                    + (value.contains(" ") ? " (a + in a URL means a space: write it as %2B)" : "") + "; got '" + value + "'");
            return null;
        }
    }

    /** Whether a query may name the instant. */
    public static boolean inRange(Instant instant) {
        return !instant.isBefore(EARLIEST) && instant.isBefore(LATEST);
    }

    /** The reason given when an instant lies outside what a query may name. */
    public static String rangeReason() {
        return RANGE;
    }

    /** RFC 3339 in the given zone's offset at that instant, seconds always, milliseconds when not zero. */
    public static String format(Instant instant, ZoneId zone) {
        var millis = instant.getNano() / 1_000_000 * 1_000_000;
        return instant.atZone(zone).withNano(millis).format(RFC_3339);
    }

    /** RFC 3339 to the second, in the given zone's offset. */
    public static String formatSeconds(Instant instant, ZoneId zone) {
        return instant.atZone(zone).withNano(0).format(RFC_3339);
    }
}
