package io.gridpulse.ingest.auth;

import io.gridpulse.ingest.http.ProblemResponse;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * At most so many warehouse reads of one key at a time. A rate limit bounds how often a key asks, not how much work
 * it has in hand: a key allowed thousands of requests a second could otherwise keep every worker thread scanning
 * the events table, and every other client waiting. Beyond the cap the answer is 429 at once; the read is released
 * when its answer ends, however it ends.
 */
public final class ReadGate implements Handler<RoutingContext> {
    private final int perKey;
    private final ConcurrentHashMap<String, AtomicInteger> held = new ConcurrentHashMap<>();

    public ReadGate(int perKey) {
        if (perKey < 1) {
            throw new IllegalArgumentException("a key must be allowed at least one read at a time, not " + perKey);
        }
        this.perKey = perKey;
    }

    @Override
    public void handle(RoutingContext ctx) {
        var client = ApiKeyAuthentication.grant(ctx).client();
        var reads = held.computeIfAbsent(client, c -> new AtomicInteger());
        if (reads.incrementAndGet() > perKey) {
            release(client, reads);
            ProblemResponse.retryLater(ctx, 429, "too-many-reads", "Too many reads at once",
                    "the key of " + client + " has " + perKey + " reads of the warehouse under way already; wait for"
                            + " their answers, then retry", 1);
            return;
        }
        ctx.addEndHandler(done -> release(client, reads));
        ctx.next();
    }

    /** Reads under way now, for tests and metrics. */
    public int held(String client) {
        var reads = held.get(client);
        return reads == null ? 0 : reads.get();
    }

    private void release(String client, AtomicInteger reads) {
        if (reads.decrementAndGet() <= 0) {
            held.remove(client, reads);
        }
    }
}
