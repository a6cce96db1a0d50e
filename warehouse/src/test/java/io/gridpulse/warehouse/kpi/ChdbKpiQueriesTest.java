package io.gridpulse.warehouse.kpi;

import io.gridpulse.model.alerts.Alert;
import io.gridpulse.model.alerts.AlertKind;
import io.gridpulse.model.alerts.AlertStatus;
import io.gridpulse.model.alerts.Severity;
import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.area.AreaLineage;
import io.gridpulse.model.kpi.Indicator;
import io.gridpulse.model.kpi.IndicatorValue;
import io.gridpulse.warehouse.EventRow;
import io.gridpulse.warehouse.TestChdb;
import io.gridpulse.warehouse.Warehouse;
import io.gridpulse.warehouse.actions.AlertAction;
import io.gridpulse.warehouse.actions.AlertActions;
import io.gridpulse.warehouse.registry.HouseholdRegistry;
import io.gridpulse.warehouse.registry.HouseholdRow;
import io.gridpulse.warehouse.satisfaction.RatingRow;
import io.gridpulse.warehouse.satisfaction.SatisfactionQueries;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The twelve indicators over a small hand-made November in street 439901001 of the embedded
 * warehouse; every expected value is worked out in the comments.
 */
class ChdbKpiQueriesTest {
    static final Instant FROM = Instant.parse("2026-10-31T16:00:00Z");
    static final Instant TO = Instant.parse("2026-11-30T16:00:00Z");
    static final Instant NOW = Instant.parse("2026-11-20T00:00:00Z");
    static final AreaCode STREET = AreaCode.of("439901001");
    static final String GRID = "439901001001001";
    static final String OTHER_GRID = "439901002001001";
    static final Offset<Double> EXACT = Offset.offset(1e-6);
    private static Warehouse warehouse;
    private static Map<Indicator, IndicatorValue> values;

