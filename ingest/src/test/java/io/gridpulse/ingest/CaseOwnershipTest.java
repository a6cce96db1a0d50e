package io.gridpulse.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridpulse.model.testing.TestClock;
import io.gridpulse.warehouse.EventRow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static io.gridpulse.ingest.HardenedEdge.ADMIN;
import static io.gridpulse.ingest.HardenedEdge.GRID_A;
import static io.gridpulse.ingest.HardenedEdge.GRID_B;
import static io.gridpulse.ingest.HardenedEdge.TERM_A;
import static io.gridpulse.ingest.HardenedEdge.TERM_B;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The review's first high finding, against the real edge and a real Kafka topic: a key for one street could move,
 * clear and re-home another street's cases, and paint points into another street. A case now belongs where it was
 * created; what breaks that is refused naming the field, and nothing of it reaches the log.
 */
class CaseOwnershipTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static HardenedEdge edge;

    @BeforeAll
    static void start() throws Exception {
        edge = HardenedEdge.start();
    }

    @AfterAll
    static void stop() throws Exception {
        edge.close();
    }

    @Test
    void aKeyOfAnotherStreetCannotAnswerACaseAndNothingOfItIsLogged() throws Exception {
        var caseId = "case-b-" + UUID.randomUUID();
        assertThat(edge.post("/api/v1/events", TERM_B, created(UUID.randomUUID().toString(), caseId, GRID_B)).statusCode())
                .isEqualTo(202);

        var step = UUID.randomUUID().toString();
        var answer = edge.post("/api/v1/demands/" + caseId + "/responded", TERM_A, responded(step, GRID_A));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(403);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(pointers(answer)).containsExactly("/caseId");
        assertThat(detail(answer)).contains(caseId).contains(GRID_B).contains("term-A");
        assertThat(edge.logged()).doesNotContain(step);

        // its own street answers it
        var own = UUID.randomUUID().toString();
        assertThat(edge.post("/api/v1/demands/" + caseId + "/responded", TERM_B, responded(own, GRID_B)).statusCode())
                .isEqualTo(202);
        assertThat(edge.logged()).contains(own);
    }

    @Test
    void aSecondCreationNeverReHomesACaseButARetryOfTheFirstIsAccepted() throws Exception {
        var caseId = "case-b-" + UUID.randomUUID();
        var first = UUID.randomUUID().toString();
        assertThat(edge.post("/api/v1/events", TERM_B, created(first, caseId, GRID_B)).statusCode()).isEqualTo(202);

        var second = UUID.randomUUID().toString();
        var answer = edge.post("/api/v1/events", TERM_A, created(second, caseId, GRID_A));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(409);
        assertThat(pointers(answer)).containsExactly("/caseId");
        assertThat(detail(answer)).contains("created already").contains(first);
        assertThat(edge.logged()).doesNotContain(second);

        // the same creation sent again (a retry after a lost answer) is still welcome
        assertThat(edge.post("/api/v1/events", TERM_B, created(first, caseId, GRID_B)).statusCode()).isEqualTo(202);
    }

    @Test
    void aCaseCreatedBeforeThisEdgeStartedIsFoundInTheWarehouse() throws Exception {
        var caseId = "case-b-stored-" + UUID.randomUUID();
        var at = TestClock.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(3_600);
        TestWarehouse.shared().events().insert(List.of(new EventRow(UUID.randomUUID().toString(), "demand.created", at, at,
                "terminal-b", GRID_B, GRID_B.substring(0, 12), GRID_B.substring(0, 9), GRID_B.substring(0, 6), null, null,
                "{\"caseId\":\"" + caseId + "\",\"demandType\":\"medical_insurance\",\"channel\":\"visit\"}")));

        var answer = edge.post("/api/v1/demands/" + caseId + "/responded", TERM_A, responded(UUID.randomUUID().toString(), GRID_A));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(403);
        assertThat(pointers(answer)).containsExactly("/caseId");
    }

    @Test
    void aStepPlacedInAnotherStreetThanItsCaseIsRefusedEvenForAKeyOfTheWholeRegion() throws Exception {
        var caseId = "case-b-" + UUID.randomUUID();
        assertThat(edge.post("/api/v1/events", ADMIN, created(UUID.randomUUID().toString(), caseId, GRID_B)).statusCode())
                .isEqualTo(202);
        var step = UUID.randomUUID().toString();
        var answer = edge.post("/api/v1/demands/" + caseId + "/responded", ADMIN, responded(step, GRID_A));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(pointers(answer)).containsExactly("/gridCode");
        assertThat(detail(answer)).contains(HardenedEdge.STREET_B);
        assertThat(edge.logged()).doesNotContain(step);
    }

    @Test
    void aPointOutsideItsGridAndOutsideTheKeysAreasIsRefused() throws Exception {
        // a wristband report of term-A, its point in 桃花镇 (street B), its grid in street A
        var pointInB = io.gridpulse.geo.region.Region.demo().geometry(io.gridpulse.model.area.AreaCode.of(GRID_B))
                .orElseThrow().getInteriorPoint().getCoordinate();
        var id = UUID.randomUUID().toString();
        var telemetry = """
                {"eventId":"%s","kind":"telemetry","occurredAt":"%s","source":"wb-7","gridCode":"%s",
                 "point":{"lon":%s,"lat":%s,"crs":"WGS84"},"deviceId":"wb-7","deviceType":"wristband","heartRate":72}"""
                .formatted(id, Samples.now(), GRID_A, pointInB.x, pointInB.y);
        var answer = edge.post("/api/v1/events", TERM_A, telemetry);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(pointers(answer)).containsExactly("/point");
        assertThat(edge.logged()).doesNotContain(id);

        // inside its grid, the same report is welcome
        var pointInA = io.gridpulse.geo.region.Region.demo().geometry(io.gridpulse.model.area.AreaCode.of(GRID_A))
                .orElseThrow().getInteriorPoint().getCoordinate();
        var fine = telemetry.replace(id, UUID.randomUUID().toString())
                .replace(String.valueOf(pointInB.x), String.valueOf(pointInA.x)).replace(String.valueOf(pointInB.y), String.valueOf(pointInA.y));
        assertThat(edge.post("/api/v1/events", TERM_A, fine).statusCode()).isEqualTo(202);
    }

    @Test
    void inABatchAStepFollowsItsCasesCreationAndAnotherEventUnderATakenIdIsRejected() throws Exception {
        var caseId = "case-a-" + UUID.randomUUID();
        var creation = UUID.randomUUID().toString();
        var step = UUID.randomUUID().toString();
        var clash = """
                {"eventId":"%s","kind":"demand.responded","occurredAt":"%s","source":"t","gridCode":"%s","caseId":"other-%s","by":"t"}"""
                .formatted(step, Samples.now(), GRID_A, caseId);
        var batch = "[" + created(creation, caseId, GRID_A) + "," + responded(step, GRID_A).replace("{", "{\"kind\":\"demand.responded\",\"caseId\":\"" + caseId + "\",")
                + "," + clash + "]";
        var answer = edge.post("/api/v1/events:batch", TERM_A, batch);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        var results = JSON.readTree(answer.body()).get("results");
        assertThat(results.get(0).get("status").asText()).isEqualTo("accepted");
        assertThat(results.get(1).get("status").asText()).isEqualTo("accepted");
        assertThat(results.get(2).get("status").asText()).isEqualTo("rejected");
        assertThat(results.get(2).get("errors").get(0).get("pointer").asText()).isEqualTo("/2/eventId");
        assertThat(edge.logged()).contains(creation, step);

        // term-B cannot step into the case the batch created
        var foreign = edge.post("/api/v1/demands/" + caseId + "/resolved", TERM_B,
                responded(UUID.randomUUID().toString(), GRID_B));
        assertThat(foreign.statusCode()).as(foreign.body()).isEqualTo(403);
    }

    static String created(String eventId, String caseId, String grid) {
        return """
                {"eventId":"%s","kind":"demand.created","occurredAt":"%s","source":"terminal-0042","gridCode":"%s",
                 "caseId":"%s","channel":"visit","demandType":"medical_insurance","demandClass":"resolve_now"}"""
                .formatted(eventId, Samples.now(), grid, caseId);
    }

    /** A step's body for a typed route: the kind and the case come from the path. */
    static String responded(String eventId, String grid) {
        return """
                {"eventId":"%s","occurredAt":"%s","source":"unit-7","gridCode":"%s","by":"unit-7"}"""
                .formatted(eventId, Samples.now(), grid);
    }

    static List<String> pointers(HttpResponse<String> answer) throws Exception {
        var errors = JSON.readTree(answer.body()).get("errors");
        return errors == null ? List.of() : java.util.stream.StreamSupport.stream(errors.spliterator(), false)
                .map(e -> e.get("pointer").asText()).toList();
    }

    static String detail(HttpResponse<String> answer) throws Exception {
        JsonNode body = JSON.readTree(answer.body());
        return body.get("detail").asText();
    }
}
