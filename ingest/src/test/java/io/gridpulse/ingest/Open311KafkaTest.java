package io.gridpulse.ingest;

import io.gridpulse.model.testing.TestClock;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridpulse.ingest.auth.ApiKeys;
import io.gridpulse.ingest.log.KafkaEventLog;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Open311 over a real Kafka broker: a 201 means the demand is in the topic; a refused request leaves no trace there. */
class Open311KafkaTest {
    private static final String TOPIC = "gp.events.open311-" + UUID.randomUUID();
    private static final HttpClient http = HttpClient.newHttpClient();
    private static Vertx vertx;
    private static KafkaEventLog eventLog;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        TestKafka.createTopic(TOPIC);
        eventLog = new KafkaEventLog(TestKafka.bootstrap(), TOPIC, 100, Map.of());
        vertx = Vertx.vertx();
        var config = new IngestConfig("127.0.0.1", 0, TestKafka.bootstrap(), TOPIC, ApiKeys.of(Map.of("citizen-app", TestIngest.KEY)),
                "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8), 16 * 1024, 100).withClock(TestClock.get());
        var server = new IngestServer(config, eventLog, null, new ManualAlertSource());
        vertx.deployVerticle(server).await(10, TimeUnit.SECONDS);
        base = "http://127.0.0.1:" + server.port() + "/open311/v2/requests.json";
    }

    @AfterAll
    static void stop() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
        eventLog.close();
    }

    @Test
    void anAcceptedRequestIsInTheTopicAndARefusedOneIsNot() throws Exception {
        var refused = post("api_key=" + TestIngest.KEY + "&service_code=skills_training&lat=27.66&long=113.5&phone=999");
        assertThat(refused.statusCode()).isEqualTo(400);
        var accepted = post("api_key=" + TestIngest.KEY + "&service_code=skills_training&lat=27.66&long=113.5&phone=13912345678");
        assertThat(accepted.statusCode()).isEqualTo(201);
        var id = new ObjectMapper().readTree(accepted.body()).get(0).get("service_request_id").asText();

        // no waiting: the answer came after Kafka's acknowledgement
        var records = TestKafka.records(TOPIC);
        assertThat(records).containsOnlyKeys(id);
        assertThat(records.get(id)).contains("\"channel\":\"open311\"", "\"source\":\"open311:citizen-app\"")
                .doesNotContain("13912345678");
    }

    private static HttpResponse<String> post(String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
