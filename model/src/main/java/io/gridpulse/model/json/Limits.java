package io.gridpulse.model.json;

import java.time.Duration;

/**
 * The bounds the codec enforces on incoming events: string length, document size, how far in the
 * future or the past an event time may be, and list sizes.
 */
public record Limits(int maxStringLength, int maxDocumentBytes, Duration maxFutureSkew, Duration maxAge, int maxListSize) {

    public Limits {
        if (maxStringLength < 1 || maxDocumentBytes < 1 || maxListSize < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
        if (maxFutureSkew == null || maxFutureSkew.isNegative() || maxAge == null || maxAge.isNegative()) {
            throw new IllegalArgumentException("maxFutureSkew and maxAge must be non-negative durations");
        }
    }

    /** 2000 characters, 64 KiB, 5 minutes ahead, 400 days old, 100 items. */
    public static Limits defaults() {
        return new Limits(2000, 64 * 1024, Duration.ofMinutes(5), Duration.ofDays(400), 100);
    }
}
