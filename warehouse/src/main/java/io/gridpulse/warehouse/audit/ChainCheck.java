package io.gridpulse.warehouse.audit;

/**
 * The verdict of {@link AuditChain#verify}: intact, or the first row where the chain breaks and why.
 *
 * @param intact   whether every row links to the one before and hashes to its stored hash
 * @param rows     how many rows were checked before the verdict
 * @param headHash the hash of the last intact row ({@link AuditChain#GENESIS} for an empty log); keep it
 *                 somewhere else (a print-out, another system) to detect a truncated tail later
 * @param brokenAt the sequence number where the chain breaks, or 0 when intact
 * @param reason   what is wrong there, in a sentence; empty when intact
 */
public record ChainCheck(boolean intact, long rows, String headHash, long brokenAt, String reason) {

    static ChainCheck intact(long rows, String headHash) {
        return new ChainCheck(true, rows, headHash, 0, "");
    }

    static ChainCheck broken(long rows, String headHash, long at, String reason) {
        return new ChainCheck(false, rows, headHash, at, reason);
    }
}
