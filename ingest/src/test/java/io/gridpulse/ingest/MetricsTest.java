package io.gridpulse.ingest;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static io.gridpulse.ingest.Samples.demand;
import static io.gridpulse.ingest.Samples.newId;
import static org.assertj.core.api.Assertions.assertThat;

class MetricsTest {
    private static TestIngest ingest;
    private static String scraped;

    @BeforeAll
    static void startAndMakeSomeTraffic() {
        ingest = TestIngest.start();
        ingest.post("/api/v1/events", "application/json", demand(newId()));
        ingest.post("/api/v1/events", "application/json", "{\"eventId\":");
        ingest.post("/api/v1/events:batch", "application/json", "[" + demand(newId()) + "," + demand(newId()) + ",1]");
        ingest.get("/api/v1/event-counts", null);
        ingest.get("/no/such/thing", TestIngest.KEY);
        var answer = ingest.get("/metrics", TestIngest.KEY);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        scraped = answer.body();
    }

    @AfterAll
    static void stop() throws Exception {
        ingest.close();
    }

    @Test
    void requestsAreCountedAndTimedByRouteMethodAndStatus() {
        assertThat(scraped)
                .containsPattern("http_server_requests_seconds_count\\{[^}]*method=\"POST\",route=\"/api/v1/events\",status=\"202\"} 1")
                .containsPattern("http_server_requests_seconds_count\\{[^}]*route=\"/api/v1/events\",status=\"400\"} 1")
                .containsPattern("http_server_requests_seconds_count\\{[^}]*route=\"/api/v1/events:batch\",status=\"200\"} 1")
                .containsPattern("http_server_requests_seconds_count\\{[^}]*route=\"unmatched\",status=\"404\"} 1")
                .containsPattern("http_server_requests_seconds_bucket\\{[^}]*le=\"[0-9.]+\"");
    }

    @Test
    void rejectsAreCountedByProblemType() {
        assertThat(scraped)
                .containsPattern("ingest_rejects_total\\{reason=\"invalid-request\"} 1")
                .containsPattern("ingest_rejects_total\\{reason=\"unauthenticated\"} 1")
                .containsPattern("ingest_rejects_total\\{reason=\"not-found\"} 1");
    }

    @Test
    void acceptedEventsAndLogAppendsAreMeasured() {
        assertThat(scraped)
                .containsPattern("ingest_events_accepted_total\\{endpoint=\"single\"} 1")
                .containsPattern("ingest_events_accepted_total\\{endpoint=\"batch\"} 2")
                .containsPattern("ingest_batch_items_rejected_total 1")
                .containsPattern("ingest_eventlog_append_seconds_count\\{outcome=\"acked\"} 3")
                .containsPattern("ingest_eventlog_append_seconds_bucket\\{outcome=\"acked\",le=")
                .contains("ingest_eventlog_appends_in_flight 0")
                .containsPattern("ingest_requests_in_flight [0-9]");
    }

    @Test
    void metricsNeedAnApiKey() {
        assertThat(ingest.get("/metrics", null).statusCode()).isEqualTo(401);
        assertThat(ingest.get("/metrics", "gpk_wrong").statusCode()).isEqualTo(401);
    }

    @Test
    void promtoolAcceptsTheScrape() throws Exception {
        var promtool = Path.of("/usr/bin/promtool");
        Assumptions.assumeTrue(Files.isExecutable(promtool),
                "promtool is not installed (Debian package 'prometheus'); the format is still checked by the other tests");
        var process = new ProcessBuilder(promtool.toString(), "check", "metrics").redirectErrorStream(true).start();
        try (var in = process.getOutputStream()) {
            in.write(scraped.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        var output = output(process);
        assertThat(process.exitValue()).as(output).isZero();
    }

    private static String output(Process process) throws IOException {
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
