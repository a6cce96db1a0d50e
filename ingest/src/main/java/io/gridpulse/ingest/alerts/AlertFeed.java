package io.gridpulse.ingest.alerts;

import io.gridpulse.model.alerts.Alert;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * The last alerts of the alerts topic, by offset, shared by every stream client. One thread (the
 * topic's tail) publishes; clients read at their own pace through a {@link Subscription}, which is
 * only a position in this ring, so a slow client costs no memory: once the ring has moved past its
 * position it is {@link Next.Lost lost} and must start again.
 *
 * <p>The ring is complete from {@link #startAt its start}: every offset after the floor that held
 * a readable alert is in it, so "everything after offset n" can be answered exactly whenever n is
 * at or after the floor.
 */
public final class AlertFeed {
    /** How many alerts the ring keeps by default. */
    public static final int DEFAULT_CAPACITY = 10_000;
    private static final long UNKNOWN = Long.MIN_VALUE;

    /** One alert and its offset on the topic, which is also its event id in the stream. */
    public record Entry(long offset, Alert alert) {}

    /** What a subscription finds when it asks for more. */
    public sealed interface Next {
        /** The next alerts that pass the filter, oldest first; empty when there are none yet. */
        record Alerts(List<Entry> entries) implements Next {}

        /**
         * Alerts after the subscription's position have left the ring, or the position lies beyond the last offset
         * the log holds ({@code ahead}: an id this service never issued, or one from a log since recreated).
         */
        record Lost(long floor, boolean ahead) implements Next {}
    }

    private final Entry[] ring;
    private int start;
    private int size;
    /** Every offset after this one is in the ring, as far as the tail has read; UNKNOWN before the tail starts. */
    private long floor = UNKNOWN;
    /** Where the log ended when the tail started: clients that ask only for new alerts begin there. */
    private long liveFrom = UNKNOWN;
    private long lastOffset = UNKNOWN;
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();

    public AlertFeed(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("the ring must hold at least one alert, not " + capacity);
        }
        this.ring = new Entry[capacity];
    }

    public int capacity() {
        return ring.length;
    }

    /**
     * The tail (re)starts reading at {@code firstOffset}, while the log ends at {@code endOffset}.
     * Anything kept from before is dropped when the tail does not continue where it stopped.
     */
    public void startAt(long firstOffset, long endOffset) {
        synchronized (this) {
            if (firstOffset != lastOffset + 1 || floor == UNKNOWN) {
                start = 0;
                size = 0;
                java.util.Arrays.fill(ring, null);
                floor = firstOffset - 1;
                lastOffset = firstOffset - 1;
            }
            liveFrom = Math.max(endOffset - 1, floor);
            for (var s : subscriptions) {
                if (s.cursor == UNKNOWN) {
                    s.cursor = liveFrom;
                }
            }
        }
        notifySubscribers();
    }

    /** Adds the alert read at {@code offset}; offsets at or before the last one are ignored (a re-read). */
    public void publish(long offset, Alert alert) {
        synchronized (this) {
            if (floor == UNKNOWN) {
                throw new IllegalStateException("the feed was not started: call startAt before publishing");
            }
            if (offset <= lastOffset) {
                return;
            }
            if (size == ring.length) {
                floor = ring[start].offset();
                ring[start] = null;
                start = (start + 1) % ring.length;
                size--;
            }
            ring[(start + size) % ring.length] = new Entry(offset, alert);
            size++;
            lastOffset = offset;
        }
        notifySubscribers();
    }

    /**
     * A reader of alerts after {@code afterOffset}, or, when it is empty, of those published from now
     * on. {@code onAvailable} is called (on the publishing thread; it must only schedule work) whenever
     * something may be ready.
     */
    public Subscription subscribe(OptionalLong afterOffset, Predicate<Alert> filter, Runnable onAvailable) {
        var subscription = new Subscription(filter, onAvailable);
        synchronized (this) {
            subscription.cursor = afterOffset.isPresent() ? afterOffset.getAsLong()
                    : floor == UNKNOWN ? UNKNOWN : Math.max(lastOffset, liveFrom);
            subscriptions.add(subscription);
        }
        return subscription;
    }

    /** How many clients are subscribed. */
    public int subscribers() {
        return subscriptions.size();
    }

    private void notifySubscribers() {
        for (var s : subscriptions) {
            s.onAvailable.run();
        }
    }

    /** Index in the ring (0 = oldest) of the first entry after {@code offset}; size when there is none. */
    private int firstAfter(long offset) {
        int low = 0;
        int high = size;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (ring[(start + mid) % ring.length].offset() <= offset) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** One client's position in the feed. Not for concurrent use by several readers. */
    public final class Subscription implements AutoCloseable {
        private final Predicate<Alert> filter;
        private final Runnable onAvailable;
        /** The offset last delivered or passed over; guarded by the feed. */
        private long cursor;

        private Subscription(Predicate<Alert> filter, Runnable onAvailable) {
            this.filter = filter;
            this.onAvailable = onAvailable;
        }

        /** Up to {@code max} alerts after the position that pass the filter, moving the position past them. */
        public Next next(int max) {
            synchronized (AlertFeed.this) {
                if (floor == UNKNOWN || cursor == UNKNOWN) {
                    return new Next.Alerts(List.of());
                }
                if (cursor < floor) {
                    return new Next.Lost(floor, false);
                }
                if (cursor > Math.max(lastOffset, liveFrom)) {
                    // waiting would deliver nothing until the log reached that offset, new alerts included
                    return new Next.Lost(floor, true);
                }
                var out = new ArrayList<Entry>(Math.min(max, size));
                for (int i = firstAfter(cursor); i < size && out.size() < max; i++) {
                    var entry = ring[(start + i) % ring.length];
                    cursor = entry.offset();
                    if (filter.test(entry.alert())) {
                        out.add(entry);
                    }
                }
                return new Next.Alerts(out);
            }
        }

        /** Whether alerts after the position have left the ring. */
        public boolean isLost() {
            synchronized (AlertFeed.this) {
                return floor != UNKNOWN && cursor != UNKNOWN && cursor < floor;
            }
        }

        /** Moves the position to the oldest alert the ring still holds, e.g. after telling the client to reset. */
        public void rewindToOldest() {
            synchronized (AlertFeed.this) {
                if (floor != UNKNOWN) {
                    cursor = floor;
                }
            }
        }

        @Override
        public void close() {
            subscriptions.remove(this);
        }
    }
}
