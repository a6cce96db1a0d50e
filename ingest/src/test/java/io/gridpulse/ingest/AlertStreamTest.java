package io.gridpulse.ingest;

import io.gridpulse.ingest.alerts.AlertFeed;
import io.gridpulse.model.alerts.Alert;
import io.gridpulse.model.alerts.AlertKind;
import io.gridpulse.model.alerts.AlertStatus;
import io.gridpulse.model.alerts.Severity;
import io.gridpulse.model.area.AreaLineage;
import io.gridpulse.warehouse.alerts.AlertJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The Server-Sent Events framing of {@code GET /api/v1/alerts/stream}, fed by hand (no Kafka here). */
@Timeout(60)
class AlertStreamTest {
    private static final Instant T0 = Instant.parse("2026-11-23T01:00:00Z");
    private static final String STREAM = "/api/v1/alerts/stream";
    private static final HttpClient http = HttpClient.newHttpClient();
    private static final ManualAlertSource source = new ManualAlertSource();
    private static final AtomicLong nextOffset = new AtomicLong();
    private static TestIngest ingest;

    @BeforeAll
    static void start() {
        ingest = TestIngest.start(null, source, Duration.ofMillis(300));
        feed().startAt(0, 0);
    }

    @AfterAll
    static void stop() {
        ingest.close();
        assertThat(source.closed).as("the source is closed when the server stops").isTrue();
    }

    static AlertFeed feed() {
        return source.feed;
    }

    /** Publishes an alert at the next offset and returns that offset. */
    static long publish(String kind, String grid) {
        long offset = nextOffset.getAndIncrement();
        feed().publish(offset, new Alert("alert-" + offset, AlertKind.of(kind), Severity.MAJOR, AlertStatus.OPEN,
                "case-" + offset, "p", 0, null, T0.plusSeconds(offset), null, new AreaLineage(grid, grid.substring(0,
                12), grid.substring(0, 9), grid.substring(0, 6)), "第 " + offset + " 条", 1));
        return offset;
    }

    static long publish() {
        return publish("sla_breach", "439901001001001");
    }

    /** One event as read from the wire. */
    record Event(String id, String type, String data) {}

    /** Reads a stream's lines on the HTTP client's thread; the test takes whole events with a timeout. */
    static final class Client implements AutoCloseable {
        final HttpResponse<Stream<String>> response;
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        final List<String> comments = new ArrayList<>();
        private final Thread reader;

