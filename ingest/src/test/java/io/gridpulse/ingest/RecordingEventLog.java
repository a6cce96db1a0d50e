package io.gridpulse.ingest;

import io.gridpulse.ingest.log.EventLog;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A fake log for the edge's unit tests: records appends, and can be told to refuse them (all, or
 * those whose key matches), or to acknowledge them only after a delay on another thread.
 */
final class RecordingEventLog implements EventLog {
    record Appended(String key, String value) {}

    final List<Appended> appended = new CopyOnWriteArrayList<>();
    volatile RuntimeException failWith;
    volatile Predicate<String> refuseKey = key -> false;
    volatile Duration delay = Duration.ZERO;
    final AtomicInteger outstanding = new AtomicInteger();
    final AtomicInteger maxOutstanding = new AtomicInteger();

    void reset() {
        appended.clear();
        failWith = null;
        refuseKey = key -> false;
        delay = Duration.ZERO;
        maxOutstanding.set(0);
    }

    @Override
    public CompletionStage<Void> append(String key, byte[] value) {
        var failure = failWith;
        if (failure != null) {
            return CompletableFuture.failedFuture(failure);
        }
        if (refuseKey.test(key)) {
            return CompletableFuture.failedFuture(new LogUnavailableException("refused " + key, null));
        }
        var record = new Appended(key, new String(value, StandardCharsets.UTF_8));
        if (delay.isZero()) {
            appended.add(record);
            return CompletableFuture.completedFuture(null);
        }
        maxOutstanding.accumulateAndGet(outstanding.incrementAndGet(), Math::max);
        return CompletableFuture.runAsync(() -> {
            outstanding.decrementAndGet();
            appended.add(record);
        }, CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS));
    }

    @Override
    public boolean isReachable() {
        return failWith == null;
    }

    @Override
    public void close() {
    }
}
