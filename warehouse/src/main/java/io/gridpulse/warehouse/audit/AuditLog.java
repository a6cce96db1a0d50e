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
 * which the verifier reports. With an {@link AuditKey} the chain is keyed (HMAC) and its head (sequence
 * and hash) is appended to a file outside the database at most every {@link #PUBLISH_EVERY} (and every
 * {@link #PUBLISH_ROWS} rows); the verifier checks the log reaches the last head published and matches it.
 */
public final class AuditLog {
    /** How many rows the verifier reads per query, so a long log never sits in memory at once. */
    static final int PAGE = 10_000;

    private final ClickHouse clickHouse;
    private final String table;
    private final Clock clock;
    private final int pageSize;
    /** How often, at most, the head is published. */
    static final java.time.Duration PUBLISH_EVERY = java.time.Duration.ofSeconds(10);
    /** How many rows may be appended before the head is published anyway. */
    static final int PUBLISH_ROWS = 100;
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AuditLog.class);
    private final AuditKey key;
    private long headSeq = -1;
    private String headHash;
    private long publishedAtNanos;
    private long publishedSeq = -1;
    private final java.util.List<java.util.function.Consumer<AuditEntry>> watchers = new java.util.concurrent.CopyOnWriteArrayList<>();

    AuditLog(ClickHouse clickHouse, String table, Clock clock) {
        this(clickHouse, table, clock, PAGE, null);
    }

    AuditLog(ClickHouse clickHouse, String table, Clock clock, int pageSize, AuditKey key) {
        this.clickHouse = clickHouse;
        this.table = table;
        this.clock = clock;
        this.pageSize = pageSize;
        this.key = key;
    }

    /** The audit log of this warehouse, stamped by the system clock. */
    public static AuditLog of(Warehouse warehouse) {
        return of(warehouse, Clock.systemUTC());
    }

    /** The audit log of this warehouse, stamped by the given clock, unkeyed: for reading rows. */
    public static AuditLog of(Warehouse warehouse, Clock clock) {
        return new AuditLog(warehouse.clickHouse(), "gridpulse.audit_log", clock);
    }

    /** The audit log of this warehouse, its chain keyed and its head published with {@code key}: the one that appends. */
    public static AuditLog of(Warehouse warehouse, Clock clock, AuditKey key) {
        return new AuditLog(warehouse.clickHouse(), "gridpulse.audit_log", clock, PAGE, key);
    }

    /** Appends one row at the current time and returns it, with its place in the chain. */
    public synchronized AuditEntry append(String user, String action, String target) {
        if (headSeq < 0) {
            loadHead();
        }
        var at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        long seq = headSeq + 1;
        var hash = key != null ? AuditChain.mac(key.key(), headHash, seq, at, user, action, target)
                : AuditChain.hash(headHash, seq, at, user, action, target);
        var entry = new AuditEntry(seq, at, user, action, target, headHash, hash);
        clickHouse.execute(Sql.of("INSERT INTO " + table + " (seq, at, user_name, action, target, prev_hash, hash)"
                        + " VALUES (:seq, :at, :user, :action, :target, :prevHash, :hash)")
                .bind("seq", seq).bind("at", at).bind("user", user).bind("action", action).bind("target", target)
                .bind("prevHash", entry.prevHash()).bind("hash", hash));
        headSeq = seq;
        headHash = hash;
        publishIfDue(entry);
        for (var watcher : watchers) {
            try {
                watcher.accept(entry);
            } catch (RuntimeException e) {
                log.warn("an audit watcher failed on row {}: {}", entry.seq(), e.toString());
            }
        }
        return entry;
    }

    /**
     * Calls {@code watcher} with every row appended from now on, in chain order, while the log is held: it must be
     * quick and must not append itself (hand that to another thread).
     */
    public void watch(java.util.function.Consumer<AuditEntry> watcher) {
        watchers.add(watcher);
    }

    /** Appends the head to the heads file when {@link #PUBLISH_EVERY} or {@link #PUBLISH_ROWS} have passed. */
    private void publishIfDue(AuditEntry entry) {
        if (key == null || key.heads() == null) {
            return;
        }
        long now = System.nanoTime();
        if (publishedSeq >= 0 && now - publishedAtNanos < PUBLISH_EVERY.toNanos() && entry.seq() - publishedSeq < PUBLISH_ROWS) {
            return;
        }
        try {
            java.nio.file.Files.createDirectories(key.heads().toAbsolutePath().getParent());
            java.nio.file.Files.writeString(key.heads(), entry.seq() + " " + entry.hash() + " " + entry.at() + "\n",
                    java.nio.charset.StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            publishedSeq = entry.seq();
            publishedAtNanos = now;
        } catch (java.io.IOException e) {
            log.warn("could not publish the audit log's head to {}: {}", key.heads(), e.toString());
        }
    }

    /** The last head published (sequence, hash, time), or null when none is. */
    private String[] lastPublished() {
        if (key == null || key.heads() == null || !java.nio.file.Files.exists(key.heads())) {
            return null;
        }
        try {
            var lines = java.nio.file.Files.readAllLines(key.heads(), java.nio.charset.StandardCharsets.UTF_8);
            for (int i = lines.size() - 1; i >= 0; i--) {
                var fields = lines.get(i).strip().split(" ");
                if (fields.length == 3) {
                    return fields;
                }
            }
            return null;
        } catch (java.io.IOException e) {
            log.warn("could not read the audit log's published heads {}: {}", key.heads(), e.toString());
            return null;
        }
    }

    /** The newest {@code limit} rows of one action, newest first. */
    public List<AuditEntry> latestOf(String action, int limit) {
        return clickHouse.query(Sql.of(select() + " WHERE action = :action ORDER BY seq DESC LIMIT :limit")
                .bind("action", action).bind("limit", limit), AuditLog::entry);
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
        var published = lastPublished();
        long publishedSeq = published == null ? 0 : Long.parseLong(published[0]);
        var chain = AuditChain.start(key == null ? null : key.key());
        // keyset paging on (seq, hash): every row once, duplicates of a seq included, no OFFSET scans
        var pageQuery = Sql.of(select() + " ORDER BY seq, hash LIMIT :limit").bind("limit", pageSize);
        while (true) {
            var page = clickHouse.query(pageQuery, AuditLog::entry);
            for (var entry : page) {
                chain = chain.next(entry);
                if (entry.seq() == publishedSeq && chain.verdict().intact() && !entry.hash().equals(published[1])) {
                    chain = chain.fail(entry.seq(), "row " + entry.seq() + " is not the row whose hash was published at "
                            + published[2] + ": the log was rewritten");
                }
            }
            var verdict = chain.verdict();
            if (!verdict.intact()) {
                return verdict;
            }
            if (page.size() < pageSize) {
                if (chain.lastSeq() < publishedSeq) {
                    return chain.fail(publishedSeq, "the log ends at row " + chain.lastSeq() + ", but row " + publishedSeq
                            + " was published as its head at " + published[2] + ": rows were cut").verdict();
                }
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
