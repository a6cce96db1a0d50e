package io.gridpulse.ingest.auth;

import io.gridpulse.model.keys.KeyGrant;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per client, filled at the client's rate up to its burst. Write endpoints take one
 * token per event, reads one per request. A refusal says how long until the tokens would be there,
 * which becomes the 429's Retry-After.
 */
public final class RateLimiter {
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final LongSupplier nanoClock;

    public RateLimiter() {
        this(System::nanoTime);
    }

    RateLimiter(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /**
     * Takes {@code tokens} from the grant's bucket if it holds them all.
     *
     * @return 0 when taken, otherwise the whole seconds (at least 1) to wait before the request would pass
     */
    public long take(KeyGrant grant, int tokens) {
        var bucket = buckets.computeIfAbsent(grant.client(), c -> new Bucket(grant.burst(), nanoClock.getAsLong()));
        return bucket.take(grant, tokens, nanoClock.getAsLong());
    }

    private static final class Bucket {
        private double tokens;
        private long lastNanos;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.lastNanos = now;
        }

        synchronized long take(KeyGrant grant, int wanted, long now) {
            tokens = Math.min(grant.burst(), tokens + (now - lastNanos) / 1e9 * grant.perSecond());
            lastNanos = now;
            if (wanted <= tokens) {
                tokens -= wanted;
                return 0;
            }
            if (wanted > grant.burst()) {
                // can never pass at once: ask for the time the rate needs for it, the caller should split it
                return Math.max(1, (long) Math.ceil(wanted / grant.perSecond()));
            }
            return Math.max(1, (long) Math.ceil((wanted - tokens) / grant.perSecond()));
        }
    }
}
