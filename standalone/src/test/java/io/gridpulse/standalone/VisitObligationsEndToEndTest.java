package io.gridpulse.standalone;

import io.gridpulse.model.alerts.Alert;
import io.gridpulse.model.alerts.AlertKind;
import io.gridpulse.model.alerts.AlertStatus;
import io.gridpulse.model.registry.HouseholdRegistration;
import io.gridpulse.model.testing.TestClock;
import io.gridpulse.standalone.registry.RegistryTopic;
import io.gridpulse.streams.StreamJobsConfig;
import io.gridpulse.streams.visits.VisitRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The weekly visit obligation of the elderly living alone through every real part: registry entries on the
 * compacted gp.registry topic (Kafka), the Flink job's clocks in the MiniCluster, and the alerts table in
 * chDB. Nothing else is sent for the unvisited household, so only the clocks, moved by an idle registry and
 * an idle event log, can raise its breach.
 */
@ExtendWith(SharedStack.class)
class VisitObligationsEndToEndTest {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final String GRID = "439901001001001";

    @Test
    void aWeekWithoutAVisitLandsAsABreachWithItsDeadlineAndALateUploadedVisitWithdrawsAnotherHouseholdsAlerts(GridPulse system)
            throws Exception {
        var unvisited = "hh-e2e-" + Api.newEventId();
        var visited = "hh-e2e-" + Api.newEventId();
        // registered 15 days ago: the first week it is held to ended at least a day ago
        var asOf = TestClock.now().minus(Duration.ofDays(15)).truncatedTo(ChronoUnit.SECONDS);
        var rule = VisitRule.of("elderly_alone", VisitRule.Cadence.WEEK);
        var weekStart = rule.firstHeldPeriod(asOf, SHANGHAI);
        var deadline = rule.nextStart(weekStart, SHANGHAI);
        RegistryTopic.publish(system.kafkaBootstrap(), StreamJobsConfig.DEFAULT_REGISTRY_TOPIC, List.of(
                HouseholdRegistration.registered(unvisited, GRID, List.of("elderly_alone", "hardship"), asOf),
                HouseholdRegistration.registered(visited, GRID, List.of("elderly_alone"), asOf)));

        var raised = awaitAlerts(system, unvisited, alerts -> alerts.stream().anyMatch(a -> a.kind() == AlertKind.SLA_BREACH));
        var prefix = "visit:visit.elderly_alone.weekly:" + unvisited + ":" + weekStart.atZone(SHANGHAI).toLocalDate() + ":";
        assertThat(raised).filteredOn(a -> a.alertId().startsWith(prefix)).extracting(Alert::alertId)
                .contains(prefix + "warning", prefix + "breach", prefix + "escalation-1");
        var breach = raised.stream().filter(a -> a.alertId().equals(prefix + "breach")).findFirst().orElseThrow();
        assertThat(breach.deadline()).isEqualTo(deadline);
        assertThat(breach.raisedAt()).isEqualTo(deadline);
        assertThat(breach.status()).isEqualTo(AlertStatus.OPEN);
        assertThat(breach.policyId()).isEqualTo("visit.elderly_alone.weekly");
        assertThat(breach.caseId()).isEqualTo(unvisited);
        assertThat(breach.area().grid()).isEqualTo(GRID);
        assertThat(breach.area().street()).isEqualTo("439901001");

        // the other household was visited on the week's third day, by a terminal that uploads only now
        var visitedAt = weekStart.plus(Duration.ofDays(2)).plus(Duration.ofHours(10));
        var api = new Api(system.ingestUrl(), system.apiKey());
        assertThat(api.post("/api/v1/events", visit(visited, visitedAt)).statusCode()).isEqualTo(202);
        var other = "visit:visit.elderly_alone.weekly:" + visited + ":" + weekStart.atZone(SHANGHAI).toLocalDate() + ":";
        // Only that week's alerts: a later week may rightly be due by now (it is, whenever the week after
        // weekStart has already ended in Shanghai), and its breach must stay open.
        Predicate<Alert> thatWeek = a -> a.alertId().startsWith(other);
        var settled = awaitAlerts(system, visited, alerts -> alerts.stream().anyMatch(thatWeek)
                && alerts.stream().filter(thatWeek).allMatch(a -> a.status().equals(AlertStatus.CLEARED)));
        assertThat(settled).filteredOn(thatWeek).isNotEmpty()
                .allSatisfy(a -> assertThat(a.clearedAt()).as("withdrawn: cleared at its own raise time").isEqualTo(a.raisedAt()));
        assertThat(system.warehouse().alerts().forCase(unvisited)).filteredOn(a -> a.alertId().equals(prefix + "breach"))
                .singleElement().extracting(Alert::status).isEqualTo(AlertStatus.OPEN);
    }

    private static List<Alert> awaitAlerts(GridPulse system, String caseId, Predicate<List<Alert>> done)
            throws InterruptedException {
        var until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        var alerts = system.warehouse().alerts().forCase(caseId);
        while (!done.test(alerts) && System.nanoTime() < until) {
            Thread.sleep(250);
            alerts = system.warehouse().alerts().forCase(caseId);
        }
        assertThat(done.test(alerts)).as("alerts for %s within 60 s: %s", caseId, alerts).isTrue();
        return alerts;
    }

    private static String visit(String householdId, Instant at) {
        return """
                {"eventId":"%s","kind":"visit","occurredAt":"%s","source":"terminal-0042","gridCode":"%s",
                 "visitorId":"gw-0042","householdId":"%s","visitType":"routine","durationMinutes":25,
                 "groups":["elderly_alone"],"notes":"身体尚可"}""".formatted(Api.newEventId(), at.atZone(SHANGHAI).toOffsetDateTime(),
                GRID, householdId);
    }
}
