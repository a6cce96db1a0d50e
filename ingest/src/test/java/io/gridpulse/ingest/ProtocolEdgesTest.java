package io.gridpulse.ingest;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the review's black-box battery found at the protocol's edges (issue 12, items 17, 18, 20, 22 and 23): HEAD,
 * requests the HTTP decoder cannot read, text that is not text, parameters that are not parameters, dates that are
 * not RFC 3339. Each was accepted, ignored or answered with an empty body before.
 */
class ProtocolEdgesTest {
    private static final String FORM = "application/x-www-form-urlencoded";
    private static TestIngest ingest;

    @BeforeAll
    static void start() {
        ingest = TestIngest.start(TestWarehouse.shared(), new ManualAlertSource(), Duration.ofSeconds(15));
    }

    @AfterAll
    static void stop() {
        ingest.close();
    }

    @BeforeEach
    void forget() {
        ingest.log.reset();
    }

    // item 18: HEAD is GET without a body (RFC 9110 §9.3.2); load balancers probe with it

    @Test
    void headAnswersLikeGetWithoutABody() throws Exception {
        for (var path : new String[] {"/health/live", "/health/ready", "/api/v1/areas", "/api/v1/openapi.yaml"}) {
            var get = ingest.get(path, TestIngest.KEY);
            var head = raw("HEAD " + path + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + TestIngest.KEY
                    + "\r\nConnection: close\r\n\r\n");
            assertThat(head).as(path).startsWith("HTTP/1.1 200")
                    .containsIgnoringCase("content-type: " + get.headers().firstValue("Content-Type").orElseThrow())
                    .endsWith("\r\n\r\n");
        }
    }