    @BeforeAll
    static void november() {
        warehouse = Warehouse.open(TestChdb.config());
        for (var table : List.of("events", "case_events", "alerts", "ratings", "households", "alert_actions")) {
            warehouse.clickHouse().execute("TRUNCATE TABLE gridpulse." + table);
        }
        var rows = new ArrayList<EventRow>();
        // c1: raised, answered after 8 h (timely), closed, reopened
        rows.add(demand("demand.created", "c1", "2026-11-10T02:00:00Z", GRID, ",\"demandType\":\"medical_insurance\""));
        rows.add(demand("demand.responded", "c1", "2026-11-10T10:00:00Z", GRID, ""));
        rows.add(demand("demand.closed", "c1", "2026-11-12T00:00:00Z", GRID, ""));
        rows.add(demand("demand.reopened", "c1", "2026-11-13T00:00:00Z", GRID, ""));
        // c2: answered after 30 h (late), closed after its closure deadline was breached
        rows.add(demand("demand.created", "c2", "2026-11-11T00:00:00Z", GRID, ",\"demandType\":\"elderly_care\""));
        rows.add(demand("demand.responded", "c2", "2026-11-12T06:00:00Z", GRID, ""));
        rows.add(demand("demand.closed", "c2", "2026-11-15T00:00:00Z", GRID, ""));
        // c3: raised 12 h before now, unanswered: not yet due
        rows.add(demand("demand.created", "c3", "2026-11-19T12:00:00Z", GRID, ",\"demandType\":\"elderly_care\""));
        // c4: raised 48 h before now, unanswered: due and late
        rows.add(demand("demand.created", "c4", "2026-11-18T00:00:00Z", GRID, ",\"demandType\":\"elderly_care\""));
        // c5: a dispute escalated to the street, closed after 36 h
        rows.add(demand("demand.created", "c5", "2026-11-05T00:00:00Z", GRID, ",\"demandType\":\"dispute_mediation\""));
        rows.add(demand("demand.escalated", "c5", "2026-11-05T12:00:00Z", GRID, ",\"toLevel\":\"street\""));
        rows.add(demand("demand.closed", "c5", "2026-11-06T12:00:00Z", GRID, ""));
        // c6: a dispute settled in the grid within 20 h
        rows.add(demand("demand.created", "c6", "2026-11-07T00:00:00Z", GRID, ",\"demandType\":\"dispute_mediation\""));
        rows.add(demand("demand.closed", "c6", "2026-11-07T20:00:00Z", GRID, ""));
        // c7: another street; must count nowhere here
        rows.add(demand("demand.created", "c7", "2026-11-10T00:00:00Z", OTHER_GRID, ",\"demandType\":\"dispute_mediation\""));
        rows.add(demand("demand.closed", "c7", "2026-11-10T01:00:00Z", OTHER_GRID, ""));
        // hall: three tickets completed, two in one visit; one only served
        rows.add(ticket("completed", true, "2026-11-03T01:00:00Z"));
        rows.add(ticket("completed", true, "2026-11-03T02:00:00Z"));
        rows.add(ticket("completed", false, "2026-11-03T03:00:00Z"));
        rows.add(ticket("served", true, "2026-11-03T04:00:00Z"));
        // devices as of NOW: d1 online 5 min ago; d2 says offline; d3 online but silent 4 h; d4 silent 2 days
        rows.add(telemetry("d1", "online", "2026-11-19T23:55:00Z"));
        rows.add(telemetry("d1", "online", "2026-11-19T23:40:00Z"));
        rows.add(telemetry("d2", "offline", "2026-11-19T23:58:00Z"));
        rows.add(telemetry("d3", "online", "2026-11-19T20:00:00Z"));
        rows.add(telemetry("d4", "online", "2026-11-18T00:00:00Z"));
        // the registry: h1-h4 in the street (h2 elderly alone, h3 a left-behind child, h4 both), h5 elsewhere
        new HouseholdRegistry(warehouse).replace(List.of(
                new HouseholdRow("h1", AreaCode.of(GRID), 3, 0, List.of()),
                new HouseholdRow("h2", AreaCode.of(GRID), 1, 1, List.of("elderly_alone")),
                new HouseholdRow("h3", AreaCode.of(GRID), 4, 2, List.of("left_behind_child")),
                new HouseholdRow("h4", AreaCode.of(GRID), 3, 1, List.of("elderly_alone", "left_behind_child")),
                new HouseholdRow("h5", AreaCode.of(OTHER_GRID), 2, 0, List.of("elderly_alone"))), 1);
        // visits: h1 on Nov 2, h2 on Nov 10 (more than 7 days before NOW), h3 on Nov 18, h5 on Nov 19 (other street)
        rows.add(visit("h1", "2026-11-02T02:00:00Z", GRID));
        rows.add(visit("h2", "2026-11-10T02:00:00Z", GRID));
        rows.add(visit("h3", "2026-11-18T02:00:00Z", GRID));
        rows.add(visit("h5", "2026-11-19T02:00:00Z", OTHER_GRID));
        warehouse.events().insert(rows);
        warehouse.alerts().insert(List.of(new Alert("sla:c2:closed", AlertKind.SLA_BREACH, Severity.CRITICAL,
                AlertStatus.OPEN, "c2", "complex_problem.closed_loop", 0, Instant.parse("2026-11-14T16:00:00Z"),
                Instant.parse("2026-11-14T16:00:00Z"), null, new AreaLineage(GRID, GRID.substring(0, 12),
                GRID.substring(0, 9), GRID.substring(0, 6)), "", 1)));
        // SOS s1 acknowledged after 2 min (timely), s2 after 10 min (late), s3 never and 1 h old (late),
        // s4 raised 1 min before NOW (not yet due); c2's breach above acknowledged after 2 h (timely)
        warehouse.alerts().insert(List.of(sos("s1", "2026-11-19T10:00:00Z"), sos("s2", "2026-11-19T11:00:00Z"),
                sos("s3", "2026-11-19T23:00:00Z"), sos("s4", "2026-11-19T23:59:00Z")));
        var actions = new AlertActions(warehouse);
        actions.record(ack("s1", "2026-11-19T10:02:00Z"));
        actions.record(ack("s2", "2026-11-19T11:10:00Z"));
        actions.record(ack("sla:c2:closed", "2026-11-14T18:00:00Z"));
        actions.record(ack("sla:c2:closed", "2026-11-14T18:00:00Z")); // recorded twice: once
        new SatisfactionQueries(warehouse).insert(List.of(
                rating("r1", GRID, 1.0), rating("r2", GRID, 0.5), rating("r3", OTHER_GRID, 0.0)));

        values = new KpiQueries(warehouse).indicators(STREET, FROM, TO, NOW).stream()
                .collect(Collectors.toMap(IndicatorValue::indicator, Function.identity()));
    }

    @AfterAll
    static void close() {
        warehouse.close();
    }

