package io.gridpulse.cockpit.live;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Keys from URLs cannot pile up live queries: one nobody watches is dropped after the grace, a pinned one stays. */
class LiveQueryCacheTest {

    @Test
    void aQueryNobodyWatchesIsDroppedWhenTheNextIsAskedForAndAWatchedOneStays() throws Exception {
        var made = new AtomicInteger();
        var cache = new LiveQueryCache<String, Integer>(key -> {
            made.incrementAndGet();
            return new LiveQuery<>("test-" + key, () -> 1, Duration.ofHours(1));
        }, Duration.ZERO);
        var watched = cache.get("watched");
        var unsubscribe = watched.subscribe(value -> { });
        for (int i = 0; i < 1_000; i++) {
            cache.get("made-up-" + i);
        }
        Thread.sleep(5);
        cache.get("one-more");
        assertThat(cache.size()).as("the watched one and the newest").isEqualTo(2);
        assertThat(cache.get("watched")).isSameAs(watched);
        unsubscribe.run();
        Thread.sleep(5);
        cache.get("after");
        assertThat(cache.get("watched")).as("made again once nobody watched it").isNotSameAs(watched);
        assertThat(made.get()).isEqualTo(1_004);
    }

    @Test
    void aPinnedQueryIsKeptWhileNobodyWatchesIt() throws Exception {
        var cache = new LiveQueryCache<String, Integer>(key -> new LiveQuery<>("test-" + key, () -> 1, Duration.ofHours(1)),
                Duration.ZERO);
        var wall = cache.pinned("439901");
        Thread.sleep(5);
        cache.get("other");
        assertThat(cache.get("439901")).isSameAs(wall);
    }
}
