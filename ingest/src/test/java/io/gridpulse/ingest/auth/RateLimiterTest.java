package io.gridpulse.ingest.auth;

import io.gridpulse.model.keys.KeyGrant;
import io.gridpulse.model.keys.Right;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimiterTest {
    private final AtomicLong now = new AtomicLong();
    private final RateLimiter limiter = new RateLimiter(now::get);
    private final KeyGrant tenPerSecond = new KeyGrant("t", EnumSet.of(Right.WRITE), List.of(), Set.of(), 10, 20);

    @Test
    void aFullBucketLetsTheBurstThroughAndThenRefuses() {
        assertThat(limiter.take(tenPerSecond, 20)).isZero();
        assertThat(limiter.take(tenPerSecond, 1)).isEqualTo(1);
    }

    @Test
    void tokensComeBackAtTheKeysRate() {
        limiter.take(tenPerSecond, 20);
        now.addAndGet(500_000_000L); // half a second: 5 tokens
        assertThat(limiter.take(tenPerSecond, 5)).isZero();
        assertThat(limiter.take(tenPerSecond, 1)).isEqualTo(1);
    }

    @Test
    void theRetryAfterCoversTheMissingTokens() {
        limiter.take(tenPerSecond, 20);
        assertThat(limiter.take(tenPerSecond, 15)).as("15 tokens at 10/s take 2 s").isEqualTo(2);
    }

    @Test
    void aRefusalTakesNothing() {
        limiter.take(tenPerSecond, 15);
        assertThat(limiter.take(tenPerSecond, 10)).isPositive();
        assertThat(limiter.take(tenPerSecond, 5)).as("the 5 left are still there").isZero();
    }

    @Test
    void theBucketNeverHoldsMoreThanTheBurst() {
        now.addAndGet(3_600_000_000_000L);
        assertThat(limiter.take(tenPerSecond, 21)).isPositive();
        assertThat(limiter.take(tenPerSecond, 20)).isZero();
    }

    @Test
    void eachClientHasItsOwnBucket() {
        var other = new KeyGrant("u", EnumSet.of(Right.WRITE), List.of(), Set.of(), 10, 20);
        limiter.take(tenPerSecond, 20);
        assertThat(limiter.take(other, 20)).isZero();
    }
}
