package io.gridpulse.cockpit.live;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One warehouse query, run once for all screens and handed to every subscriber when its answer
 * changes: a wall screen and a hundred desktops cost the warehouse one query a period, and none
 * while nobody watches.
 */
public final class LiveQuery<T> {
    private static final Logger log = LoggerFactory.getLogger(LiveQuery.class);

    private final String name;
    private final Supplier<T> query;
    private final Duration period;
    private final List<Consumer<T>> subscribers = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService scheduler;
    private ScheduledFuture<?> polling;
    private volatile T latest;

    public LiveQuery(String name, Supplier<T> query, Duration period) {
        this.name = name;
        this.query = query;
        this.period = period;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("live-" + name).daemon().factory());
    }

    /** Subscribes; the subscriber gets the latest answer at once (if there is one) and every change after. Returns the unsubscribe action. */
    public synchronized Runnable subscribe(Consumer<T> subscriber) {
        subscribers.add(subscriber);
        scheduler.execute(() -> {
            var now = latest;
            if (now != null) {
                subscriber.accept(now);
            }
        });
        if (polling == null) {
            polling = scheduler.scheduleWithFixedDelay(this::publish, 0, period.toMillis(), TimeUnit.MILLISECONDS);
        }
        return () -> unsubscribe(subscriber);
    }

    private synchronized void unsubscribe(Consumer<T> subscriber) {
        subscribers.remove(subscriber);
        if (subscribers.isEmpty() && polling != null) {
            polling.cancel(false);
            polling = null;
        }
    }

    /** Runs on the query's one thread only, so {@code latest} has a single writer. */
    private void publish() {
        T answer;
        try {
            answer = query.get();
        } catch (RuntimeException e) {
            log.warn("live query {} failed: {}", name, e.getMessage());
            return;
        }
        if (Objects.equals(answer, latest)) {
            return;
        }
        latest = answer;
        for (var subscriber : subscribers) {
            subscriber.accept(answer);
        }
    }
}
