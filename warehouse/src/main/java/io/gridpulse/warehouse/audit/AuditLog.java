package io.gridpulse.warehouse.audit;

import io.gridpulse.warehouse.ClickHouse;
import io.gridpulse.warehouse.Warehouse;
import io.gridpulse.warehouse.sql.Row;
import io.gridpulse.warehouse.sql.Sql;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;

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
        clickHouse.execute(Sql.of("INSERT INTO " + table + " (seq, at, user_name, action, target, prev_hash, hash)"
                        + " VALUES (:seq, :at, :user, :action, :target, :prevHash, :hash)")
                .bind("seq", seq).bind("at", at).bind("user", user).bind("action", action).bind("target", target)
                .bind("prevHash", entry.prevHash()).bind("hash", hash));
        headSeq = seq;
        headHash = hash;
        return entry;
    }

    /** Up to {@code limit} rows after {@code afterSeq} (0 for the first), in chain order. */
    public List<AuditEntry> entries(long afterSeq, int limit) {
        return clickHouse.query(Sql.of(select() + " WHERE seq > :afterSeq ORDER BY seq LIMIT :limit")
                .bind("afterSeq", afterSeq).bind("limit", limit), AuditLog::entry);
    }

    /** The newest rows, newest first. */
    public List<AuditEntry> latest(int limit) {
        return clickHouse.query(Sql.of(select() + " ORDER BY seq DESC LIMIT :limit").bind("limit", limit), AuditLog::entry);
    }

    /**
     * Reads the whole chain in order and checks every link. Rows are read by position, not by
     * sequence number, so a duplicated or reordered row is seen as such rather than skipped.
     */
    public ChainCheck verify() {
        var chain = AuditChain.start();
        // keyset paging on (seq, hash): every row once, duplicates of a seq included, no OFFSET scans
        var pageQuery = Sql.of(select() + " ORDER BY seq, hash LIMIT :limit").bind("limit", pageSize);
        while (true) {
            var page = clickHouse.query(pageQuery, AuditLog::entry);
            for (var entry : page) {
                chain = chain.next(entry);
            }
            var verdict = chain.verdict();
            if (!verdict.intact() || page.size() < pageSize) {
                return verdict;
            }
            var last = page.getLast();
            pageQuery = Sql.of(select() + " WHERE (seq, hash) > (:seq, :hash) ORDER BY seq, hash LIMIT :limit")
                    .bind("seq", last.seq()).bind("hash", last.hash()).bind("limit", pageSize);
        }
    }

    private void loadHead() {
        var rows = clickHouse.query(Sql.of("SELECT seq, hash FROM " + table + " ORDER BY seq DESC LIMIT 1"), row -> row);
        if (rows.isEmpty()) {
            headSeq = 0;
            headHash = AuditChain.GENESIS;
        } else {
            headSeq = rows.getFirst().longValue("seq");
            headHash = rows.getFirst().text("hash");
        }
    }

    /** The rows' columns as {@link #entry} reads them; the table is a name this class was made with, never a value. */
    private String select() {
        return "SELECT seq, toUnixTimestamp64Milli(at) AS at_ms, user_name, action, target, prev_hash, hash FROM " + table;
    }

    private static AuditEntry entry(Row row) {
        return new AuditEntry(row.longValue("seq"), row.instantFromMillis("at_ms"), row.text("user_name"),
                row.text("action"), row.text("target"), row.text("prev_hash"), row.text("hash"));
    }
}
