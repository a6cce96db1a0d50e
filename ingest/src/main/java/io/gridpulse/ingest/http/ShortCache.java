package io.gridpulse.ingest.http;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.Context;
import io.vertx.core.Future;

import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * Identical expensive answers computed once for a short time: the same question asked again within {@code ttl}, or
 * while the first is still being computed, gets the same answer without another warehouse read. A dashboard polled
 * by fifty screens then costs one query a second, not fifty. A failed computation is not kept.
 */
public final class ShortCache<T> {
    private final AsyncCache<String, T> answers;

    public ShortCache(Duration ttl, int maxEntries) {
        this.answers = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maxEntries).buildAsync();
    }

    /**
     * The answer for {@code key}, computed off the event loop by {@code blocking} when none is held or under way.
     * The key must name everything the answer depends on (the route, its parameters, the caller's scope).
     */
    public Future<T> get(Context context, String key, Callable<T> blocking) {
        return Future.fromCompletionStage(answers.get(key, (k, executor) ->
                context.owner().executeBlocking(blocking, false).toCompletionStage().toCompletableFuture()), context);
    }
}
