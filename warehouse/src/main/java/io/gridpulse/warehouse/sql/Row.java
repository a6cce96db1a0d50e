package io.gridpulse.warehouse.sql;

import java.time.Instant;
import java.util.Map;

/**
 * One row of a query's answer, read by column name and type. Values arrive as {@link io.gridpulse.warehouse.ClickHouse}
 * normalises them (Long, Double, Boolean, String, null); a column that is missing, or of another type than asked,
 * fails with its name, instead of a ClassCastException three calls later.
 */
public record Row(Map<String, Object> values) {

    /** A string column; NULL reads as null. */
    public String string(String column) {
        var value = value(column);
        return value == null ? null : value.toString();
    }

    /** A string column that is never NULL; NULL reads as {@code ""}. */
    public String text(String column) {
        var value = string(column);
        return value == null ? "" : value;
    }

    /** An integer column; NULL is an error. */
    public long longValue(String column) {
        return number(column, true).longValue();
    }

    public int intValue(String column) {
        return Math.toIntExact(longValue(column));
    }

    /** A floating-point column; NULL is an error. */
    public double doubleValue(String column) {
        return number(column, true).doubleValue();
    }

    /** A floating-point column that may be NULL. */
    public Double nullableDouble(String column) {
        var n = number(column, false);
        return n == null ? null : n.doubleValue();
    }

    /** An instant from a column of epoch milliseconds ({@code toUnixTimestamp64Milli(...)}); NULL reads as null. */
    public Instant instantFromMillis(String column) {
        var n = number(column, false);
        return n == null ? null : Instant.ofEpochMilli(n.longValue());
    }

    private Number number(String column, boolean required) {
        var value = value(column);
        if (value == null) {
            if (required) {
                throw new IllegalStateException("the column " + column + " is NULL");
            }
            return null;
        }
        if (value instanceof Number n) {
            return n;
        }
        throw new IllegalStateException("the column " + column + " holds " + value.getClass().getSimpleName()
                + " '" + value + "', not a number");
    }

    private Object value(String column) {
        if (!values.containsKey(column)) {
            throw new IllegalStateException("no column " + column + " in the row; it has " + values.keySet());
        }
        return values.get(column);
    }
}
