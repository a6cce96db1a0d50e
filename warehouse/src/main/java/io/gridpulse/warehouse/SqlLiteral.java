package io.gridpulse.warehouse;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Renders Java values as ClickHouse SQL literals, so that one SQL text serves both the embedded
 * and the server connection. Strings are quoted with every character ClickHouse treats specially
 * escaped; anything else (Chinese text, emoji) passes through as UTF-8.
 */
public final class SqlLiteral {

    private static final DateTimeFormatter MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private SqlLiteral() {
    }

    /** A quoted string literal: {@code 'it\'s'}. */
    public static String string(String value) {
        var out = new StringBuilder(value.length() + 8).append('\'');
        appendEscaped(out, value);
        return out.append('\'').toString();
    }

    /** Appends {@code value} as a quoted string literal. */
    public static StringBuilder appendString(StringBuilder out, String value) {
        out.append('\'');
        appendEscaped(out, value);
        return out.append('\'');
    }

    /** A DateTime64(3) literal in UTC, for columns declared {@code DateTime64(3, 'UTC')}. */
    public static String dateTime64(Instant instant) {
        return "'" + MILLIS.format(instant) + "'";
    }

    /** A Float64 literal or NULL; non-finite values become NULL (ClickHouse would store them, JSON could not). */
    public static String nullableDouble(Double value) {
        return value == null || !Double.isFinite(value) ? "NULL" : Double.toString(value);
    }

    private static void appendEscaped(StringBuilder out, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\'' -> out.append("\\'");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\0' -> out.append("\\0");
                default -> {
                    if (c < 0x20) {
                        out.append("\\x").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xF, 16));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }
}
