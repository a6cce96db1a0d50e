package io.gridpulse.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridpulse.ingest.auth.ApiKeys;
import io.gridpulse.model.testing.TestClock;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/v1/sla/deadline}: the deadline a clock gets, on the shipped years and the operators' folder. */
class DeadlinePreviewTest {
    @TempDir
    static Path calendars;
    private static Vertx vertx;
    private static IngestServer server;
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        var config = new IngestConfig("127.0.0.1", 0, "unused:9092", "gp.events", ApiKeys.of(Map.of("t", TestIngest.KEY)),
                "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8), 16 * 1024, 100)
                .withClock(TestClock.get()).withCalendarDir(calendars);
        server = new IngestServer(config, new RecordingEventLog(), null, new ManualAlertSource());
        vertx.deployVerticle(server).await(10, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void aDeadlineInAYearWithoutItsNoticeIsProvisionalAndExactOnceTheYearFileIsInTheFolder() throws Exception {
        var answer = get("policy=complex_problem.closed_loop&from=" + encode("2026-12-23T10:00:00+08:00"));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        var body = JSON.readTree(answer.body());
        assertThat(body.get("policy").asText()).isEqualTo("complex_problem.closed_loop");
        assertThat(body.get("from").asText()).isEqualTo("2026-12-23T10:00:00+08:00");
        assertThat(body.get("deadline").asText()).isEqualTo("2027-01-05T00:00:00+08:00");
        assertThat(body.get("warningAt").asText()).isEqualTo("2027-01-04T00:00:00+08:00");
        assertThat(body.get("provisional").asBoolean()).isTrue();
        assertThat(body.get("provisionalYears").toString()).isEqualTo("[2027]");
        assertThat(body.get("calendarYears").toString()).isEqualTo("[2025,2026]");

        Files.writeString(calendars.resolve("cn-2027.txt"), "year 2027\n2027-01-01 off 元旦\n2027-01-04 off 元旦\n");
        // the folder is looked at every few seconds: the notice counts from the next look
        Eventually.within(java.time.Duration.ofSeconds(15), () -> {
            try {
                var again = JSON.readTree(get("policy=complex_problem.closed_loop&from=" + encode("2026-12-23T10:00:00+08:00")).body());
                return !again.get("provisional").asBoolean() && again.get("deadline").asText().equals("2027-01-06T00:00:00+08:00")
                        && again.get("calendarYears").toString().equals("[2025,2026,2027]");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void everyMissingOrBadParameterIsNamed() throws Exception {
        assertThat(parameters(get(""))).containsExactly("policy");
        assertThat(parameters(get("policy=no.such&from=" + encode("2026-12-23T10:00:00+08:00")))).containsExactly("policy");
        assertThat(parameters(get("policy=complex_problem.closed_loop&from=yesterday"))).containsExactly("from");
        assertThat(parameters(get("policy=complex_problem.closed_loop&from=2026-12-23T10:00:00"))).containsExactly("from");
        assertThat(parameters(get("policy=complex_problem.closed_loop&from=" + encode("2026-12-23T10:00:00+08:00") + "&zone=x")))
                .containsExactly("zone");
    }

    private static java.util.List<String> parameters(HttpResponse<String> answer) throws Exception {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        var names = new java.util.ArrayList<String>();
        JSON.readTree(answer.body()).get("errors").forEach(e -> names.add(e.get("parameter").asText()));
        return names;
    }

    private static HttpResponse<String> get(String query) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                        + "/api/v1/sla/deadline" + (query.isEmpty() ? "" : "?" + query)))
                .header("Authorization", "Bearer " + TestIngest.KEY).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
