package io.gridpulse.ingest;

import io.gridpulse.ingest.log.EventLog.LogBusyException;
import io.gridpulse.ingest.log.EventLog.LogUnavailableException;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.gridpulse.ingest.Samples.demand;
import static io.gridpulse.ingest.Samples.newId;
import static io.gridpulse.ingest.Samples.oneLine;
import static org.assertj.core.api.Assertions.assertThat;

class EventsBatchTest {
    private static final String BATCH = "/api/v1/events:batch";
    private static TestIngest ingest;

    @BeforeAll
    static void start() {
        ingest = TestIngest.start();
    }

    @AfterAll
    static void stop() throws Exception {
        ingest.close();
    }

    @BeforeEach
    void reset() {
        ingest.log.reset();
    }

    @Test
    void aJsonArrayOfEventsOfEveryKindIsAcceptedItemByItem() {
        var ids = new ArrayList<String>();
        var events = new ArrayList<String>();
        for (var kind : Samples.allKinds()) {
            var id = newId();
            ids.add(id);
            events.add(kind.apply(id));
        }
        var answer = ingest.post(BATCH, "application/json", "[" + String.join(",", events) + "]");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        var body = new JsonObject(answer.body());
        assertThat(body.getInteger("accepted")).isEqualTo(ids.size());
        assertThat(body.getInteger("rejected")).isZero();
        var results = body.getJsonArray("results");
        for (int i = 0; i < ids.size(); i++) {
            assertThat(results.getJsonObject(i).getMap())
                    .containsEntry("index", i).containsEntry("eventId", ids.get(i)).containsEntry("status", "accepted");
        }
        assertThat(ingest.log.appended).extracting(RecordingEventLog.Appended::key).containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void ndjsonWithCrlfLineEndsAndAFinalNewlineIsAccepted() {
        var a = newId();
        var b = newId();
        var answer = ingest.post(BATCH, "application/x-ndjson", oneLine(demand(a)) + "\r\n" + oneLine(demand(b)) + "\n");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(new JsonObject(answer.body()).getInteger("accepted")).isEqualTo(2);
        assertThat(ingest.log.appended).extracting(RecordingEventLog.Appended::key).containsExactlyInAnyOrder(a, b);
    }

    @Test
    void aMixedBatchStoresTheValidItemsAndNamesTheFaultsOfTheOthersUnderTheirIndex() {
        var good = newId();
        var bad = newId();
        var noOffset = demand(bad).replaceAll("\"occurredAt\":\"([^\"]+)\\+08:00\"", "\"occurredAt\":\"$1\"");
        var answer = ingest.post(BATCH, "application/json", "[" + demand(good) + "," + noOffset + ",42]");

        assertThat(answer.statusCode()).isEqualTo(200);
        var body = new JsonObject(answer.body());
        assertThat(body.getInteger("accepted")).isEqualTo(1);
        assertThat(body.getInteger("rejected")).isEqualTo(2);
        var rejected = body.getJsonArray("results").getJsonObject(1);
        assertThat(rejected.getString("status")).isEqualTo("rejected");
        assertThat(rejected.getString("eventId")).isEqualTo(bad);
        assertThat(rejected.getJsonArray("errors").getJsonObject(0).getString("pointer")).isEqualTo("/1/occurredAt");
        var notAnObject = body.getJsonArray("results").getJsonObject(2);
        assertThat(notAnObject.containsKey("eventId")).isFalse();
        assertThat(notAnObject.getJsonArray("errors").getJsonObject(0).getString("pointer")).isEqualTo("/2");
        assertThat(ingest.log.appended).singleElement().satisfies(a -> assertThat(a.key()).isEqualTo(good));
    }

    @Test
    void duplicateEventIdsInOneBatchAreBothAcceptedAndAppendedOnce() {
        var id = newId();
        var answer = ingest.post(BATCH, "application/json", "[" + demand(id) + "," + demand(id) + "]");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(statuses(answer)).containsExactly("accepted", "accepted");
        assertThat(ingest.log.appended).hasSize(1);
    }

    @Test
    void identifiersArePseudonymisedInBatchesToo() {
        ingest.post(BATCH, "application/json", "[" + demand(newId()) + "]");
        assertThat(ingest.log.appended).singleElement().satisfies(a -> assertThat(a.value())
                .doesNotContain("11010519491231002X").doesNotContain("13812345678").contains("\"ref\":\"r_"));
    }

    @Test
    void aBatchWithNoValidItemIsA400ListingEveryProblem() {
        var answer = ingest.post(BATCH, "application/json",
                "[{\"eventId\":\"short\"}," + demand(newId()).replace("\"gridCode\":\"439901001001001\"", "\"gridCode\":\"12\"x") + "]");
        // the second item is not even JSON: the body is unreadable as a whole
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("\"pointer\":\"/1\"");

        var bothInvalid = ingest.post(BATCH, "application/json", "[{\"eventId\":\"short\"},{\"kind\":\"nope\"}]");
        assertThat(bothInvalid.statusCode()).isEqualTo(400);
        assertThat(bothInvalid.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(bothInvalid.body()).contains("\"pointer\":\"/0/eventId\"", "\"pointer\":\"/0/kind\"", "\"pointer\":\"/1/kind\"");
        assertThat(ingest.log.appended).isEmpty();
    }

    @Test
    void itemsTheLogDidNotAcknowledgeAreMarkedForRetryAndOthersAccepted() {
        var stored = newId();
        var refused = newId();
        ingest.log.refuseKey = refused::equals;
        var answer = ingest.post(BATCH, "application/json", "[" + demand(stored) + "," + demand(refused) + "]");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Retry-After")).hasValue("5");
        var body = new JsonObject(answer.body());
        assertThat(body.getInteger("retry")).isEqualTo(1);
        var retry = body.getJsonArray("results").getJsonObject(1);
        assertThat(retry.getString("status")).isEqualTo("retry");
        assertThat(retry.getString("eventId")).isEqualTo(refused);
        assertThat(retry.getString("detail")).contains("same eventId");
        assertThat(ingest.log.appended).extracting(RecordingEventLog.Appended::key).containsExactly(stored);
    }

    @Test
    void aLogDownForTheWholeBatchAnswers503WithRetryAfter() {
        ingest.log.failWith = new LogUnavailableException("down", null);
        var answer = ingest.post(BATCH, "application/json", "[" + demand(newId()) + "," + demand(newId()) + "]");
        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void aBusyLogForTheWholeBatchAnswers503AskingForAQuickRetry() {
        ingest.log.failWith = new LogBusyException("full");
        var answer = ingest.post(BATCH, "application/x-ndjson", oneLine(demand(newId())));
        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(answer.body()).contains("overloaded");
    }

    @Test
    void appendsRunConcurrentlyAndTheAnswerWaitsForEveryAcknowledgement() {
        ingest.log.delay = Duration.ofMillis(100);
        var ids = IntStream.range(0, 10).mapToObj(i -> newId()).toList();
        var started = System.nanoTime();
        var answer = ingest.post(BATCH, "application/json",
                ids.stream().map(Samples::demand).collect(Collectors.joining(",", "[", "]")));
        var took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(ingest.log.appended).hasSize(10);
        assertThat(ingest.log.maxOutstanding.get()).isGreaterThan(1);
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(100)).isLessThan(Duration.ofMillis(900));
    }

    @Test
    void aBadNdjsonLineIsNamedByItsIndexAndNothingIsStored() {
        var body = oneLine(demand(newId())) + "\n" + oneLine(demand(newId())) + "\n{\"eventId\": oops}\n";
        var answer = ingest.post(BATCH, "application/x-ndjson", body);
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("\"pointer\":\"/2\"", "line 3");
        assertThat(ingest.log.appended).isEmpty();
    }

    @Test
    void moreEventsThanABatchMayCarryIs413() {
        var events = IntStream.range(0, TestIngest.MAX_BATCH_EVENTS + 1).mapToObj(i -> demand(newId())).toList();
        assertThat(ingest.post(BATCH, "application/json", "[" + String.join(",", events) + "]").statusCode()).isEqualTo(413);
        assertThat(ingest.post(BATCH, "application/x-ndjson",
                events.stream().map(Samples::oneLine).collect(Collectors.joining("\n"))).statusCode()).isEqualTo(413);
        assertThat(ingest.log.appended).isEmpty();
    }

    @Test
    void theBatchPathTakesItsColonLiterallyNotAsAPathParameter() {
        var event = "[" + demand(newId()) + "]";
        assertThat(ingest.post("/api/v1/eventsXbatch", "application/json", event).statusCode()).isEqualTo(404);
        assertThat(ingest.post("/api/v1/events:other", "application/json", event).statusCode()).isEqualTo(404);
        assertThat(ingest.post("/api/v1/events:batchy", "application/json", event).statusCode()).isEqualTo(404);
        assertThat(ingest.log.appended).isEmpty();
        assertThat(ingest.post(BATCH, "application/json", event).statusCode()).isEqualTo(200);
    }

    private static List<String> statuses(HttpResponse<String> answer) {
        var results = new JsonObject(answer.body()).getJsonArray("results");
        return results.stream().map(r -> ((JsonObject) r).getString("status")).toList();
    }
}
