package io.gridpulse.cockpit.live;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One warehouse query, run once for all screens and handed to every subscriber when its answer
 * changes: a wall screen and a hundred desktops cost the warehouse one query a period, and none
 * while nobody watches. All live queries share a few threads, so a query per area costs no thread
 * of its own while nobody watches that area.
 */
public final class LiveQuery<T> {
    private static final Logger log = LoggerFactory.getLogger(LiveQuery.class);
    /** The threads every live query runs on; a query never runs twice at once (fixed-delay polling). */
    private static final ScheduledThreadPoolExecutor POLLERS = pollers();

    private final String name;
    private final Supplier<T> query;
    private final Duration period;
    private final List<Consumer<T>> subscribers = new CopyOnWriteArrayList<>();
    private ScheduledFuture<?> polling;
    private T latest;
    /** When the last subscriber left (or the query was made, or read ahead); meaningless while someone watches. */
    private long idleSince = System.nanoTime();

    public LiveQuery(String name, Supplier<T> query, Duration period) {
        this.name = name;
        this.query = query;
        this.period = period;
    }

    private static ScheduledThreadPoolExecutor pollers() {
        var counter = new java.util.concurrent.atomic.AtomicInteger();
        var pool = new ScheduledThreadPoolExecutor(4, r -> Thread.ofPlatform().daemon()
                .name("live-query-" + counter.incrementAndGet()).unstarted(r));
        pool.setRemoveOnCancelPolicy(true);
        return pool;
    }

    /**
     * Subscribes; the subscriber gets the latest answer at once (if there is one) and every change after,
     * in order. Subscribers must not block (a screen hands the value to its UI with {@code ui.access}).
     * Returns the unsubscribe action.
     */
    public synchronized Runnable subscribe(Consumer<T> subscriber) {
        subscribers.add(subscriber);
        if (latest != null) {
            deliver(subscriber, latest);
        }
        if (polling == null) {
            polling = POLLERS.scheduleWithFixedDelay(this::publish, 0, period.toMillis(), TimeUnit.MILLISECONDS);
        }
        return () -> unsubscribe(subscriber);
    }

    /**
     * Runs the query once in the background and keeps its answer, without polling after: the first subscriber then
     * gets an answer at once (a screen that must paint fast after a start).
     */
    public void prefetch() {
        synchronized (this) {
            idleSince = System.nanoTime();
        }
        POLLERS.execute(this::publish);
    }

    /** Whether nobody has watched this query for longer than {@code grace}. */
    synchronized boolean idleLongerThan(Duration grace) {
        return subscribers.isEmpty() && System.nanoTime() - idleSince > grace.toNanos();
    }

    private synchronized void unsubscribe(Consumer<T> subscriber) {
        subscribers.remove(subscriber);
        if (subscribers.isEmpty() && polling != null) {
            polling.cancel(false);
            polling = null;
            idleSince = System.nanoTime();
        }
    }

    /** Runs the query outside the lock (it may be slow), then hands a changed answer to every subscriber. */
    private void publish() {
        T answer;
        try {
            answer = query.get();
        } catch (RuntimeException e) {
            log.warn("live query {} failed: {}", name, e.getMessage());
            return;
        }
        synchronized (this) {
            if (Objects.equals(answer, latest)) {
                return;
            }
            latest = answer;
            for (var subscriber : subscribers) {
                deliver(subscriber, answer);
            }
        }
    }

    /** One failing screen (say, a UI detached mid-delivery) must not stop the query for every other one. */
    private void deliver(Consumer<T> subscriber, T answer) {
        try {
            subscriber.accept(answer);
        } catch (RuntimeException e) {
            log.debug("live query {}: a subscriber failed: {}", name, e.toString());
        }
    }
}
