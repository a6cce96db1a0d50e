package io.gridpulse.ingest.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class ShortCacheTest {
    private static Vertx vertx;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void askersOfTheSameQuestionShareOneComputationWhileItRunsAndAfter() throws Exception {
        var cache = new ShortCache<Integer>(Duration.ofHours(1), 10);
        var computed = new AtomicInteger();
        var release = new CountDownLatch(1);
        var context = vertx.getOrCreateContext();
        var first = cache.get(context, "kpis|439901001", () -> {
            release.await(10, TimeUnit.SECONDS);
            return computed.incrementAndGet();
        });
        var second = cache.get(context, "kpis|439901001", computed::incrementAndGet);
        release.countDown();

        assertThat(Future.all(first, second).await(10, TimeUnit.SECONDS).<Integer>list()).containsExactly(1, 1);
        assertThat(cache.get(context, "kpis|439901001", computed::incrementAndGet).await(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(cache.get(context, "kpis|439901002", computed::incrementAndGet).await(10, TimeUnit.SECONDS))
                .as("another question is computed").isEqualTo(2);
    }

    @Test
    void anAnswerIsComputedAgainOnceItsTimeIsUpAndAFailureIsNotKept() throws Exception {
        var cache = new ShortCache<Integer>(Duration.ofNanos(1), 10);
        var computed = new AtomicInteger();
        var context = vertx.getOrCreateContext();
        assertThat(cache.get(context, "counts", computed::incrementAndGet).await(10, TimeUnit.SECONDS)).isEqualTo(1);
        Thread.sleep(5);   // wall clock: past a nanosecond's time to live
        assertThat(cache.get(context, "counts", computed::incrementAndGet).await(10, TimeUnit.SECONDS)).isEqualTo(2);

        var kept = new ShortCache<Integer>(Duration.ofHours(1), 10);
        var failed = kept.get(context, "counts", () -> {
            throw new IllegalStateException("warehouse down");
        });
        assertThat(failed.toCompletionStage().toCompletableFuture()).failsWithin(Duration.ofSeconds(10));
        // the cache drops a failed answer as it completes, which may be a moment after the asker heard of it
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        Integer again = null;
        while (again == null && System.nanoTime() < deadline) {
            try {
                again = kept.get(context, "counts", () -> 7).await(10, TimeUnit.SECONDS);
            } catch (Exception stillTheFailure) {
                Thread.sleep(10);
            }
        }
        assertThat(again).as("tried again").isEqualTo(7);
    }
}
