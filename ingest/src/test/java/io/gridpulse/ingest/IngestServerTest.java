package io.gridpulse.ingest;

import io.gridpulse.ingest.auth.ApiKeys;
import io.gridpulse.ingest.log.EventLog.LogBusyException;
import io.gridpulse.ingest.log.EventLog.LogUnavailableException;
import io.gridpulse.model.testing.TestClock;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class IngestServerTest {
    private static final String KEY = "gpk_test-key-0123456789";
    private static final RecordingEventLog log = new RecordingEventLog();
    private static final HttpClient http = HttpClient.newHttpClient();
    private static Vertx vertx;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        var config = new IngestConfig("127.0.0.1", 0, "unused:9092", "gp.events", ApiKeys.of(Map.of("terminal", KEY)),
                "0123456789abcdef0123456789abcdef".getBytes(), 16 * 1024, 100).withClock(TestClock.get());
        var server = new IngestServer(config, log, null);
        vertx.deployVerticle(server).await(10, TimeUnit.SECONDS);
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterAll
    static void stop() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @BeforeEach
    void reset() {
        log.appended.clear();
        log.failWith = null;
    }

    @Test
    void aValidEventIsAcceptedAfterTheLogHasIt() throws Exception {
        var id = UUID.randomUUID().toString();
        var answer = post(demand(id), KEY, "application/json");
        assertThat(answer.statusCode()).isEqualTo(202);
        assertThat(answer.body()).contains(id).contains("accepted");
        assertThat(log.appended).singleElement().satisfies(a -> assertThat(a.key()).isEqualTo(id));
    }

    @Test
    void identifiersArePseudonymisedBeforeTheLog() throws Exception {
        post(demand(UUID.randomUUID().toString()), KEY, "application/json");
        assertThat(log.appended).singleElement().satisfies(a -> assertThat(a.value())
                .doesNotContain("11010519491231002X").doesNotContain("13812345678").contains("\"ref\":\"r_"));
    }

    @Test
    void identifiersTypedIntoFreeTextAreMaskedBeforeTheLogHoweverTheyAreWritten() throws Exception {
        var id = UUID.randomUUID().toString();
        var body = demand(id).replace("\"demandType\":\"medical_insurance\"",
                "\"demandType\":\"medical_insurance\",\"description\":\"请回电 tel13812345678 或 +86 139 1234 5678，"
                        + "身份证４３０２８１１９９００１０１１２３４，座机07312345678\"");
        assertThat(post(body, KEY, "application/json").statusCode()).isEqualTo(202);
        assertThat(log.appended).singleElement().satisfies(a -> assertThat(a.value())
                .contains("请回电 tel138****5678 或 139****5678，身份证430281********1234，座机073****5678")
                .doesNotContain("13812345678", "1391234", "19900101"));
    }

    @Test
    void twoDifferentKeysInOneRequestAreRefusedAsConflictingAndNothingIsLogged() throws Exception {
        var client = java.net.http.HttpClient.newHttpClient();
        java.util.function.Function<java.net.http.HttpRequest.Builder, Integer> send = builder -> {
            try {
                return client.send(builder.header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(demand(UUID.randomUUID().toString()))).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        var uri = java.net.URI.create(base + "/api/v1/events");
        assertThat(send.apply(java.net.http.HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + KEY)
                .header("X-API-Key", "wrong-key"))).as("a valid Bearer key and a wrong X-API-Key").isEqualTo(401);
        assertThat(send.apply(java.net.http.HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + KEY)
                .header("Authorization", "Bearer other"))).as("two Authorization headers").isEqualTo(401);
        assertThat(log.appended).isEmpty();
        assertThat(send.apply(java.net.http.HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + KEY)
                .header("X-API-Key", KEY))).as("the same key twice names one key").isEqualTo(202);
    }

    @Test
    void anInvalidEventGetsProblemDetailsNamingEachFieldAndIsNotLogged() throws Exception {
        var body = """
                {"eventId":"x","kind":"demand.created","occurredAt":"2026-11-23T09:00:00","source":"t",
                 "gridCode":"1234567","caseId":"c","channel":"visit","demandType":"medical_insurance"}""";
        var answer = post(body, KEY, "application/json");
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(answer.body()).contains("\"pointer\":\"/eventId\"", "\"pointer\":\"/occurredAt\"", "\"pointer\":\"/gridCode\"");
        assertThat(log.appended).isEmpty();
    }

    @Test
    void malformedJsonIsAProblemOfTheWholeDocument() throws Exception {
        var answer = post("{\"eventId\": ", KEY, "application/json");
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("\"pointer\":\"\"");
        assertThat(log.appended).isEmpty();
    }

    @Test
    void aMissingKeyIsRefusedWith401() throws Exception {
        var answer = post(demand(UUID.randomUUID().toString()), null, "application/json");
        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.headers().firstValue("WWW-Authenticate")).isPresent();
        assertThat(log.appended).isEmpty();
    }

    @Test
    void anUnknownKeyIsRefusedWith401() throws Exception {
        assertThat(post(demand(UUID.randomUUID().toString()), "gpk_nope", "application/json").statusCode()).isEqualTo(401);
        assertThat(log.appended).isEmpty();
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413() throws Exception {
        var answer = post("{\"pad\":\"" + "x".repeat(20_000) + "\"}", KEY, "application/json");
        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(log.appended).isEmpty();
    }

    @Test
    void aBodyThatIsNotJsonIsRefusedWith415() throws Exception {
        assertThat(post(demand(UUID.randomUUID().toString()), KEY, "text/plain").statusCode()).isEqualTo(415);
        assertThat(log.appended).isEmpty();
    }

    @Test
    void aBusyLogAnswers503WithRetryAfter() throws Exception {
        log.failWith = new LogBusyException("full");
        var answer = post(demand(UUID.randomUUID().toString()), KEY, "application/json");
        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Retry-After")).hasValue("1");
    }

    @Test
    void aLogThatDoesNotAcknowledgeAnswers503AndNever202() throws Exception {
        log.failWith = new LogUnavailableException("down", null);
        var answer = post(demand(UUID.randomUUID().toString()), KEY, "application/json");
        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Retry-After")).isPresent();
        assertThat(answer.body()).contains("retry with the same eventId");
    }

    @Test
    void readinessFollowsTheLog() throws Exception {
        assertThat(get("/health/ready").statusCode()).isEqualTo(200);
        log.failWith = new LogUnavailableException("down", null);
        assertThat(get("/health/ready").statusCode()).isEqualTo(503);
    }

    @Test
    void anUnknownPathIsAProblemToo() throws Exception {
        var answer = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/nothing"))
                .header("Authorization", "Bearer " + KEY).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void theAlertStreamAnswersWhileKafkaIsUnreachable() throws Exception {
        // this server tails the alerts topic of "unused:9092", which never answers
        var request = HttpRequest.newBuilder(URI.create(base + "/api/v1/alerts/stream"))
                .header("Authorization", "Bearer " + KEY).build();
        var answer = http.send(request, HttpResponse.BodyHandlers.ofLines());
        try (var lines = answer.body()) {
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.headers().firstValue("Content-Type")).hasValue("text/event-stream; charset=utf-8");
            assertThat(lines.findFirst()).hasValue("retry: 3000");
        }
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String body, String key, String contentType) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(base + "/api/v1/events"))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String demand(String id) {
        var at = TestClock.offsetNow().minusMinutes(1).truncatedTo(ChronoUnit.SECONDS);
        return """
                {"eventId":"%s","kind":"demand.created","occurredAt":"%s","source":"terminal-1",
                 "gridCode":"439901001001001","caseId":"case-%s","channel":"visit","demandType":"medical_insurance",
                 "resident":{"idNumber":"11010519491231002X","phone":"13812345678"}}""".formatted(id, at, id);
    }
}
