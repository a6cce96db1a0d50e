package io.gridpulse.warehouse;

import io.gridpulse.warehouse.sql.Sql;

import java.util.List;

/** The dead letters ({@code gridpulse.dead_letters}, V002): inputs the job could not read or place, kept for review. */
public final class DeadLetterStore {
    private static final String DEAD_LETTER_COLUMNS = "event_id, received_at, source, reason, payload";

    /** A dead letter carries the input as it came: a few hundred bytes of SQL text each. */
    private static final int BYTES_PER_ROW_GUESS = 400;
    private final ClickHouse clickHouse;

    DeadLetterStore(ClickHouse clickHouse) {
        this.clickHouse = clickHouse;
    }

    /** Writes dead letters in one INSERT. */
    public void insert(List<DeadLetterRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        // many VALUES tuples: written with SqlLiteral, as named parameters would need a name per value
        var sql = new StringBuilder(128 + rows.size() * BYTES_PER_ROW_GUESS)
                .append("INSERT INTO gridpulse.dead_letters (").append(DEAD_LETTER_COLUMNS).append(") ")
                .append(Warehouse.SYNCHRONOUS_INSERT).append(" VALUES ");
        for (int i = 0; i < rows.size(); i++) {
            var row = rows.get(i);
            sql.append(i == 0 ? "(" : ",\n(");
            SqlLiteral.appendString(sql, row.eventId()).append(", ");
            sql.append(SqlLiteral.dateTime64(row.receivedAt())).append(", ");
            SqlLiteral.appendString(sql, row.source()).append(", ");
            SqlLiteral.appendString(sql, row.reason()).append(", ");
            SqlLiteral.appendString(sql, row.payload()).append(')');
        }
        clickHouse.execute(sql.toString());
    }

    /** The number of dead letters kept. */
    public long count() {
        return clickHouse.count(Sql.of("SELECT count() AS n FROM gridpulse.dead_letters"));
    }

    /** The newest dead letters first. */
    public List<DeadLetterRow> recent(int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return clickHouse.query(Sql.of("SELECT event_id, toUnixTimestamp64Milli(received_at) AS received_ms, source,"
                        + " reason, payload FROM gridpulse.dead_letters ORDER BY received_at DESC LIMIT :limit").bind("limit", limit),
                row -> new DeadLetterRow(row.text("event_id"), row.instantFromMillis("received_ms"), row.text("source"),
                        row.text("reason"), row.text("payload")));
    }
}
