package io.gridpulse.warehouse.audit;

import io.gridpulse.warehouse.ClickHouse;
import io.gridpulse.warehouse.SqlLiteral;
import io.gridpulse.warehouse.Warehouse;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The tamper-evident audit log (table {@code gridpulse.audit_log}, migration V010): sign-ins, views
 * and exports appended as a hash chain, and a verifier that reads the chain back. One process
 * appends to one log (appends are serialised here); two writers on one table would fork the chain,
 * which the verifier reports.
 */
public final class AuditLog {
    /** How many rows the verifier reads per query, so a long log never sits in memory at once. */
    static final int PAGE = 10_000;

    private final ClickHouse clickHouse;
    private final String table;
    private final Clock clock;
    private final int pageSize;
    private long headSeq = -1;
    private String headHash;

    AuditLog(ClickHouse clickHouse, String table, Clock clock) {
        this(clickHouse, table, clock, PAGE);
    }

    AuditLog(ClickHouse clickHouse, String table, Clock clock, int pageSize) {
        this.clickHouse = clickHouse;
        this.table = table;
        this.clock = clock;
        this.pageSize = pageSize;
    }

    /** The audit log of this warehouse, stamped by the system clock. */
    public static AuditLog of(Warehouse warehouse) {
        return of(warehouse, Clock.systemUTC());
    }

    /** The audit log of this warehouse, stamped by the given clock. */
    public static AuditLog of(Warehouse warehouse, Clock clock) {
        return new AuditLog(warehouse.clickHouse(), "gridpulse.audit_log", clock);
    }

    /** Appends one row at the current time and returns it, with its place in the chain. */
    public synchronized AuditEntry append(String user, String action, String target) {
        if (headSeq < 0) {
            loadHead();
        }
        var at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        long seq = headSeq + 1;
        var hash = AuditChain.hash(headHash, seq, at, user, action, target);
        var entry = new AuditEntry(seq, at, user, action, target, headHash, hash);
        var sql = new StringBuilder(256).append("INSERT INTO ").append(table)
                .append(" (seq, at, user_name, action, target, prev_hash, hash) VALUES (")
                .append(seq).append(", ").append(SqlLiteral.dateTime64(at)).append(", ");
        SqlLiteral.appendString(sql, user).append(", ");
        SqlLiteral.appendString(sql, action).append(", ");
        SqlLiteral.appendString(sql, target).append(", ");
        SqlLiteral.appendString(sql, entry.prevHash()).append(", ");
        SqlLiteral.appendString(sql, hash).append(')');
        clickHouse.execute(sql.toString());
        headSeq = seq;
        headHash = hash;
        return entry;
    }

    /** Up to {@code limit} rows after {@code afterSeq} (0 for the first), in chain order. */
    public List<AuditEntry> entries(long afterSeq, int limit) {
        var out = new ArrayList<AuditEntry>();
        for (var row : clickHouse.query("SELECT seq, toUnixTimestamp64Milli(at) AS at_ms, user_name, action, target,"
                + " prev_hash, hash FROM " + table + " WHERE seq > " + afterSeq + " ORDER BY seq LIMIT " + limit)) {
            out.add(entry(row));
        }
        return out;
    }

    /** The newest rows, newest first. */
    public List<AuditEntry> latest(int limit) {
        var out = new ArrayList<AuditEntry>();
        for (var row : clickHouse.query("SELECT seq, toUnixTimestamp64Milli(at) AS at_ms, user_name, action, target,"
                + " prev_hash, hash FROM " + table + " ORDER BY seq DESC LIMIT " + limit)) {
            out.add(entry(row));
        }
        return out;
    }

    /**
     * Reads the whole chain in order and checks every link. Rows are read by position, not by
     * sequence number, so a duplicated or reordered row is seen as such rather than skipped.
     */
    public ChainCheck verify() {
        var chain = AuditChain.start();
        // keyset paging on (seq, hash): every row once, duplicates of a seq included, no OFFSET scans
        String after = "";
        while (true) {
            var page = new ArrayList<AuditEntry>();
            for (var row : clickHouse.query("SELECT seq, toUnixTimestamp64Milli(at) AS at_ms, user_name, action, target,"
                    + " prev_hash, hash FROM " + table + after + " ORDER BY seq, hash LIMIT " + pageSize)) {
                page.add(entry(row));
            }
            for (var entry : page) {
                chain = chain.next(entry);
            }
            var verdict = chain.verdict();
            if (!verdict.intact() || page.size() < pageSize) {
                return verdict;
            }
            var last = page.getLast();
            after = " WHERE (seq, hash) > (" + last.seq() + ", " + SqlLiteral.string(last.hash()) + ")";
        }
    }

    private void loadHead() {
        var rows = clickHouse.query("SELECT seq, hash FROM " + table + " ORDER BY seq DESC LIMIT 1");
        if (rows.isEmpty()) {
            headSeq = 0;
            headHash = AuditChain.GENESIS;
        } else {
            headSeq = ((Number) rows.getFirst().get("seq")).longValue();
            headHash = (String) rows.getFirst().get("hash");
        }
    }

    private static AuditEntry entry(Map<String, Object> row) {
        return new AuditEntry(((Number) row.get("seq")).longValue(),
                Instant.ofEpochMilli(((Number) row.get("at_ms")).longValue()), (String) row.get("user_name"),
                (String) row.get("action"), (String) row.get("target"), (String) row.get("prev_hash"),
                (String) row.get("hash"));
    }
}
