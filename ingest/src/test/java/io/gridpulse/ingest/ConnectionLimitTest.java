package io.gridpulse.ingest;

import io.gridpulse.model.testing.TestClock;

import io.gridpulse.ingest.auth.ApiKeys;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A flood of connections is turned away at the door, and the edge serves again once they are gone. */
class ConnectionLimitTest {
    private static Vertx vertx;
    private static IngestServer server;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        var config = new IngestConfig("127.0.0.1", 0, "unused:9092", "gp.events", ApiKeys.of(Map.of("t", "gpk_key-0123456789")),
                "0123456789abcdef0123456789abcdef".getBytes(), 16 * 1024, 100).withClock(TestClock.get()).withMaxConnections(5);
        server = new IngestServer(config, new RecordingEventLog(), null);
        vertx.deployVerticle(server).await(10, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void connectionsBeyondTheLimitAreClosedAndServiceResumesWhenTheyGo() throws Exception {
        var open = new ArrayList<Socket>();
        try {
            for (int i = 0; i < 5; i++) {
                open.add(keptAlive());
            }
            try (var sixth = new Socket("127.0.0.1", server.port())) {
                sixth.setSoTimeout(5_000);
                sixth.getOutputStream().write(probe());
                assertThat(readAll(sixth.getInputStream())).as("the server hung up without answering").isEmpty();
            }
            assertThat(server.refusedConnections()).isGreaterThanOrEqualTo(1);
        } finally {
            for (var socket : open) {
                socket.close();
            }
        }
        Thread.sleep(200);   // let the server see the closes
        var answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/health/live")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
    }

    /** A connection that has been answered once and stays open (HTTP/1.1 keep-alive). */
    private static Socket keptAlive() throws Exception {
        var socket = new Socket("127.0.0.1", server.port());
        socket.setSoTimeout(5_000);
        socket.getOutputStream().write(probe());
        var head = new byte[12];
        assertThat(socket.getInputStream().readNBytes(head, 0, 12)).isEqualTo(12);
        assertThat(new String(head, StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 200");
        return socket;
    }

    private static byte[] probe() {
        return "GET /health/live HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    }

    private static String readAll(InputStream in) throws Exception {
        try {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (java.net.SocketException reset) {
            return "";
        }
    }
}
