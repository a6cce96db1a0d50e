package io.gridpulse.ingest;

import io.gridpulse.ingest.IngestConfig.Connections;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The review's fourth high finding: connections that sent nothing, part of a head or part of a body stayed open for
 * minutes, half-open ones escaped the connection limit, and a thousand idle keep-alives (or SSE streams of one read
 * key) locked terminals and probes out. Each case here is a real socket against the real edge behind the gate.
 */
class ConnectionGuardsTest {
    private static final Duration QUICK = Duration.ofSeconds(1);
    private static final Duration LONG = Duration.ofSeconds(60);

    @Test
    void aConnectionThatSendsNothingIsClosedAtTheHeadTimeout() throws Exception {
        try (var edge = HardenedEdge.start(limits(20, 20, 2, LONG, QUICK, LONG, 8));
             var socket = connect(edge, "127.0.0.1")) {
            long start = System.nanoTime();
            assertThat(readUntilClosed(socket, 5_000)).isEmpty();
            assertThat(elapsed(start)).isBetween(Duration.ofMillis(700), Duration.ofSeconds(4));
        }
    }

    @Test
    void aHeadDribbledAByteAtATimeIsCutOffAtTheHeadTimeoutThoughBytesKeepComing() throws Exception {
        try (var edge = HardenedEdge.start(limits(20, 20, 2, LONG, QUICK, LONG, 8));
             var socket = connect(edge, "127.0.0.1")) {
            var head = "GET /health/live HTTP/1.1\r\nHost: localhost\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII);
            long start = System.nanoTime();
            var out = socket.getOutputStream();
            try {
                for (int i = 0; i < 40; i++) {
                    out.write(head[i % head.length]);
                    out.flush();
                    Thread.sleep(100);
                }
            } catch (IOException closedOnUs) {
                // the server hung up while we wrote: what is wanted
            }
            assertThat(readUntilClosed(socket, 3_000)).doesNotContain("200 OK");
            assertThat(elapsed(start)).isLessThan(Duration.ofSeconds(4));
        }
    }

