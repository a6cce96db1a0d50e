package io.gridpulse.warehouse.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One row of the audit log: who did what to which target, linked to the row before it.
 *
 * @param seq      position in the chain, 1 for the first row, no gaps
 * @param at       when it happened, whole milliseconds (the table keeps no finer time)
 * @param user     the signed-in user name (or the name tried, for a failed sign-in)
 * @param action   what was done: {@code sign_in}, {@code sign_in_failed}, {@code view}, {@code export}, {@code denied} ...
 * @param target   what it was done to, e.g. {@code /map/439901001}; never a resident's identifier
 * @param prevHash the hash of the row before, {@link AuditChain#GENESIS} for the first
 * @param hash     {@link AuditChain#hash} of this row over {@code prevHash}
 */
public record AuditEntry(long seq, Instant at, String user, String action, String target, String prevHash, String hash) {

    public AuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(prevHash, "prevHash");
        Objects.requireNonNull(hash, "hash");
    }
}
