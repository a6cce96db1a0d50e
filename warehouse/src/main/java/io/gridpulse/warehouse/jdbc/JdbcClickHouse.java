package io.gridpulse.warehouse.jdbc;

import io.gridpulse.warehouse.ClickHouse;
import io.gridpulse.warehouse.WarehouseException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A ClickHouse server reached over HTTP through clickhouse-jdbc. One JDBC connection per handle;
 * calls on it are serialised because a JDBC connection is not meant for concurrent statements.
 */
public final class JdbcClickHouse implements ClickHouse {

    private final String url;
    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();

    private JdbcClickHouse(String url, Connection connection) {
        this.url = url;
        this.connection = connection;
    }

    /** Connects to {@code jdbcUrl}, e.g. {@code jdbc:clickhouse://localhost:8123/default?user=default&password=}. */
    public static JdbcClickHouse open(String jdbcUrl) {
        return open(jdbcUrl, new Properties());
    }

    /** Connects with extra driver properties (user, password, ...). */
    public static JdbcClickHouse open(String jdbcUrl, Properties properties) {
        try {
            return new JdbcClickHouse(jdbcUrl, DriverManager.getConnection(jdbcUrl, properties));
        } catch (SQLException e) {
            throw new WarehouseException("cannot connect to ClickHouse at " + redact(jdbcUrl) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void execute(String sql) {
        lock.lock();
        try (var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw WarehouseException.ofStatement(e.getMessage(), sql, e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<Map<String, Object>> query(String sql) {
        lock.lock();
        try (var statement = connection.createStatement(); var results = statement.executeQuery(sql)) {
            return read(results);
        } catch (SQLException e) {
            throw WarehouseException.ofStatement(e.getMessage(), sql, e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String describe() {
        return redact(url);
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new WarehouseException("closing the ClickHouse connection failed: " + e.getMessage(), e);
        }
    }

    private static List<Map<String, Object>> read(ResultSet results) throws SQLException {
        var meta = results.getMetaData();
        int columns = meta.getColumnCount();
        var rows = new ArrayList<Map<String, Object>>();
        while (results.next()) {
            var row = new LinkedHashMap<String, Object>(columns * 2);
            for (int i = 1; i <= columns; i++) {
                row.put(meta.getColumnLabel(i), normalise(results, i));
            }
            rows.add(row);
        }
        return rows;
    }

    /** The same value types as the embedded connection: Long, Double, Boolean, null or String. */
    private static Object normalise(ResultSet results, int column) throws SQLException {
        var value = results.getObject(column);
        return switch (value) {
            case null -> null;
            case BigInteger big -> big.longValue();
            case BigDecimal decimal -> decimal.doubleValue();
            case Float f -> f.doubleValue();
            case Double d -> d;
            case Number n -> n.longValue();
            case Boolean b -> b;
            default -> results.getString(column);
        };
    }

    private static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }
}
