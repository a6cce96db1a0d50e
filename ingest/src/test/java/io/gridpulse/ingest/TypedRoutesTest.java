package io.gridpulse.ingest;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;


import static io.gridpulse.ingest.Samples.newId;
import static org.assertj.core.api.Assertions.assertThat;

/** Routes of one kind: the path gives the kind (and the case), the body the rest. */
class TypedRoutesTest {
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

    private static String logged() {
        return ingest.log.appended.getFirst().value();
    }

    @Test
    void aVisitWithoutKindIsAcceptedAsAVisit() {
        var body = new JsonObject(Samples.visit(newId()));
        body.remove("kind");
        var answer = ingest.post("/api/v1/visits", "application/json", body.encode());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        assertThat(logged()).contains("\"kind\":\"visit\"");
    }

    @Test
    void aResponseToACaseTakesTheCaseFromThePath() {
        var body = """
                {"eventId":"%s","occurredAt":"2026-11-20T10:00:00+08:00","source":"unit-7","gridCode":"439901001001001","by":"unit-7"}"""
                .formatted(newId());
        var answer = ingest.post("/api/v1/demands/case-77/responded", "application/json", body);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        assertThat(logged()).contains("\"kind\":\"demand.responded\"").contains("\"caseId\":\"case-77\"");
    }

    @Test
    void aBodyOfAnotherKindIsRefusedNamingKindAndNothingIsStored() {
        var answer = ingest.post("/api/v1/visits", "application/json", Samples.demand(newId()));
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("\"pointer\":\"/kind\"");
        assertThat(ingest.log.appended).isEmpty();
    }

    @Test
    void aBodyNamingAnotherCaseIsRefusedNamingCaseId() {
        var body = """
                {"eventId":"%s","occurredAt":"2026-11-20T10:00:00+08:00","source":"unit-7","gridCode":"439901001001001",
                 "by":"unit-7","caseId":"case-1"}""".formatted(newId());
        var answer = ingest.post("/api/v1/demands/case-2/closed", "application/json", body);
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("\"pointer\":\"/caseId\"");
        assertThat(ingest.log.appended).isEmpty();
    }

    @Test
    void anUnknownStepIsNotARoute() {
        var answer = ingest.post("/api/v1/demands/case-2/forgotten", "application/json", "{}");
        assertThat(answer.statusCode()).isEqualTo(404);
    }
}