    @Test
    void allTwelveComeBackInOrder() {
        assertThat(new KpiQueries(warehouse).indicators(STREET, FROM, TO, NOW)).extracting(IndicatorValue::indicator)
                .containsExactly(Indicator.values());
    }

    @Test
    void timelyResponseCountsDueDemandsAnsweredWithin24Hours() {
        // due: c1, c2, c4 (48 h unanswered), c5, c6; not c3 (12 h old). Timely: c1 (8 h), c6 (20 h) = 2 / 5
        assertThat(values.get(Indicator.TIMELY_RESPONSE).value()).isCloseTo(40.0, EXACT);
        assertThat(values.get(Indicator.TIMELY_RESPONSE).n()).isEqualTo(5);
    }

    @Test
    void averageResponseIsTheMeanHoursToTheFirstAnswer() {
        // c1 8, c2 30, c5 36 (closed), c6 20: 94 / 4 = 23.5
        assertThat(values.get(Indicator.AVERAGE_RESPONSE_HOURS).value()).isCloseTo(23.5, EXACT);
        assertThat(values.get(Indicator.AVERAGE_RESPONSE_HOURS).n()).isEqualTo(4);
        assertThat(values.get(Indicator.AVERAGE_RESPONSE_HOURS).onTarget()).isTrue();
    }

    @Test
    void onTimeClosureLeavesOutCasesWhoseClosureDeadlineWasBreached() {
        // closed: c1, c2, c5, c6; c2 breached its closed-loop deadline: 3 / 4
        assertThat(values.get(Indicator.ON_TIME_CLOSURE).value()).isCloseTo(75.0, EXACT);
    }

    @Test
    void aDisputeEscalatedToTheStreetIsNotSettledLocally() {
        // c5 escalated, c6 settled; c7 is another street's: 1 / 2
        assertThat(values.get(Indicator.LOCAL_DISPUTE_RESOLUTION).value()).isCloseTo(50.0, EXACT);
        assertThat(values.get(Indicator.LOCAL_DISPUTE_RESOLUTION).n()).isEqualTo(2);
    }

    @Test
    void repeatDemandIsReopenedPerClosed() {
        assertThat(values.get(Indicator.REPEAT_DEMAND).value()).isCloseTo(25.0, EXACT);
        assertThat(values.get(Indicator.REPEAT_DEMAND).onTarget()).as("12% or less is the target").isFalse();
    }

    @Test
    void oneVisitCompletionCountsCompletedTicketsOnly() {
        assertThat(values.get(Indicator.ONE_VISIT_COMPLETION).value()).isCloseTo(200.0 / 3, EXACT);
        assertThat(values.get(Indicator.ONE_VISIT_COMPLETION).n()).isEqualTo(3);
    }

    @Test
    void aDeviceIsOnlineWhenItsLastRecentReportSaysSo() {
        // d1 online; d2 offline; d3 silent 4 h; d4 silent 2 days and not counted: 1 / 3
        assertThat(values.get(Indicator.DEVICE_ONLINE).value()).isCloseTo(100.0 / 3, EXACT);
        assertThat(values.get(Indicator.DEVICE_ONLINE).n()).isEqualTo(3);
    }

    @Test
    void satisfactionIsShrunkTowardTheCounty() {
        // street: n = 2, mean 0.75; county: mean of 1, 0.5, 0 = 0.5; (2 * 0.75 + 20 * 0.5) / 22
        assertThat(values.get(Indicator.SATISFACTION).value()).isCloseTo(100 * 11.5 / 22, EXACT);
        assertThat(values.get(Indicator.SATISFACTION).n()).isEqualTo(2);
    }

    @Test
    void visitCoverageIsRegisteredHouseholdsVisitedInThePeriod() {
        // h1, h2, h3 of h1-h4 visited in November; h5 lives in another street
        assertThat(values.get(Indicator.VISIT_COVERAGE).value()).isCloseTo(75.0, EXACT);
        assertThat(values.get(Indicator.VISIT_COVERAGE).n()).isEqualTo(4);
    }

    @Test
    void priorityComplianceCountsEachObligation() {
        // obligations: h2 weekly (last visit 9.9 days before NOW: missed), h3 monthly (met), h4 weekly and monthly
        // (never visited: both missed) = 1 of 4
        assertThat(values.get(Indicator.PRIORITY_VISIT_COMPLIANCE).value()).isCloseTo(25.0, EXACT);
        assertThat(values.get(Indicator.PRIORITY_VISIT_COMPLIANCE).n()).isEqualTo(4);
    }

