package io.gridpulse.standalone;

import io.gridpulse.model.alerts.Alert;
import io.gridpulse.model.alerts.AlertKind;
import io.gridpulse.model.alerts.AlertStatus;
import io.gridpulse.model.testing.TestClock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** SLA clocks through every real part: a demand posted over HTTP raises its alerts in the warehouse. */
@ExtendWith(SharedStack.class)
class SlaAlertsEndToEndTest {
    private static GridPulse system;
    private static Api api;

    @BeforeAll
    static void startStack(GridPulse running) {
        system = running;
        api = new Api(system.ingestUrl(), system.apiKey());
    }

    @Test
    void aDemandUploadedAfterItsDeadlineRaisesWarningBreachAndFirstEscalationThenClearsOnResponse() throws Exception {
        var caseId = "case-" + Api.newEventId();
        var created = TestClock.offsetNow().minusHours(25).truncatedTo(ChronoUnit.SECONDS);
        assertThat(api.post("/api/v1/events", demand(caseId, "demand.created", created)).statusCode()).isEqualTo(202);

        var raised = awaitAlerts(caseId, alerts -> alerts.size() >= 3);
        assertThat(raised).extracting(Alert::kind)
                .containsExactlyInAnyOrder(AlertKind.SLA_WARNING, AlertKind.SLA_BREACH, AlertKind.SLA_ESCALATION);
        assertThat(raised).allSatisfy(a -> {
            assertThat(a.status()).isEqualTo(AlertStatus.OPEN);
            assertThat(a.deadline()).isEqualTo(created.plusHours(24).toInstant());
            assertThat(a.area().street()).isEqualTo("439901001");
        });

        var responded = TestClock.offsetNow().minusMinutes(1).truncatedTo(ChronoUnit.SECONDS);
        assertThat(api.post("/api/v1/events", demand(caseId, "demand.responded", responded)).statusCode()).isEqualTo(202);
        var after = awaitAlerts(caseId, alerts -> alerts.stream().allMatch(a -> a.status().equals(AlertStatus.CLEARED)));
        assertThat(after).hasSize(3).allSatisfy(a -> assertThat(a.clearedAt()).isEqualTo(responded.toInstant()));

        // watchers and integrators read the same alerts, open then cleared, from the alerts topic
        var published = alertsOnTopic(caseId, 6);
        assertThat(published).extracting(Alert::alertId).containsAll(after.stream().map(Alert::alertId).toList());
        assertThat(published).filteredOn(a -> a.status().equals(AlertStatus.CLEARED)).hasSize(3);
    }

    private static List<Alert> alertsOnTopic(String caseId, int atLeast) {
        var props = java.util.Map.<String, Object>of(
                org.apache.kafka.clients.consumer.ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, system.kafkaBootstrap(),
                org.apache.kafka.clients.consumer.ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        var found = new java.util.ArrayList<Alert>();
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<>(props,
                new org.apache.kafka.common.serialization.StringDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
            var partition = new org.apache.kafka.common.TopicPartition("gp.alerts", 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            var deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (found.size() < atLeast && System.nanoTime() < deadline) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    var alert = io.gridpulse.warehouse.alerts.AlertJson.decode(record.value());
                    if (alert.caseId().equals(caseId)) {
                        found.add(alert);
                    }
                }
            }
        }
        return found;
    }

    @Test
    void aDeadlinePassesOnTimeWhenNoFurtherEventArrives() throws Exception {
        var caseId = "case-" + Api.newEventId();
        // due ten seconds from now; nothing else is sent, so only the clock can raise the breach
        var created = TestClock.offsetNow().minusHours(24).plusSeconds(10).truncatedTo(ChronoUnit.SECONDS);
        assertThat(api.post("/api/v1/events", demand(caseId, "demand.created", created)).statusCode()).isEqualTo(202);

        var breach = awaitAlerts(caseId, alerts -> alerts.stream().anyMatch(a -> a.kind() == AlertKind.SLA_BREACH));
        assertThat(breach).filteredOn(a -> a.kind() == AlertKind.SLA_BREACH).singleElement()
                .satisfies(a -> assertThat(a.raisedAt()).isEqualTo(created.plusHours(24).toInstant()));
    }

    private static List<Alert> awaitAlerts(String caseId, Predicate<List<Alert>> done) throws InterruptedException {
        var deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
        var alerts = system.warehouse().alerts().forCase(caseId);
        while (!done.test(alerts) && System.nanoTime() < deadline) {
            Thread.sleep(250);
            alerts = system.warehouse().alerts().forCase(caseId);
        }
        assertThat(done.test(alerts)).as("alerts for %s within 45 s: %s", caseId, alerts).isTrue();
        return alerts;
    }

    private static String demand(String caseId, String kind, OffsetDateTime at) {
        var extra = kind.equals("demand.created")
                ? "\"channel\":\"visit\",\"demandType\":\"medical_insurance\",\"demandClass\":\"resolve_now\","
                : "\"by\":\"grid-worker-7\",";
        return """
                {"eventId":"%s","kind":"%s","occurredAt":"%s","source":"terminal-0042","gridCode":"439901001001001",
                 %s"caseId":"%s"}""".formatted(Api.newEventId(), kind, at, extra, caseId);
    }
}
