package io.gridpulse.cockpit.live;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Live queries by key (an area, an area and a department), made when first asked for. A query nobody has watched for
 * {@link #GRACE} is dropped the next time any is asked for, so keys that come from a URL cannot pile up queries and
 * their last answers; a pinned key (a region's wall, read ahead at start) stays.
 */
public final class LiveQueryCache<K, T> {
    /** How long a query nobody watches is kept for the next screen that asks. */
    public static final Duration GRACE = Duration.ofMinutes(2);
    private final Map<K, LiveQuery<T>> byKey = new ConcurrentHashMap<>();
    private final Set<K> pinned = ConcurrentHashMap.newKeySet();
    private final Function<K, LiveQuery<T>> make;
    private final Duration grace;

    public LiveQueryCache(Function<K, LiveQuery<T>> make) {
        this(make, GRACE);
    }

    LiveQueryCache(Function<K, LiveQuery<T>> make, Duration grace) {
        this.make = make;
        this.grace = grace;
    }

    /** The query of this key, made if there is none. */
    public LiveQuery<T> get(K key) {
        byKey.entrySet().removeIf(e -> !pinned.contains(e.getKey()) && e.getValue().idleLongerThan(grace));
        return byKey.computeIfAbsent(key, make);
    }

    /** The query of this key, kept even while nobody watches it. */
    public LiveQuery<T> pinned(K key) {
        pinned.add(key);
        return get(key);
    }

    /** How many queries are kept. */
    public int size() {
        return byKey.size();
    }
}
