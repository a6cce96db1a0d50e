package io.gridpulse.cockpit.live;

import io.gridpulse.warehouse.AreaCount;
import io.gridpulse.warehouse.Warehouse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Event counts per street, polled once for all screens and handed to every subscriber; a wall
 * screen and a hundred desktops cost the warehouse one query a second, and none while nobody watches.
 */
public final class StreetCountsFeed {
    private static final Logger log = LoggerFactory.getLogger(StreetCountsFeed.class);

    private final Warehouse warehouse;
    private final Duration period;
    private final List<Consumer<List<AreaCount>>> subscribers = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService scheduler =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("street-counts-feed").daemon().factory());
    private ScheduledFuture<?> polling;
    private volatile List<AreaCount> latest = List.of();

    public StreetCountsFeed(Warehouse warehouse, Duration period) {
        this.warehouse = warehouse;
        this.period = period;
    }

    /** Subscribes; the subscriber gets the latest counts at once and every change after. Returns the unsubscribe action. */
    public synchronized Runnable subscribe(Consumer<List<AreaCount>> subscriber) {
        subscribers.add(subscriber);
        scheduler.execute(() -> subscriber.accept(latest));
        if (polling == null) {
            polling = scheduler.scheduleWithFixedDelay(this::publish, 0, period.toMillis(), TimeUnit.MILLISECONDS);
        }
        return () -> unsubscribe(subscriber);
    }

    private synchronized void unsubscribe(Consumer<List<AreaCount>> subscriber) {
        subscribers.remove(subscriber);
        if (subscribers.isEmpty() && polling != null) {
            polling.cancel(false);
            polling = null;
        }
    }

    /** Runs on the feed's one thread only, so {@code latest} has a single writer. */
    private void publish() {
        List<AreaCount> counts;
        try {
            counts = warehouse.eventCountsByStreet();
        } catch (RuntimeException e) {
            log.warn("could not read the event counts: {}", e.getMessage());
            return;
        }
        if (counts.equals(latest)) {
            return;
        }
        latest = counts;
        for (var subscriber : subscribers) {
            subscriber.accept(counts);
        }
    }
}