    @Test
    void aBodyThatStopsHalfwayIsAnswered408AndTheConnectionClosed() throws Exception {
        try (var edge = HardenedEdge.start(limits(20, 20, 2, LONG, LONG, QUICK, 8));
             var socket = connect(edge, "127.0.0.1")) {
            socket.getOutputStream().write(("POST /api/v1/events HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + HardenedEdge.ADMIN + "\r\nContent-Type: application/json\r\nContent-Length: 400\r\n\r\n{\"eventId\":")
                    .getBytes(StandardCharsets.US_ASCII));
            var answer = readUntilClosed(socket, 5_000);
            assertThat(answer).startsWith("HTTP/1.1 408").contains("application/problem+json").contains("request-timeout");
        }
    }

    @Test
    void anIdleKeepAliveConnectionIsClosedAtTheIdleTimeout() throws Exception {
        try (var edge = HardenedEdge.start(limits(20, 20, 2, Duration.ofSeconds(2), LONG, LONG, 8));
             var socket = connect(edge, "127.0.0.1")) {
            socket.getOutputStream().write(probe());
            var first = new byte[12];
            assertThat(socket.getInputStream().readNBytes(first, 0, 12)).isEqualTo(12);
            assertThat(new String(first, StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 200");
            long start = System.nanoTime();
            readUntilClosed(socket, 6_000);
            assertThat(elapsed(start)).isBetween(Duration.ofMillis(1_500), Duration.ofSeconds(5));
        }
    }

    @Test
    void halfOpenConnectionsCountFromTheirAcceptEachAddressHasItsCapAndProbesKeepTheirReserve() throws Exception {
        // 10 in all, 6 from one address, the last 2 for probes; nobody times out during the test
        try (var edge = HardenedEdge.start(limits(10, 6, 2, LONG, LONG, LONG, 8))) {
            var held = new ArrayList<Socket>();
            try {
                for (int i = 0; i < 6; i++) {
                    held.add(connect(edge, "127.0.0.2"));   // silent: half-open to the server
                }
                awaitOpen(edge, 6);
                try (var seventh = connect(edge, "127.0.0.2")) {
                    assertThat(closedWithin(seventh, 1_000)).as("the seventh from one address is closed at once").isTrue();
                }
                assertThat(edge.server.refusedConnections()).isEqualTo(1);
                held.add(connect(edge, "127.0.0.3"));
                held.add(connect(edge, "127.0.0.3"));
                awaitOpen(edge, 8);
                // 8 open: the next two are the probes' reserve
                try (var work = connect(edge, "127.0.0.4")) {
                    work.getOutputStream().write(("GET /api/v1/areas HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                            + HardenedEdge.ADMIN + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    assertThat(readUntilClosed(work, 3_000)).startsWith("HTTP/1.1 503").contains("Retry-After");
                }
                awaitOpen(edge, 8);
                try (var probe = connect(edge, "127.0.0.4")) {
                    probe.getOutputStream().write(probe());
                    var head = new byte[12];
                    assertThat(probe.getInputStream().readNBytes(head, 0, 12)).isEqualTo(12);
                    assertThat(new String(head, StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 200");
                }
                // the server may see the probe's close after the next connection: wait for it, or that one is the 11th
                awaitOpen(edge, 8);
                held.add(connect(edge, "127.0.0.4"));
                held.add(connect(edge, "127.0.0.5"));
                awaitOpen(edge, 10);
                try (var eleventh = connect(edge, "127.0.0.6")) {
                    assertThat(closedWithin(eleventh, 1_000)).as("one beyond the limit is closed at once").isTrue();
                }
            } finally {
                for (var socket : held) {
                    socket.close();
                }
            }
            awaitOpen(edge, 0);
            var answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(edge.base + "/api/v1/areas"))
                    .header("Authorization", "Bearer " + HardenedEdge.ADMIN).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as("serving again").isEqualTo(200);
        }
    }

    @Test
    void aKeyHoldsAtMostItsShareOfAlertStreams() throws Exception {
        try (var edge = HardenedEdge.start(limits(20, 20, 2, LONG, LONG, LONG, 2))) {
            var streams = new ArrayList<Socket>();
            try {
                for (int i = 0; i < 2; i++) {
                    var stream = connect(edge, "127.0.0.1");
                    stream.getOutputStream().write(streamRequest());
                    var head = new byte[12];
                    assertThat(stream.getInputStream().readNBytes(head, 0, 12)).isEqualTo(12);
                    assertThat(new String(head, StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 200");
                    streams.add(stream);
                }
                try (var third = connect(edge, "127.0.0.1")) {
                    third.getOutputStream().write(streamRequest());
                    assertThat(readUntil(third, "}", 3_000)).startsWith("HTTP/1.1 429").contains("too-many-streams");
                }
                streams.removeFirst().close();
                Thread.sleep(300);   // the server sees the close
                try (var again = connect(edge, "127.0.0.1")) {
                    again.getOutputStream().write(streamRequest());
                    var head = new byte[12];
                    assertThat(again.getInputStream().readNBytes(head, 0, 12)).isEqualTo(12);
                    assertThat(new String(head, StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 200");
                }
            } finally {
                for (var stream : streams) {
                    stream.close();
                }
            }
        }
    }

    private static Connections limits(int max, int perAddress, int reserve, Duration idle, Duration head, Duration body,
                                      int streams) {
        return new Connections(max, perAddress, reserve, idle, head, body, streams);
    }

    /** A connection to the edge from the given loopback address (any of 127.0.0.0/8 reaches it on Linux). */
    private static Socket connect(HardenedEdge edge, String from) throws IOException {
        var socket = new Socket();
        socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
        socket.connect(new InetSocketAddress("127.0.0.1", edge.server.port()), 5_000);
        socket.setSoTimeout(5_000);
        return socket;
    }

    private static void awaitOpen(HardenedEdge edge, int open) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (edge.server.openConnections() != open && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(edge.server.openConnections()).as("connections the gate counts").isEqualTo(open);
    }

    private static byte[] probe() {
        return "GET /health/live HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] streamRequest() {
        return ("GET /api/v1/alerts/stream HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + HardenedEdge.TERM_A
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** Whether the server closes (or resets) the connection within the time, sending nothing. */
    private static boolean closedWithin(Socket socket, int millis) throws IOException {
        socket.setSoTimeout(millis);
        try {
            return socket.getInputStream().read() < 0;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    /** What arrives until the server closes the connection (or resets it), or the time is up. */
    private static String readUntilClosed(Socket socket, int millis) throws IOException {
        return readUntil(socket, null, millis);
    }

    private static String readUntil(Socket socket, String enough, int millis) throws IOException {
        var out = new StringBuilder();
        var buffer = new byte[4096];
        long deadline = System.nanoTime() + Duration.ofMillis(millis).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                socket.setSoTimeout((int) Math.max(1, Duration.ofNanos(deadline - System.nanoTime()).toMillis()));
                var n = socket.getInputStream().read(buffer);
                if (n < 0) {
                    break;
                }
                out.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                if (enough != null && out.indexOf(enough) >= 0) {
                    break;
                }
            } catch (SocketTimeoutException stillOpen) {
                break;
            } catch (IOException reset) {
                break;
            }
        }
        return out.toString();
    }

    private static Duration elapsed(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
