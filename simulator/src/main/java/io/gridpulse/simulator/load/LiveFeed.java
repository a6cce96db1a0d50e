package io.gridpulse.simulator.load;

import io.gridpulse.model.event.Event;
import io.gridpulse.model.json.EventCodec;
import io.gridpulse.simulator.Simulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Feeds a running GridPulse through its public API, as terminals would: first the recent past
 * ({@code backfill}) as fast as the edge takes it, then the present in real time. The demo runs it
 * so that the cockpit is alive within a minute of start.
 */
public final class LiveFeed implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LiveFeed.class);

    private final Simulator simulator;
    private final URI eventsUri;
    private final String apiKey;
    private final Duration backfill;
    private final Clock clock;
    private final EventCodec codec = EventCodec.standard();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Semaphore inFlight = new Semaphore(32);
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    public LiveFeed(Simulator simulator, String ingestBaseUrl, String apiKey, Duration backfill, Clock clock) {
        this.simulator = simulator;
        this.eventsUri = URI.create(ingestBaseUrl + "/api/v1/events");
        this.apiKey = apiKey;
        this.backfill = backfill;
        this.clock = clock;
        this.thread = Thread.ofVirtual().name("simulator-live-feed").unstarted(this::run);
    }

    public LiveFeed start() {
        thread.start();
        return this;
    }

    public long accepted() {
        return accepted.get();
    }

    public long refused() {
        return refused.get();
    }

    private void run() {
        var from = clock.instant().minus(backfill);
        var caughtUp = false;
        var lastReport = System.nanoTime();
        var events = simulator.generator(from);
        try {
            while (running && events.hasNext()) {
                var event = events.next();
                var wait = Duration.between(clock.instant(), event.occurredAt());
                if (!wait.isNegative()) {
                    if (!caughtUp) {
                        caughtUp = true;
                        log.info("simulator: the last {} h are in ({} events); now live in real time",
                                backfill.toHours(), accepted.get());
                    }
                    Thread.sleep(wait);
                }
                send(event);
                if (System.nanoTime() - lastReport > TimeUnit.MINUTES.toNanos(1)) {
                    lastReport = System.nanoTime();
                    log.info("simulator: {} events accepted, {} refused", accepted.get(), refused.get());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void send(Event event) throws InterruptedException {
        inFlight.acquire();
        var request = HttpRequest.newBuilder(eventsUri)
                .header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(codec.encode(event)))
                .build();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
            inFlight.release();
            if (error == null && response.statusCode() == 202) {
                accepted.incrementAndGet();
            } else {
                // a demo feed does not retry: a refusal is logged and counted, the stream goes on
                if (refused.incrementAndGet() <= 5) {
                    log.warn("simulator: event {} refused: {}", event.eventId(),
                            error != null ? error.toString() : response.statusCode() + " " + response.body());
                }
            }
        });
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
