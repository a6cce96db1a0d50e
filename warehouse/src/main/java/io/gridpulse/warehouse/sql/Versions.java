package io.gridpulse.warehouse.sql;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The version column of a ReplacingMergeTree table whose newest write must win: after the last version this process
 * wrote, after the change's own time, and after the wall clock (a write that keeps an older change time, a second
 * factor's step say, still comes after it across restarts). Nanoseconds since the epoch.
 */
public final class Versions {
    private final AtomicLong last = new AtomicLong();

    /** The version of a write of a change made at {@code changedAt}. */
    public long next(Instant changedAt) {
        var wall = Math.multiplyExact(System.currentTimeMillis(), 1_000_000L);
        var change = changedAt.getEpochSecond() * 1_000_000_000L + changedAt.getNano();
        return last.updateAndGet(previous -> Math.max(Math.max(previous + 1, wall), change));
    }
}
