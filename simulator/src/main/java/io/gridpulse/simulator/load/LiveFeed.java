package io.gridpulse.simulator.load;

import io.gridpulse.model.event.Event;
import io.gridpulse.model.json.EventCodec;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridpulse.simulator.Simulator;
import io.gridpulse.simulator.wire.Transmission;
import io.gridpulse.simulator.wire.Transmissions;
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
 *
 * <p>It sends the simulator's {@link Simulator#transmissions transmissions}: events one by one to
 * {@code /api/v1/events}, the uploads of terminals that were offline to {@code /api/v1/events:batch} (NDJSON),
 * and the deliberately malformed messages to {@code /api/v1/events}, where a 400 is the expected answer: those
 * are counted in {@link #malformedRejected()}, not in {@link #refused()}.
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
    private final AtomicLong lateAccepted = new AtomicLong();
    private final AtomicLong malformedRejected = new AtomicLong();
    private final URI batchUri;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Thread thread;
    private volatile boolean running = true;

    public LiveFeed(Simulator simulator, String ingestBaseUrl, String apiKey, Duration backfill, Clock clock) {
        this.simulator = simulator;
        this.eventsUri = URI.create(ingestBaseUrl + "/api/v1/events");
        this.batchUri = URI.create(ingestBaseUrl + "/api/v1/events:batch");
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

    /** Events the edge did not take that it should have (errors, 4xx/5xx on valid events); logged, not retried. */
    public long refused() {
        return refused.get();
    }

    /** Events accepted late, in the batches of terminals that had been offline (included in {@link #accepted()}). */
    public long lateAccepted() {
        return lateAccepted.get();
    }

    /** Deliberately malformed messages the edge refused with 400, as it must. */
    public long malformedRejected() {
        return malformedRejected.get();
    }

    private void run() {
        var from = clock.instant().minus(backfill);
        var caughtUp = false;
        var lastReport = System.nanoTime();
        var transmissions = simulator.transmissions(from);
        try {
            while (running && transmissions.hasNext()) {
                var transmission = transmissions.next();
                var wait = Duration.between(clock.instant(), transmission.sentAt());
                if (!wait.isNegative()) {
                    if (!caughtUp) {
                        caughtUp = true;
                        log.info("simulator: the last {} h are in ({} events); now live in real time",
                                backfill.toHours(), accepted.get());
                    }
                    Thread.sleep(wait);
                }
                switch (transmission) {
                    case Transmission.Single single -> send(single.event());
                    case Transmission.Batch batch -> send(batch);
                    case Transmission.Malformed malformed -> send(malformed);
                }
                if (System.nanoTime() - lastReport > TimeUnit.MINUTES.toNanos(1)) {
                    lastReport = System.nanoTime();
                    log.info("simulator: {} events accepted ({} late from offline terminals), {} refused, {} malformed"
                            + " messages rejected as intended", accepted.get(), lateAccepted.get(), refused.get(),
                            malformedRejected.get());
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

    private void send(Transmission.Batch batch) throws InterruptedException {
        inFlight.acquire();
        var body = new java.io.ByteArrayOutputStream(batch.events().size() * 400);
        for (var event : batch.events()) {
            body.writeBytes(codec.encode(event));
            body.write('\n');
        }
        var request = HttpRequest.newBuilder(batchUri)
                .header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "application/x-ndjson")
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
            inFlight.release();
            int taken = 0;
            if (error == null && response.statusCode() == 200) {
                try {
                    taken = JSON.readTree(response.body()).path("accepted").asInt(0);
                } catch (java.io.IOException unreadable) {
                    taken = 0;
                }
            }
            accepted.addAndGet(taken);
            lateAccepted.addAndGet(taken);
            int lost = batch.events().size() - taken;
            if (lost > 0 && refused.getAndAdd(lost) < 5) {
                log.warn("simulator: {} of {} late events from {} not accepted: {}", lost, batch.events().size(),
                        batch.source(), error != null ? error.toString() : response.statusCode() + " " + response.body());
            }
        });
    }

    private void send(Transmission.Malformed malformed) throws InterruptedException {
        inFlight.acquire();
        var request = HttpRequest.newBuilder(eventsUri)
                .header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(Transmissions.bytes(malformed)))
                .build();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
            inFlight.release();
            if (error == null && response.statusCode() == 400) {
                malformedRejected.incrementAndGet();
            } else {
                // a broken message the edge took (or could not judge) is a finding, not noise
                log.warn("simulator: a malformed message ({}) was answered {}", malformed.defect(),
                        error != null ? error.toString() : response.statusCode() + " " + response.body());
                refused.incrementAndGet();
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
