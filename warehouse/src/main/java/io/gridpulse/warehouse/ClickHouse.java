package io.gridpulse.warehouse;

import io.gridpulse.warehouse.sql.Row;
import io.gridpulse.warehouse.sql.Sql;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A low-level connection to ClickHouse, embedded (chDB) or server (JDBC); both accept the same SQL.
 * Other modules use {@link Warehouse}; this is for migrations and tests.
 *
 * <p>{@link #query} returns rows as column name to value, in column order, with values normalised
 * the same way for both connections: {@code Long} for integer types (UInt64 above Long.MAX_VALUE
 * wraps), {@code Double} for floating-point and decimal types, {@code Boolean} for Bool,
 * {@code null} for NULL, and {@code String} for everything else (strings, dates, times, UUIDs,
 * arrays). Named queries convert dates explicitly (for example with {@code toUnixTimestamp64Milli})
 * so they never depend on a driver's text form of a date.
 */
public interface ClickHouse extends AutoCloseable {

    /** Runs a statement that returns no rows (DDL, INSERT ... VALUES, TRUNCATE). */
    void execute(String sql);

    /** Runs a query and returns all its rows; keep results small (this is not a streaming API). */
    List<Map<String, Object>> query(String sql);

    /** Runs a statement with named parameters that returns no rows. */
    default void execute(Sql sql) {
        execute(sql.render());
    }

    /** Runs a query with named parameters and reads each row with {@code reader}. */
    default <T> List<T> query(Sql sql, Function<Row, T> reader) {
        return query(sql.render()).stream().map(r -> reader.apply(new Row(r))).toList();
    }

    /** Runs a query with named parameters that answers one number in its first column of its one row. */
    default long count(Sql sql) {
        var rows = query(sql.render());
        if (rows.size() != 1 || rows.getFirst().isEmpty()) {
            throw new IllegalStateException("a count answers one row of one column, got " + rows.size() + " rows: " + sql);
        }
        return ((Number) rows.getFirst().values().iterator().next()).longValue();
    }

    /** A short name of the connection for messages: {@code chdb:/dir} or the JDBC URL without secrets. */
    String describe();

    @Override
    void close();
}
