package io.gridpulse.standalone;

import io.gridpulse.model.alerts.Alert;
import io.gridpulse.model.alerts.AlertKind;
import io.gridpulse.model.alerts.AlertStatus;
import io.gridpulse.model.testing.TestClock;
import io.gridpulse.warehouse.DeadLetterRow;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A case belongs where it was created, through every real part. The edge refuses what it can tell; a step that
 * reaches the log another way (a second edge that has not heard of the case yet, a forged record) is judged again in
 * the job: one placed in another street goes to the dead letters, and the breach it would have withdrawn stays open.
 */
@ExtendWith(SharedStack.class)
class CaseOwnershipEndToEndTest {
    /** 桃花镇 (street 439901104) and 东城街道 (street 439901001). */
    static final String GRID_B = "439901104002003";
    static final String GRID_A = "439901001001001";

    @Test
    void aStepFromAnotherStreetThatReachesTheLogIsADeadLetterAndTheBreachStaysOpen(GridPulse system) throws Exception {
        var api = new Api(system.ingestUrl(), system.apiKey());
        var caseId = "case-owned-" + Api.newEventId();
        var created = TestClock.offsetNow().minusHours(25).truncatedTo(ChronoUnit.SECONDS);
        var creation = Api.newEventId();
        assertThat(api.post("/api/v1/events", demand(creation, "demand.created", caseId, GRID_B, created)).statusCode())
                .isEqualTo(202);
        awaitTrue("the breach of " + caseId, () -> breach(system, caseId) != null);

        // a second creation under its id is refused at the edge, whatever the street
        var again = api.post("/api/v1/events", demand(Api.newEventId(), "demand.created", caseId, GRID_A, created));
        assertThat(again.statusCode()).as(again.body()).isEqualTo(409);

        // a response stamped before the deadline, placed in street A, written to the log past the edge
        var forged = Api.newEventId();
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                system.kafkaBootstrap(), ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("gp.events", forged,
                    demand(forged, "demand.responded", caseId, GRID_A, created.plusHours(1)))).get(30, TimeUnit.SECONDS);
        }
        awaitTrue("the forged step in the dead letters", () -> deadLetter(system, forged) != null);
        assertThat(deadLetter(system, forged).reason()).contains("outside 439901104").contains(caseId);
        assertThat(system.warehouse().events().find(forged)).isEmpty();
        var breach = breach(system, caseId);
        assertThat(breach.status()).as("not withdrawn").isEqualTo(AlertStatus.OPEN);
    }

    @Test
    void anotherEventUnderAnIdAlreadyUsedIsADeadLetterAndTheFirstStays(GridPulse system) throws Exception {
        // a key that guessed a terminal's next id sends first; the terminal's own visit comes second (issue 12 item 13)
        var api = new Api(system.ingestUrl(), system.apiKey());
        var id = Api.newEventId();
        var at = TestClock.offsetNow().minusMinutes(5).truncatedTo(ChronoUnit.SECONDS);
        var forged = visit(id, at, "terminal-0666", 5);
        var real = visit(id, at, "terminal-0042", 40);
        assertThat(api.post("/api/v1/events", forged).statusCode()).isEqualTo(202);
        awaitTrue("the first event stored", () -> system.warehouse().events().find(id).isPresent());
        assertThat(api.post("/api/v1/events", real).statusCode()).as("the edge cannot tell; the job can").isEqualTo(202);
        assertThat(api.post("/api/v1/events", forged).statusCode()).as("a plain resend").isEqualTo(202);

        awaitTrue("the second event in the dead letters", () -> deadLetter(system, id) != null);
        var letter = deadLetter(system, id);
        assertThat(letter.reason()).contains("already used for another event");
        assertThat(letter.source()).isEqualTo("terminal-0042");
        assertThat(system.warehouse().deadLetters().recent(500).stream().filter(d -> d.eventId().equals(id)))
                .as("the resent copy is a retry, not a conflict").hasSize(1);
        assertThat(system.warehouse().events().find(id).orElseThrow().source()).isEqualTo("terminal-0666");
    }

    private static String visit(String eventId, OffsetDateTime at, String source, int minutes) {
        return """
                {"eventId":"%s","kind":"visit","occurredAt":"%s","source":"%s","gridCode":"%s",
                 "visitorId":"w-7","householdId":"h-42","visitType":"routine","durationMinutes":%d}"""
                .formatted(eventId, at, source, GRID_A, minutes);
    }

    private static Alert breach(GridPulse system, String caseId) {
        return system.warehouse().alerts().forCase(caseId).stream().filter(a -> a.kind() == AlertKind.SLA_BREACH).findFirst()
                .orElse(null);
    }

    private static DeadLetterRow deadLetter(GridPulse system, String eventId) {
        List<DeadLetterRow> recent = system.warehouse().deadLetters().recent(200);
        return recent.stream().filter(d -> d.eventId().equals(eventId)).findFirst().orElse(null);
    }

    private static void awaitTrue(String what, BooleanSupplier condition) throws InterruptedException {
        var deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        assertThat(condition.getAsBoolean()).as(what + " within 45 s").isTrue();
    }

    private static String demand(String eventId, String kind, String caseId, String grid, OffsetDateTime at) {
        var extra = kind.equals("demand.created")
                ? "\"channel\":\"visit\",\"demandType\":\"medical_insurance\",\"demandClass\":\"resolve_now\","
                : "\"by\":\"grid-worker-7\",";
        return """
                {"eventId":"%s","kind":"%s","occurredAt":"%s","source":"terminal-0042","gridCode":"%s",
                 %s"caseId":"%s"}""".formatted(eventId, kind, at, grid, extra, caseId);
    }
}