        Client(String query, String lastEventId) throws Exception {
            var request = ingest.request(STREAM + query).timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + TestIngest.KEY).header("Accept", "text/event-stream");
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofLines());
            reader = Thread.ofVirtual().start(() -> {
                try {
                    response.body().forEach(lines::add);
                } catch (RuntimeException closed) {
                    lines.add("<closed: " + closed + ">");
                }
                lines.add("<end>");
            });
        }

        /** The next event, skipping comments and the retry hint. */
        Event next() throws InterruptedException {
            String id = null;
            String type = null;
            var data = new StringBuilder();
            while (true) {
                var line = lines.poll(10, TimeUnit.SECONDS);
                assertThat(line).as("a line within 10 s").isNotNull();
                assertThat(line).doesNotStartWith("<");
                if (line.isEmpty()) {
                    if (type != null) {
                        return new Event(id, type, data.toString());
                    }
                } else if (line.startsWith(":")) {
                    comments.add(line);
                } else if (line.startsWith("id: ")) {
                    id = line.substring(4);
                } else if (line.startsWith("event: ")) {
                    type = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    data.append(data.isEmpty() ? "" : "\n").append(line.substring(6));
                } else {
                    assertThat(line).startsWith("retry: ");
                }
            }
        }

        @Override
        public void close() {
            response.body().close();
            reader.interrupt();
        }
    }

    @Test
    void theStreamIsAnEventStreamThatAsksClientsToRetryAfterThreeSeconds() throws Exception {
        try (var client = new Client("", null)) {
            assertThat(client.response.statusCode()).isEqualTo(200);
            assertThat(client.response.headers().firstValue("Content-Type")).hasValue("text/event-stream; charset=utf-8");
            assertThat(client.response.headers().firstValue("Cache-Control")).hasValue("no-cache");
            assertThat(client.lines.poll(10, TimeUnit.SECONDS)).isEqualTo("retry: 3000");
        }
    }

    @Test
    void aLiveAlertArrivesWithItsOffsetAsIdAndItsJsonAsData() throws Exception {
        try (var client = new Client("", null)) {
            Eventually.within5s(() -> feed().subscribers() > 0);
            long offset = publish();

            var event = client.next();

            assertThat(event.id()).isEqualTo(Long.toString(offset));
            assertThat(event.type()).isEqualTo("alert");
            var alert = AlertJson.decode(event.data().getBytes(StandardCharsets.UTF_8));
            assertThat(alert.alertId()).isEqualTo("alert-" + offset);
            assertThat(alert.detail()).isEqualTo("第 " + offset + " 条");
        }
    }

    @Test
    void aClientResumingWithLastEventIdGetsEveryAlertAfterItThenLiveOnes() throws Exception {
        long first = publish();
        long second = publish();
        long third = publish();
        try (var client = new Client("", Long.toString(first))) {
            assertThat(client.next().id()).isEqualTo(Long.toString(second));
            assertThat(client.next().id()).isEqualTo(Long.toString(third));
            long live = publish();
            assertThat(client.next().id()).isEqualTo(Long.toString(live));
        }
    }

    @Test
    void theQueryParameterResumesAFirstConnectionAndTheHeaderWinsOverIt() throws Exception {
        long first = publish();
        long second = publish();
        long third = publish();
        try (var client = new Client("?lastEventId=" + first, null)) {
            assertThat(client.next().id()).isEqualTo(Long.toString(second));
        }
        try (var client = new Client("?lastEventId=" + first, Long.toString(second))) {
            assertThat(client.next().id()).isEqualTo(Long.toString(third));
        }
    }

    @Test
    void areaAndKindFiltersPassOnlyMatchingAlerts() throws Exception {
        long before = nextOffset.get() - 1;
        publish("sla_warning", "439901001001001");
        long match = publish("sla_breach", "439901002001001");
        publish("sla_breach", "449901001001001");
        long alsoMatch = publish("sla_breach", "439901001001001");
        try (var client = new Client("?kind=sla_breach&area=439901", Long.toString(before))) {
            assertThat(client.next().id()).isEqualTo(Long.toString(match));
            assertThat(client.next().id()).isEqualTo(Long.toString(alsoMatch));
        }
    }

    @Test
    void aClientResumingFromAnAlertNoLongerHeldIsToldToResetThenGetsEverythingHeld() throws Exception {
        long gone = publish();
        for (int i = 0; i < AlertFeed.DEFAULT_CAPACITY + 5; i++) {
            publish();
        }
        long oldestHeld = nextOffset.get() - AlertFeed.DEFAULT_CAPACITY;
        try (var client = new Client("", Long.toString(gone))) {
            var reset = client.next();
            assertThat(reset.type()).isEqualTo("reset");
            assertThat(reset.id()).isNull();
            assertThat(reset.data()).contains("/api/v1/alerts");
            var first = client.next();
            assertThat(first.type()).isEqualTo("alert");
            assertThat(first.id()).isEqualTo(Long.toString(oldestHeld));
        }
    }

    @Test
    void aClientResumingFromAnIdNeverIssuedIsToldToResetAndThenGetsNewAlerts() throws Exception {
        publish();
        try (var client = new Client("", "999999999")) {
            var reset = client.next();
            assertThat(reset.type()).isEqualTo("reset");
            assertThat(reset.data()).contains("never issued", "/api/v1/alerts");
            // everything held follows, then the live ones: the newest is the one published now
            long live = publish();
            String id;
            do {
                id = client.next().id();
            } while (!Long.toString(live).equals(id));
        }
    }

    @Test
    void anIdleStreamCarriesKeepAliveComments() throws Exception {
        try (var client = new Client("?kind=sla_unscheduled", null)) {
            Eventually.within(Duration.ofSeconds(5), () -> client.lines.contains(": keep-alive"));
        }
    }

    @Test
    void aClientThatHangsUpIsUnsubscribed() throws Exception {
        Eventually.within5s(() -> feed().subscribers() == 0);
        var client = new Client("", null);
        Eventually.within5s(() -> feed().subscribers() == 1);

        client.close();
        publish();   // a write to the closed socket also ends it

        Eventually.within(Duration.ofSeconds(10), () -> feed().subscribers() == 0);
    }

    @Test
    void aClientThatStopsReadingIsDisconnectedOnceTheFeedMovesPastItNotBufferedWithoutBound() throws IOException {
        Eventually.within5s(() -> feed().subscribers() == 0);
        try (var socket = new Socket()) {
            socket.setReceiveBufferSize(4096);
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", ingest.server.port()));
            socket.getOutputStream().write(("GET " + STREAM + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                    + TestIngest.KEY + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            Eventually.within5s(() -> feed().subscribers() == 1);

            // never read: the socket fills, then the write queue, then the feed drops what this client has not had
            long from = nextOffset.get();
            Eventually.within(Duration.ofSeconds(30), () -> {
                for (int i = 0; i < 1_000; i++) {
                    publish();
                }
                return feed().subscribers() == 0;
            });
            assertThat(nextOffset.get() - from).as("alerts published before the client was dropped")
                    .isGreaterThan(AlertFeed.DEFAULT_CAPACITY);
        }
    }
}
