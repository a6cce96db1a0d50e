package io.gridpulse.ingest;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The review's third high finding: every request's timer was tagged with the raw method before authentication, so
 * {@code curl -X AAAA1}, {@code AAAA2}, ... each added a histogram series for ever. Methods outside a fixed set are
 * now refused with 501 before any meter is touched, and routes are labelled by their template.
 */
class MetricsCardinalityTest {
    private static HardenedEdge edge;

    @BeforeAll
    static void start() throws Exception {
        edge = HardenedEdge.start(io.gridpulse.ingest.IngestConfig.Connections.defaults());
    }

    @AfterAll
    static void stop() throws Exception {
        edge.close();
    }

    @Test
    void madeUpMethodsAreRefusedWith501AndAddNoSeries() throws Exception {
        scrape();   // the scrape's own series exists from here on
        var before = series(scrape());
        for (int i = 0; i < 50; i++) {
            var answer = raw("AAAA" + i + " /api/v1/events HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n");
            assertThat(answer).startsWith("HTTP/1.1 501").contains("application/problem+json").contains("\"status\":501");
        }
        var after = scrape();
        assertThat(after).doesNotContain("AAAA");
        assertThat(series(after)).as("series of http_server_requests").isEqualTo(before);
    }

    @Test
    void parameterisedRoutesAreLabelledByTheirTemplate() throws Exception {
        assertThat(edge.get("/api/v1/areas/439901", HardenedEdge.ADMIN).statusCode()).isEqualTo(200);
        assertThat(edge.get("/api/v1/areas/439901001", HardenedEdge.ADMIN).statusCode()).isEqualTo(200);
        var scraped = scrape();
        assertThat(scraped).contains("route=\"/api/v1/areas/{code}\"").doesNotContain("route=\"/api/v1/areas/439901");
    }

    private static long series(String scrape) {
        return Arrays.stream(scrape.split("\n")).filter(l -> l.startsWith("http_server_requests_seconds_count{")).count();
    }

    private static String scrape() {
        var answer = edge.get("/metrics", HardenedEdge.ADMIN);
        assertThat(answer.statusCode()).isEqualTo(200);
        return answer.body();
    }

    /** One request written as is, and the answer read until the server closes or 2 s pass. */
    private static String raw(String request) throws IOException {
        try (var socket = new Socket("127.0.0.1", edge.server.port())) {
            socket.setSoTimeout(2_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            var out = new StringBuilder();
            var buffer = new byte[4096];
            try {
                for (int n; (n = socket.getInputStream().read(buffer)) > 0; ) {
                    out.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                    if (out.indexOf("}") > 0) {
                        break;
                    }
                }
            } catch (java.net.SocketTimeoutException enough) {
                // the answer is what arrived
            }
            return out.toString();
        }
    }
}
