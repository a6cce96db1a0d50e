package io.gridpulse.warehouse;

/**
 * A ClickHouse statement failed or the warehouse could not be opened; the message carries
 * ClickHouse's own words and, for statements, the start of the SQL that was sent.
 */
public final class WarehouseException extends RuntimeException {

    private static final int SQL_SHOWN = 300;

    public WarehouseException(String message) {
        super(message);
    }

    public WarehouseException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A statement failed: {@code clickHouseMessage} is what ClickHouse said about {@code sql}. */
    public static WarehouseException ofStatement(String clickHouseMessage, String sql, Throwable cause) {
        return new WarehouseException(clickHouseMessage.strip() + "\n  SQL: " + shorten(sql), cause);
    }

    static String shorten(String sql) {
        var oneLine = sql.strip();
        return oneLine.length() <= SQL_SHOWN
                ? oneLine
                : oneLine.substring(0, SQL_SHOWN) + "... (" + oneLine.length() + " chars)";
    }
}
