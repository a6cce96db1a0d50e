package io.gridpulse.simulator.load;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.gridpulse.model.json.Decoded;
import io.gridpulse.model.json.EventCodec;
import io.gridpulse.simulator.Simulator;
import io.gridpulse.simulator.wire.Transmission;
import io.gridpulse.simulator.wire.WireOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The feed against a stand-in edge that judges what it is sent as ingest does: 202, 400, or a batch report. */
class LiveFeedTest {
    private HttpServer edge;
    private final EventCodec codec = EventCodec.standard();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final List<byte[]> singles = new CopyOnWriteArrayList<>();
    private final AtomicInteger batches = new AtomicInteger();

    @BeforeEach
    void startEdge() throws Exception {
        edge = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        edge.createContext("/api/v1/events", this::judge);
        edge.start();
    }

    private void judge(HttpExchange exchange) throws IOException {
        authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
        var body = exchange.getRequestBody().readAllBytes();
        if (exchange.getRequestURI().getPath().endsWith(":batch")) {
            batches.incrementAndGet();
            int accepted = 0;
            int rejected = 0;
            for (var line : new String(body, StandardCharsets.UTF_8).split("\n")) {
                if (codec.decode(line) instanceof Decoded.Valid) {
                    accepted++;
                } else {
                    rejected++;
                }
            }
            var answer = ("{\"accepted\":" + accepted + ",\"rejected\":" + rejected + ",\"retry\":0,\"results\":[]}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
        } else {
            singles.add(body);
            exchange.sendResponseHeaders(codec.decode(body) instanceof Decoded.Valid ? 202 : 400, -1);
        }
        exchange.close();
    }

    @AfterEach
    void stopEdge() {
        edge.stop(0);
    }

    private LiveFeed feed(Simulator simulator, Duration backfill, Instant now) {
        return new LiveFeed(simulator, "http://127.0.0.1:" + edge.getAddress().getPort(), "gpk_test", backfill,
                Clock.fixed(now, ZoneOffset.UTC));
    }

    private static void awaitCount(LiveFeed feed, long expected) throws InterruptedException {
        var deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (feed.accepted() + feed.malformedRejected() + feed.refused() < expected && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        Thread.sleep(300);   // nothing after the present may follow
    }

    @Test
    void theRecentPastIsSentAtOnceWithTheKeyAndEveryEventIsValid() throws Exception {
        var simulator = Simulator.of(7).withEventsPerSimulatedHour(3_600).withWire(WireOptions.perfect());
        // a Monday, 11:00 in Shanghai; the clock stands still, so the feed sends the past and then waits
        var now = Instant.parse("2026-11-16T03:00:00Z");
        var backfill = Duration.ofMinutes(10);
        var expected = simulator.events(now.minus(backfill)).takeWhile(e -> e.occurredAt().isBefore(now)).count();
        assertThat(expected).isGreaterThan(100);

        try (var feed = feed(simulator, backfill, now).start()) {
            awaitCount(feed, expected);
            assertThat(feed.accepted()).isEqualTo(expected);
            assertThat(feed.refused()).isZero();
            assertThat(feed.malformedRejected()).isZero();
        }
        assertThat(authorizations).allMatch("Bearer gpk_test"::equals);
        assertThat(singles).allSatisfy(body -> assertThat(codec.decode(body)).isInstanceOf(Decoded.Valid.class));
    }

    @Test
    void lateUploadsGoInBatchesAndMalformedMessagesAreCountedApartFromRefusals() throws Exception {
        var wire = new WireOptions(1.0, Duration.ofHours(1), Duration.ofHours(2), 0.02, 1_000);
        var simulator = Simulator.of(7).withEventsPerSimulatedHour(600).withWire(wire);
        var now = Instant.parse("2026-11-16T10:00:00Z");   // 18:00 in Shanghai: the day's spells are over
        var backfill = Duration.ofHours(12);
        long events = 0;
        long late = 0;
        long malformed = 0;
        for (var it = simulator.transmissions(now.minus(backfill)); ; ) {
            var t = it.next();
            if (!t.sentAt().isBefore(now)) {
                break;
            }
            switch (t) {
                case Transmission.Single s -> events++;
                case Transmission.Batch b -> {
                    events += b.events().size();
                    late += b.events().size();
                }
                case Transmission.Malformed m -> malformed++;
            }
        }
        assertThat(late).isGreaterThan(100);
        assertThat(malformed).isGreaterThan(10);

        try (var feed = feed(simulator, backfill, now).start()) {
            awaitCount(feed, events + malformed);
            assertThat(feed.accepted()).isEqualTo(events);
            assertThat(feed.lateAccepted()).isEqualTo(late);
            assertThat(feed.malformedRejected()).isEqualTo(malformed);
            assertThat(feed.refused()).isZero();
        }
        assertThat(batches.get()).isPositive();
    }
}
