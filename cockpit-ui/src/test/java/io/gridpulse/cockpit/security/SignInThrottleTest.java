package io.gridpulse.cockpit.security;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class SignInThrottleTest {
    private static final Instant T = Instant.parse("2026-12-07T02:00:00Z");

    /** A clock the test moves by hand. */
    private static final class Hand extends Clock {
        Instant now = T;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void fiveWrongPasswordsAreFreeTheSixthLocksTheAccountForAMinuteAndSaysSoOnce() {
        var clock = new Hand();
        var throttle = new SignInThrottle(clock);
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.failed("zhang", "10.0.0.1").lockedNow()).isFalse();
            assertThat(throttle.lockedUntil("zhang", "10.0.0.1")).isEmpty();
        }
        var sixth = throttle.failed("zhang", "10.0.0.1");
        assertThat(sixth.lockedNow()).isTrue();
        assertThat(sixth.what()).isEqualTo("account zhang");
        assertThat(throttle.lockedUntil("zhang", "10.0.0.2")).hasValue(T.plus(Duration.ofMinutes(1)));
        assertThat(throttle.lockedUntil("ZHANG ", "10.0.0.2")).as("the name as typed, in any case").isPresent();
        assertThat(throttle.lockedUntil("li", "10.0.0.1")).as("another account from the same address").isEmpty();

        clock.now = T.plus(Duration.ofMinutes(2));
        assertThat(throttle.lockedUntil("zhang", "10.0.0.1")).isEmpty();
        var seventh = throttle.failed("zhang", "10.0.0.1");
        assertThat(seventh.lockedNow()).as("the lock is audited when it starts, not at every failure after").isFalse();
        assertThat(seventh.until()).isEqualTo(clock.now.plus(Duration.ofMinutes(2)));
    }

    @Test
    void theLockDoublesUpToFifteenMinutesAndARightPasswordClearsIt() {
        var clock = new Hand();
        var throttle = new SignInThrottle(clock);
        Instant until = null;
        for (int i = 0; i < 12; i++) {
            until = throttle.failed("zhang", "10.0.0.1").until();
            if (until != null) {
                clock.now = until;
            }
        }
        assertThat(Duration.between(clock.now, throttle.failed("zhang", "10.0.0.1").until())).isEqualTo(SignInThrottle.MAX_LOCK);
        throttle.succeeded("zhang", "10.0.0.1");
        assertThat(throttle.lockedUntil("zhang", "10.0.0.1")).isEmpty();
        assertThat(throttle.failed("zhang", "10.0.0.1").until()).as("a new streak starts free").isNull();
    }

    @Test
    void anAddressGuessingManyNamesIsLockedAfterTwentyFailures() {
        var clock = new Hand();
        var throttle = new SignInThrottle(clock);
        SignInThrottle.Failure last = null;
        for (int i = 0; i < 21; i++) {
            last = throttle.failed("name-" + i, "10.0.0.9");
        }
        assertThat(last.lockedNow()).isTrue();
        assertThat(last.what()).isEqualTo("address 10.0.0.9");
        assertThat(throttle.lockedUntil("anyone", "10.0.0.9")).isPresent();
        assertThat(throttle.lockedUntil("anyone", "10.0.0.10")).isEmpty();
    }

    @Test
    void aStreakIsForgottenAfterAnHourWithoutFailures() {
        var clock = new Hand();
        var throttle = new SignInThrottle(clock);
        for (int i = 0; i < 5; i++) {
            throttle.failed("zhang", "10.0.0.1");
        }
        clock.now = T.plus(SignInThrottle.FORGET_AFTER).plusSeconds(1);
        assertThat(throttle.failed("zhang", "10.0.0.1").until()).isNull();
    }
}
