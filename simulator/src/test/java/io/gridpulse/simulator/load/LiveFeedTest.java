package io.gridpulse.simulator.load;

import com.sun.net.httpserver.HttpServer;
import io.gridpulse.model.json.Decoded;
import io.gridpulse.model.json.EventCodec;
import io.gridpulse.simulator.Simulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The feed against a stand-in edge that records what it is sent. */
class LiveFeedTest {
    private HttpServer edge;
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final List<byte[]> bodies = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startEdge() throws Exception {
        edge = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        edge.createContext("/api/v1/events", exchange -> {
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            bodies.add(exchange.getRequestBody().readAllBytes());
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        edge.start();
    }

    @AfterEach
    void stopEdge() {
        edge.stop(0);
    }

    @Test
    void theRecentPastIsSentAtOnceWithTheKeyAndEveryEventIsValid() throws Exception {
        var simulator = Simulator.of(7).withEventsPerSimulatedHour(3_600);
        // a Monday, 11:00 in Shanghai; the clock stands still, so the feed sends the past and then waits
        var now = Instant.parse("2026-11-16T03:00:00Z");
        var backfill = Duration.ofMinutes(10);
        var expected = simulator.events(now.minus(backfill)).takeWhile(e -> e.occurredAt().isBefore(now)).count();
        assertThat(expected).isGreaterThan(100);

        try (var feed = new LiveFeed(simulator, "http://127.0.0.1:" + edge.getAddress().getPort(), "gpk_test",
                backfill, Clock.fixed(now, ZoneOffset.UTC)).start()) {
            var deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (feed.accepted() < expected && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            Thread.sleep(300);   // nothing after the present may follow
            assertThat(feed.accepted()).isEqualTo(expected);
            assertThat(feed.refused()).isZero();
        }
        assertThat(authorizations).allMatch("Bearer gpk_test"::equals);
        var codec = EventCodec.standard();
        assertThat(bodies).allSatisfy(body -> assertThat(codec.decode(body)).isInstanceOf(Decoded.Valid.class));
    }
}
