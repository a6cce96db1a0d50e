package io.gridpulse.warehouse.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The hash chain of the audit log, without storage: how a row's hash is made and how a run of rows
 * is checked. A row's hash is over the previous hash and the row's fields, each field length-prefixed so
 * that no two different rows serialise to the same bytes: HMAC-SHA256 under the installation's audit key
 * (stored as {@code hmac:<hex>}), or, for rows written before the chain was keyed, plain SHA-256 (hex). Once
 * a keyed row appears every later row must be keyed: an unkeyed one after it was forged by someone without the key.
 */
public final class AuditChain {

    /** The previous hash of the first row. */
    public static final String GENESIS = "0".repeat(64);

    /** The mark of a keyed row's hash. */
    static final String KEYED = "hmac:";

    private final String headHash;
    private final long checkedRows;
    private final long lastSeq;
    private final ChainCheck failure;
    private final byte[] key;
    private final long keyedFrom;

    private AuditChain(String headHash, long checkedRows, long lastSeq, ChainCheck failure, byte[] key, long keyedFrom) {
        this.headHash = headHash;
        this.checkedRows = checkedRows;
        this.lastSeq = lastSeq;
        this.failure = failure;
        this.key = key;
        this.keyedFrom = keyedFrom;
    }

    /** A verifier at the start of the log, to be fed every row in sequence order; it cannot check keyed rows. */
    public static AuditChain start() {
        return start(null);
    }

    /** A verifier at the start of the log that checks keyed rows with this key (null: none). */
    public static AuditChain start(byte[] key) {
        return new AuditChain(GENESIS, 0, 0, null, key, 0);
    }

    /** The keyed hash of a row: HMAC-SHA256 under the audit key, marked {@code hmac:}. */
    public static String mac(byte[] key, String prevHash, long seq, Instant at, String user, String action, String target) {
        try {
            var mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
            return KEYED + HexFormat.of().formatHex(mac.doFinal(text(prevHash, seq, at, user, action, target).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }

    /** The hash of a row over the previous row's hash; {@code at} is cut to milliseconds first. */
    public static String hash(String prevHash, long seq, Instant at, String user, String action, String target) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(text(prevHash, seq, at, user, action, target)
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static String text(String prevHash, long seq, Instant at, String user, String action, String target) {
        var text = new StringBuilder(prevHash.length() + 64 + user.length() + action.length() + target.length());
        text.append(prevHash).append('\n').append(seq).append('\n')
                .append(at.truncatedTo(ChronoUnit.MILLIS).toEpochMilli()).append('\n');
        field(text, user);
        field(text, action);
        field(text, target);
        return text.toString();
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
        var keyed = entry.hash().startsWith(KEYED);
        if (!keyed && keyedFrom > 0) {
            return fail(entry.seq(), "row " + entry.seq() + " is not keyed, though the chain is keyed from row " + keyedFrom
                    + " on: it was written by someone without the audit key");
        }
        if (keyed && key == null) {
            return fail(entry.seq(), "row " + entry.seq() + " is keyed and this check was given no audit key");
        }
        var recomputed = keyed ? mac(key, entry.prevHash(), entry.seq(), entry.at(), entry.user(), entry.action(), entry.target())
                : hash(entry.prevHash(), entry.seq(), entry.at(), entry.user(), entry.action(), entry.target());
        if (!java.security.MessageDigest.isEqual(recomputed.getBytes(StandardCharsets.US_ASCII),
                entry.hash().getBytes(StandardCharsets.US_ASCII))) {
            return fail(entry.seq(), "row " + entry.seq() + " was changed after it was written (its content does not match its hash)");
        }
        return new AuditChain(entry.hash(), checkedRows + 1, entry.seq(), null, key, keyed && keyedFrom == 0 ? entry.seq() : keyedFrom);
    }

    /** The sequence number of the last row checked. */
    public long lastSeq() {
        return lastSeq;
    }

    /** The verdict so far. */
    public ChainCheck verdict() {
        return failure != null ? failure : ChainCheck.intact(checkedRows, headHash);
    }

    /** This verifier broken at a row, for a reason found outside the chain (a published head it does not reach). */
    AuditChain fail(long at, String reason) {
        return new AuditChain(headHash, checkedRows, lastSeq, ChainCheck.broken(checkedRows, headHash, at, reason), key, keyedFrom);
    }
}