    @Test
    void headKeepsEveryCheckOfGet() {
        var noKey = ingest.send(ingest.request("/api/v1/areas").method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
        assertThat(noKey.statusCode()).isEqualTo(401);
        var badQuery = ingest.send(ingest.request("/api/v1/alerts?limit=many").header("Authorization", "Bearer " + TestIngest.KEY)
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
        assertThat(badQuery.statusCode()).isEqualTo(400);
        var postOnly = ingest.send(ingest.request("/api/v1/events").header("Authorization", "Bearer " + TestIngest.KEY)
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
        assertThat(postOnly.statusCode()).isEqualTo(405);
        assertThat(postOnly.headers().firstValue("Allow")).hasValue("POST");
    }

    // item 20: what the HTTP decoder cannot read is refused with a problem, not an empty answer

    @ParameterizedTest
    @ValueSource(strings = {"chunked-and-length", "nul-in-header", "negative-length", "huge-header", "huge-path"})
    void aRequestTheDecoderCannotReadGetsAProblem(String what) throws Exception {
        var request = switch (what) {
            case "chunked-and-length" -> "POST /api/v1/events HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n";
            case "nul-in-header" -> "GET /health/live HTTP/1.1\r\nHost: x\r\nX-Thing: a\0b\r\n\r\n";
            case "negative-length" -> "POST /api/v1/events HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n";
            case "huge-header" -> "GET /health/live HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(100_000) + "\r\n\r\n";
            case "huge-path" -> "GET /" + "a".repeat(10_000) + " HTTP/1.1\r\nHost: x\r\n\r\n";
            default -> throw new IllegalArgumentException(what);
        };
        var answer = raw(request);
        var status = Integer.parseInt(answer.substring(9, 12));
        assertThat(status).as(answer).isEqualTo(switch (what) {
            case "huge-header" -> 431;
            case "huge-path" -> 414;
            default -> 400;
        });
        assertThat(answer).as(what).containsIgnoringCase("content-type: application/problem+json");
        var body = new JsonObject(answer.substring(answer.indexOf("\r\n\r\n") + 4));
        assertThat(body.getInteger("status")).isEqualTo(status);
        assertThat(body.getString("detail")).isNotBlank();
        assertThat(ingest.log.appended).isEmpty();
        assertThat(ingest.get("/health/live", null).statusCode()).as("the edge keeps serving").isEqualTo(200);
    }

    // item 17: text that is no text

    @Test
    void aLoneSurrogateInAnyTextFieldIsRefusedByName() {
        var escaped = Samples.demand(Samples.newId()).replace("\"channel\":\"visit\"",
                "\"channel\":\"visit\",\"description\":\"报销\\ud800进度\"");
        var answer = ingest.post("/api/v1/events", "application/json", escaped);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(answer.body()).contains("/description", "surrogate");

        var pair = new JsonObject(Samples.demand(Samples.newId())).put("description", "𠀀 is one character");
        assertThat(ingest.post("/api/v1/events", "application/json", pair.encode()).statusCode())
                .as("a pair is a character").isEqualTo(202);
        assertThat(ingest.log.appended).hasSize(1);
    }

    @Test
    void anOpen311FormWhoseTextIsNotUtf8IsRefusedByField() {
        var answer = ingest.post("/open311/v2/requests.json", FORM,
                "service_code=elderly_care&lat=27.6581&long=113.4969&description=%FF%FE");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(answer.body()).contains("\"field\":\"description\"", "UTF-8");

        var badEscape = ingest.post("/open311/v2/requests.json", FORM,
                "service_code=elderly_care&lat=27.6581&long=113.4969&description=50%");
        assertThat(badEscape.statusCode()).isEqualTo(400);
        assertThat(badEscape.body()).contains("\"field\":\"description\"", "percent-encoding");

        var surrogate = ingest.send(ingest.request("/open311/v2/requests.json").header("X-API-Key", TestIngest.KEY)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"service_code\":\"elderly_care\",\"address_id\":\"439901001001001\",\"description\":\"\\udc00\"}"))
                .build());
        assertThat(surrogate.statusCode()).isEqualTo(400);
        assertThat(surrogate.body()).contains("\"field\":\"description\"", "surrogate");
        assertThat(ingest.log.appended).isEmpty();

        var chinese = ingest.post("/open311/v2/requests.json", FORM, "service_code=elderly_care&lat=27.6581&long=113.4969"
                + "&description=%E7%8B%AC%E5%B1%85+%E8%80%81%E4%BA%BA");
        assertThat(chinese.statusCode()).as(chinese.body()).isEqualTo(201);
        assertThat(ingest.log.appended.getFirst().value()).contains("独居 老人");
    }

    // item 22: unknown parameters and undecodable ones are named

    @Test
    void routesWithoutParametersRefuseThemAndAnUndecodableOneIsNamed() throws Exception {
        var counts = ingest.get("/api/v1/event-counts?street=439901001", TestIngest.KEY);
        assertThat(counts.statusCode()).isEqualTo(400);
        assertThat(new JsonObject(counts.body()).getJsonArray("errors").getJsonObject(0).getString("parameter")).isEqualTo("street");

        assertThat(ingest.get("/api/v1/subscriptions?all=1", TestIngest.KEY).statusCode()).isEqualTo(400);

        // java.net.URI refuses %zz itself: sent by hand, as the black-box battery did
        var undecodable = raw("GET /api/v1/alerts?limit=5&caseId=%zz HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                + TestIngest.KEY + "\r\nConnection: close\r\n\r\n");
        assertThat(undecodable).startsWith("HTTP/1.1 400").contains("\"parameter\"");
        assertThat(new JsonObject(undecodable.substring(undecodable.indexOf("\r\n\r\n") + 4)).getJsonArray("errors")
                .getJsonObject(0).getString("parameter")).isEqualTo("caseId");
    }

    // item 23: one rule for dates in, RFC 3339 out

    @Test
    void periodsAndInstantsFollowOneRuleAndAnswersAreRfc3339() {
        var november = new JsonObject(ingest.get("/api/v1/kpis?area=439901001&period=2026-11", TestIngest.KEY).body());
        assertThat(november.getJsonObject("period").getString("from")).isEqualTo("2026-11-01T00:00:00+08:00");
        assertThat(november.getJsonObject("period").getString("to")).isEqualTo("2026-12-01T00:00:00+08:00");

        for (var query : new String[] {"/api/v1/kpis?period=1900-01", "/api/v1/kpis?period=9999-12-31",
                "/api/v1/alerts?since=1900-01-01T00:00:00Z", "/api/v1/sla/deadline?policy=resolve_now.first_response"
                + "&from=2300-01-01T00:00:00Z"}) {
            var answer = ingest.get(query, TestIngest.KEY);
            assertThat(answer.statusCode()).as(query).isEqualTo(400);
            assertThat(answer.body()).as(query).contains("between 1970 and 2200");
        }
        var preview = new JsonObject(ingest.get("/api/v1/sla/deadline?policy=resolve_now.first_response"
                + "&from=2026-12-29T09:00:00%2B08:00", TestIngest.KEY).body());
        assertThat(preview.getString("from")).isEqualTo("2026-12-29T09:00:00+08:00");
    }

    private static String raw(String request) throws IOException {
        try (var socket = new Socket("127.0.0.1", ingest.server.port())) {
            socket.setSoTimeout(5_000);
            try {
                socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
                socket.getOutputStream().flush();
            } catch (java.net.SocketException refusedMidway) {
                // the server answered and closed before the whole request was written: read what it said
            }
            var out = new ByteArrayOutputStream();
            var buffer = new byte[8192];
            try {
                int n;
                while ((n = socket.getInputStream().read(buffer)) >= 0) {
                    out.write(buffer, 0, n);
                }
            } catch (SocketTimeoutException | java.net.SocketException stopped) {
                // the answer has come, or the server reset the socket after it
            }
            return out.toString(StandardCharsets.UTF_8);
        }
    }
}