    @Test
    void aNewRegistryReplacesTheOld() {
        var registry = new HouseholdRegistry(warehouse);
        assertThat(registry.count(STREET)).isEqualTo(4);
        assertThat(registry.count(AreaCode.of("439901"))).isEqualTo(5);
    }

    @Test
    void alertHandlingCountsSosAndBreachesAcknowledgedInTime() {
        // due: s1, s2, s3 and the breach (s4 has 4 minutes left); timely: s1 and the breach = 2 / 4
        assertThat(values.get(Indicator.ALERT_HANDLING).value()).isCloseTo(50.0, EXACT);
        assertThat(values.get(Indicator.ALERT_HANDLING).n()).isEqualTo(4);
    }

    @Test
    void anAlertsHistoryListsItsActionsOnceInOrder() {
        var history = new AlertActions(warehouse).history("sla:c2:closed");
        assertThat(history).singleElement().satisfies(a -> {
            assertThat(a.action()).isEqualTo(AlertAction.ACKNOWLEDGE);
            assertThat(a.actor()).isEqualTo("watcher-1");
            assertThat(a.at()).isEqualTo(Instant.parse("2026-11-14T18:00:00Z"));
        });
        assertThat(new AlertActions(warehouse).acknowledged(List.of("s1", "s3", "s4"))).containsExactly("s1");
    }

    @Test
    void indicatorsWithoutTheirInputsSayWhyInsteadOfGuessing() {
        for (var i : List.of(Indicator.BAD_RATING_RECTIFICATION)) {
            assertThat(values.get(i).value()).as(i.code()).isNull();
            assertThat(values.get(i).note()).as(i.code()).isNotBlank();
        }
    }

    @Test
    void anAreaWithNothingInItIsUnmeasuredEverywhere() {
        var empty = new KpiQueries(warehouse).indicators(AreaCode.of("439901015"), FROM, TO, NOW);
        assertThat(empty).allSatisfy(v -> assertThat(v.value()).as(v.indicator().code()).isNull());
    }

    private static EventRow demand(String kind, String caseId, String at, String grid, String extra) {
        return row(kind, at, grid, "{\"caseId\":\"" + caseId + "\"" + extra + "}");
    }

    private static Alert sos(String id, String at) {
        var t = Instant.parse(at);
        return new Alert(id, AlertKind.DEVICE_SOS, Severity.CRITICAL, AlertStatus.OPEN, "wb-1", "device.sos", 0, t, t,
                null, new AreaLineage(GRID, GRID.substring(0, 12), GRID.substring(0, 9), GRID.substring(0, 6)), "SOS",
                1);
    }

    private static AlertAction ack(String alertId, String at) {
        return new AlertAction("ack-" + alertId + "-" + at, alertId, AlertAction.ACKNOWLEDGE, "watcher-1", null, "收到",
                Instant.parse(at), GRID.substring(0, 6), GRID.substring(0, 9), GRID.substring(0, 12), GRID);
    }

    private static EventRow visit(String household, String at, String grid) {
        return row("visit", at, grid, "{\"householdId\":\"" + household + "\",\"visitType\":\"routine\"}");
    }

    private static EventRow ticket(String stage, boolean oneVisit, String at) {
        return row("ticket", at, GRID, "{\"ticketId\":\"" + UUID.randomUUID() + "\",\"stage\":\"" + stage
                + "\",\"oneVisit\":" + oneVisit + "}");
    }

    private static EventRow telemetry(String device, String status, String at) {
        return row("telemetry", at, GRID, "{\"deviceId\":\"" + device + "\",\"status\":\"" + status + "\"}");
    }

    private static EventRow row(String kind, String at, String grid, String payload) {
        var t = Instant.parse(at);
        return new EventRow(UUID.randomUUID().toString(), kind, t, t, "test", grid, grid.substring(0, 12),
                grid.substring(0, 9), grid.substring(0, 6), null, null, payload);
    }

    private static RatingRow rating(String id, String grid, double score) {
        return new RatingRow(id, Instant.parse("2026-11-15T02:00:00Z"), grid.substring(0, 6), grid.substring(0, 9),
                grid.substring(0, 12), grid, "qr_scan", "case", score, null, null, null);
    }
}
