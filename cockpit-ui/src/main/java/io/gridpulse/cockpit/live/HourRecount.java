package io.gridpulse.cockpit.live;

import io.gridpulse.warehouse.Warehouse;
import io.gridpulse.warehouse.counts.EventHours;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Recounts the last hours of {@code event_hours} from the events table, at start and then every few minutes.
 * The stream jobs keep the counters current, but a count they start afresh (after an upgrade that added the
 * table, or for an hour they had forgotten before a very late upload) is lower than the stored one and the table
 * ignores it; this repairs such hours. A recount only ever raises a count to the true number of distinct events,
 * so it is safe beside the jobs and beside other cockpits doing the same.
 */
public final class HourRecount implements AutoCloseable {
    /** How far back each recount reaches. */
    public static final Duration REACH = Duration.ofHours(3);
    /** How often it runs. */
    public static final Duration EVERY = Duration.ofMinutes(5);
    private static final Logger log = LoggerFactory.getLogger(HourRecount.class);

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        var thread = new Thread(r, "gp-hour-recount");
        thread.setDaemon(true);
        return thread;
    });

    private HourRecount() {}

    /** Starts recounting: the first run at once, in the background. */
    public static HourRecount start(Warehouse warehouse, Clock clock) {
        var recount = new HourRecount();
        var hours = new EventHours(warehouse);
        recount.scheduler.scheduleWithFixedDelay(() -> {
            var now = clock.instant();
            try {
                hours.recount(now.minus(REACH), now.plus(Duration.ofHours(1)));
            } catch (RuntimeException e) {
                log.warn("recount of the last {} of event hours failed, next try in {}: {}", REACH, EVERY, e.getMessage());
            }
        }, 0, EVERY.toMillis(), TimeUnit.MILLISECONDS);
        return recount;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
