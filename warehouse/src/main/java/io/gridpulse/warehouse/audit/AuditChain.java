package io.gridpulse.warehouse.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The hash chain of the audit log, without storage: how a row's hash is made and how a run of rows
 * is checked. The hash is SHA-256 (hex) over the previous hash and the row's fields, each field
 * length-prefixed so that no two different rows serialise to the same bytes.
 */
public final class AuditChain {

    /** The previous hash of the first row. */
    public static final String GENESIS = "0".repeat(64);

    private final String headHash;
    private final long checkedRows;
    private final long lastSeq;
    private final ChainCheck failure;

    private AuditChain(String headHash, long checkedRows, long lastSeq, ChainCheck failure) {
        this.headHash = headHash;
        this.checkedRows = checkedRows;
        this.lastSeq = lastSeq;
        this.failure = failure;
    }

    /** A verifier at the start of the log, to be fed every row in sequence order. */
    public static AuditChain start() {
        return new AuditChain(GENESIS, 0, 0, null);
    }

    /** The hash of a row over the previous row's hash; {@code at} is cut to milliseconds first. */
    public static String hash(String prevHash, long seq, Instant at, String user, String action, String target) {
        var text = new StringBuilder(prevHash.length() + 64 + user.length() + action.length() + target.length());
        text.append(prevHash).append('\n').append(seq).append('\n')
                .append(at.truncatedTo(ChronoUnit.MILLIS).toEpochMilli()).append('\n');
        field(text, user);
        field(text, action);
        field(text, target);
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static void field(StringBuilder text, String value) {
        text.append(value.length()).append(':').append(value).append('\n');
    }

    /** Checks rows given in sequence order from the first; stops at the first broken row. */
    public static ChainCheck verify(Iterable<AuditEntry> entries) {
        var chain = start();
        for (var entry : entries) {
            chain = chain.next(entry);
            if (chain.failure != null) {
                break;
            }
        }
        return chain.verdict();
    }

    /** This verifier after one more row; once broken it stays broken. */
    public AuditChain next(AuditEntry entry) {
        if (failure != null) {
            return this;
        }
        long expected = lastSeq + 1;
        if (entry.seq() != expected) {
            return fail(entry.seq(), entry.seq() < expected
                    ? "row " + entry.seq() + " appears again or out of order after row " + lastSeq
                    : "rows " + expected + " to " + (entry.seq() - 1) + " are missing");
        }
        if (!entry.prevHash().equals(headHash)) {
            return fail(entry.seq(), "row " + entry.seq() + " does not link to row " + lastSeq
                    + " (its previous hash is not that row's hash)");
        }
        var recomputed = hash(entry.prevHash(), entry.seq(), entry.at(), entry.user(), entry.action(), entry.target());
        if (!recomputed.equals(entry.hash())) {
            return fail(entry.seq(), "row " + entry.seq() + " was changed after it was written (its content does not match its hash)");
        }
        return new AuditChain(entry.hash(), checkedRows + 1, entry.seq(), null);
    }

    /** The verdict so far. */
    public ChainCheck verdict() {
        return failure != null ? failure : ChainCheck.intact(checkedRows, headHash);
    }

    private AuditChain fail(long at, String reason) {
        return new AuditChain(headHash, checkedRows, lastSeq, ChainCheck.broken(checkedRows, headHash, at, reason));
    }
}
