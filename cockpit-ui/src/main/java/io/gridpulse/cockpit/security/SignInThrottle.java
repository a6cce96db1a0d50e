package io.gridpulse.cockpit.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Back-off against guessing passwords, per account and per address. The first {@code freeTries} failures in a row cost
 * nothing more than the hash; each one after locks the account (or the address) for a minute, then 2, 4 ... up to
 * {@link #MAX_LOCK}. A success clears the account and the address. An address gets more free tries than an account:
 * a street office signs in from behind one NAT address.
 *
 * <p>Held in memory, bounded: a flood of made-up names evicts the oldest streaks, never the lock of a known account
 * that is being guessed right now (the newest entries survive).
 */
public final class SignInThrottle {
    /** The longest single lock. */
    public static final Duration MAX_LOCK = Duration.ofMinutes(15);
    /** A streak of failures is forgotten after this long without one. */
    static final Duration FORGET_AFTER = Duration.ofHours(1);
    static final int ACCOUNT_FREE_TRIES = 5;
    static final int ADDRESS_FREE_TRIES = 20;
    private static final int MAX_ENTRIES = 10_000;

    private final Clock clock;
    private final Map<String, Streak> streaks = new ConcurrentHashMap<>();

    private record Streak(int failures, Instant last, Instant lockedUntil) {
    }

    /** A failure's consequence: whether it just locked something (to be audited once), and until when. */
    public record Failure(boolean lockedNow, String what, Instant until) {
    }

    public SignInThrottle(Clock clock) {
        this.clock = clock;
    }

    /** Until when a sign-in for this account from this address must wait; empty when it may be tried now. */
    public Optional<Instant> lockedUntil(String account, String address) {
        var now = clock.instant();
        Instant until = null;
        for (var key : new String[] {accountKey(account), addressKey(address)}) {
            var streak = streaks.get(key);
            if (streak != null && streak.lockedUntil() != null && streak.lockedUntil().isAfter(now)
                    && (until == null || streak.lockedUntil().isAfter(until))) {
                until = streak.lockedUntil();
            }
        }
        return Optional.ofNullable(until);
    }

    /** Records a wrong password (or an unknown name); says whether the account or the address is now locked. */
    public Failure failed(String account, String address) {
        var now = clock.instant();
        if (streaks.size() >= MAX_ENTRIES) {
            forgetOldest(now);
        }
        var byAccount = fail(accountKey(account), ACCOUNT_FREE_TRIES, now);
        var byAddress = fail(addressKey(address), ADDRESS_FREE_TRIES, now);
        if (byAccount.lockedUntil() != null && byAccount.lockedUntil().isAfter(now) && byAccount.failures() == ACCOUNT_FREE_TRIES + 1) {
            return new Failure(true, "account " + account, byAccount.lockedUntil());
        }
        if (byAddress.lockedUntil() != null && byAddress.lockedUntil().isAfter(now) && byAddress.failures() == ADDRESS_FREE_TRIES + 1) {
            return new Failure(true, "address " + address, byAddress.lockedUntil());
        }
        var until = later(byAccount.lockedUntil(), byAddress.lockedUntil());
        return new Failure(false, null, until);
    }

    /** A right password: the account's and the address's streaks end. */
    public void succeeded(String account, String address) {
        streaks.remove(accountKey(account));
        streaks.remove(addressKey(address));
    }

    private Streak fail(String key, int freeTries, Instant now) {
        return streaks.compute(key, (k, old) -> {
            int failures = old == null || old.last().plus(FORGET_AFTER).isBefore(now) ? 1 : old.failures() + 1;
            Instant until = null;
            if (failures > freeTries) {
                var minutes = 1L << Math.min(failures - freeTries - 1, 4);
                until = now.plus(Duration.ofMinutes(minutes).compareTo(MAX_LOCK) > 0 ? MAX_LOCK : Duration.ofMinutes(minutes));
            }
            return new Streak(failures, now, until);
        });
    }

    private void forgetOldest(Instant now) {
        streaks.entrySet().removeIf(e -> e.getValue().last().plus(FORGET_AFTER).isBefore(now));
        if (streaks.size() >= MAX_ENTRIES) {
            var oldest = streaks.entrySet().stream().sorted(Map.Entry.comparingByValue(
                    java.util.Comparator.comparing(Streak::last))).limit(MAX_ENTRIES / 10).map(Map.Entry::getKey).toList();
            oldest.forEach(streaks::remove);
        }
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }

    private static String accountKey(String account) {
        return "account:" + (account == null ? "" : account.strip().toLowerCase(java.util.Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "address:" + (address == null ? "" : address);
    }
}
