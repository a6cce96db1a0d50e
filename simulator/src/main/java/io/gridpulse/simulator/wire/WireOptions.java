package io.gridpulse.simulator.wire;

import java.time.Duration;

/**
 * How the simulated terminals misbehave on the wire.
 *
 * @param offlineChance  the chance that a grid terminal has an offline spell on a given day (default 0.10);
 *                       while offline it holds its events and uploads them in one batch when back
 * @param shortestOffline the shortest spell (default 2 h)
 * @param longestOffline  the longest spell (default 8 h)
 * @param malformedRate  malformed messages per message sent (default 0.001, i.e. 0.1%): truncated JSON, a
 *                       missing eventId, a grid code with letters, an impossible time
 * @param maxBatchEvents the most events one upload carries; a longer backlog goes in several (default 1,000,
 *                       the edge's limit)
 */
public record WireOptions(double offlineChance, Duration shortestOffline, Duration longestOffline, double malformedRate,
                          int maxBatchEvents) {

    public WireOptions {
        if (!(offlineChance >= 0 && offlineChance <= 1)) {
            throw new IllegalArgumentException("offlineChance must lie in [0, 1], got " + offlineChance);
        }
        if (!(malformedRate >= 0 && malformedRate < 1)) {
            throw new IllegalArgumentException("malformedRate must lie in [0, 1), got " + malformedRate);
        }
        if (shortestOffline.isNegative() || shortestOffline.isZero() || longestOffline.compareTo(shortestOffline) < 0
                || longestOffline.compareTo(Duration.ofHours(16)) > 0) {
            throw new IllegalArgumentException("offline spells must last from a positive duration up to at most 16 h, got "
                    + shortestOffline + " to " + longestOffline);
        }
        if (maxBatchEvents < 1) {
            throw new IllegalArgumentException("maxBatchEvents must be at least 1, got " + maxBatchEvents);
        }
    }

    /** 10% of terminals offline 2-8 h on a given day, 0.1% malformed messages, batches of at most 1,000. */
    public static WireOptions defaults() {
        return new WireOptions(0.10, Duration.ofHours(2), Duration.ofHours(8), 0.001, 1_000);
    }

    /** A perfect network: every event sent as it happens, nothing malformed. */
    public static WireOptions perfect() {
        return new WireOptions(0, Duration.ofHours(2), Duration.ofHours(8), 0, 1_000);
    }

    public WireOptions withMalformedRate(double rate) {
        return new WireOptions(offlineChance, shortestOffline, longestOffline, rate, maxBatchEvents);
    }

    public WireOptions withOfflineChance(double chance) {
        return new WireOptions(chance, shortestOffline, longestOffline, malformedRate, maxBatchEvents);
    }
}
