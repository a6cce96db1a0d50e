package io.gridpulse.warehouse.cases;

import io.gridpulse.model.alerts.Alert;
import io.gridpulse.model.alerts.AlertKind;
import io.gridpulse.model.alerts.AlertStatus;
import io.gridpulse.model.alerts.Severity;
import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.area.AreaLineage;
import io.gridpulse.warehouse.EventRow;
import io.gridpulse.warehouse.TestChdb;
import io.gridpulse.warehouse.Warehouse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The case list over a small hand-made first week of November in street 439901001 of the embedded
 * warehouse; every expected row is worked out in the comments.
 */
class ChdbCaseQueriesTest {
    static final Instant FROM = Instant.parse("2026-11-01T00:00:00Z");
    static final Instant TO = Instant.parse("2026-11-08T00:00:00Z");
    static final AreaCode STREET = AreaCode.of("439901001");
    static final String GRID = "439901001001001";
    static final String OTHER_GRID = "439901002001001";
    private static Warehouse warehouse;
    private static CaseQueries cases;

    @BeforeAll
    static void firstWeekOfNovember() {
        warehouse = Warehouse.open(TestChdb.config());
        for (var table : List.of("events", "case_events", "alerts")) {
            warehouse.clickHouse().execute("TRUNCATE TABLE gridpulse." + table);
        }
        warehouse.events().insert(List.of(
                // k1: raised by hotline as medical insurance, reclassified as elderly care, answered after 3 h, closed
                demand("demand.created", "k1", "2026-11-02T02:00:00Z", GRID,
                        ",\"demandType\":\"medical_insurance\",\"channel\":\"hotline\",\"description\":\"居民来电 13812345678\""),
                demand("demand.classified", "k1", "2026-11-02T03:00:00Z", GRID,
                        ",\"demandType\":\"elderly_care\",\"demandClass\":\"coordinate\""),
                demand("demand.assigned", "k1", "2026-11-02T03:30:00Z", GRID, ",\"department\":\"civil_affairs\""),
                demand("demand.assigned", "k1", "2026-11-02T04:00:00Z", GRID, ",\"department\":\"health\""),
                demand("demand.responded", "k1", "2026-11-02T05:00:00Z", GRID, ""),
                demand("demand.closed", "k1", "2026-11-03T00:00:00Z", GRID, ""),
                // k2: closed after 10 h, then reopened: not closed any more
                demand("demand.created", "k2", "2026-11-05T00:00:00Z", GRID,
                        ",\"demandType\":\"employment\",\"channel\":\"app\",\"description\":\"就业指导\""),
                demand("demand.closed", "k2", "2026-11-05T10:00:00Z", GRID, ""),
                demand("demand.reopened", "k2", "2026-11-06T00:00:00Z", GRID, ""),
                // k3: raised, never answered
                demand("demand.created", "k3", "2026-11-07T12:00:00Z", GRID, ",\"demandType\":\"elderly_care\""),
                demand("demand.assigned", "k3", "2026-11-07T13:00:00Z", GRID, ",\"department\":\"civil_affairs\""),
                // k4: raised before the period (its answer inside it); k5 raised at its exclusive end
                demand("demand.created", "k4", "2026-10-31T23:00:00Z", GRID, ",\"demandType\":\"elderly_care\""),
                demand("demand.responded", "k4", "2026-11-01T01:00:00Z", GRID, ""),
                demand("demand.created", "k5", "2026-11-08T00:00:00Z", GRID, ",\"demandType\":\"elderly_care\""),
                // k6: another street; k0: a step without its raising
                demand("demand.created", "k6", "2026-11-03T00:00:00Z", OTHER_GRID, ",\"demandType\":\"elderly_care\""),
                demand("demand.responded", "k0", "2026-11-03T00:00:00Z", GRID, ""),
                // k7: raised long before the period, its response warning still open
                demand("demand.created", "k7", "2026-10-20T08:00:00Z", GRID, ",\"demandType\":\"employment\""),
                demand("demand.assigned", "k7", "2026-10-20T09:00:00Z", GRID, ",\"department\":\"civil_affairs\"")));
        warehouse.alerts().insert(List.of(
                alert("sla:k2:closed", AlertKind.SLA_BREACH, AlertStatus.OPEN, "k2", "2026-11-06T16:00:00Z", null, 1),
                // withdrawn (cleared at the instant it was raised) and a warning: neither counts
                alert("sla:k2:resp", AlertKind.SLA_BREACH, AlertStatus.CLEARED, "k2", "2026-11-06T00:00:00Z",
                        "2026-11-06T00:00:00Z", 2),
                alert("sla:k2:warn", AlertKind.SLA_WARNING, AlertStatus.OPEN, "k2", "2026-11-06T00:00:00Z", null, 1),
                // k3: one breach open, one open at first and cleared later (the later version wins)
                alert("sla:k3:closed", AlertKind.SLA_BREACH, AlertStatus.OPEN, "k3", "2026-11-08T12:00:00Z", null, 1),
                alert("sla:k3:resp", AlertKind.SLA_BREACH, AlertStatus.OPEN, "k3", "2026-11-08T12:00:00Z", null, 1),
                alert("sla:k7:resp", AlertKind.SLA_WARNING, AlertStatus.OPEN, "k7", "2026-10-21T08:00:00Z", null, 1),
                // k1's breach was open once and is cleared now
                alert("sla:k1:resp", AlertKind.SLA_BREACH, AlertStatus.OPEN, "k1", "2026-11-02T04:00:00Z", null, 1)));
        warehouse.alerts().insert(List.of(
                alert("sla:k3:resp", AlertKind.SLA_BREACH, AlertStatus.CLEARED, "k3", "2026-11-08T12:00:00Z",
                        "2026-11-08T13:00:00Z", 2),
                alert("sla:k1:resp", AlertKind.SLA_BREACH, AlertStatus.CLEARED, "k1", "2026-11-02T04:00:00Z",
                        "2026-11-02T05:00:00Z", 2)));
        cases = new CaseQueries(warehouse);
    }

    @AfterAll
    static void close() {
        warehouse.close();
    }

    @Test
    void listsTheCasesRaisedInTheAreaAndPeriodNewestFirst() {
        // k4 raised before FROM, k5 at TO, k6 elsewhere, k0 never raised
        assertThat(cases.cases(CaseFilter.of(STREET, FROM, TO, 100))).extracting(CaseRow::caseId)
                .containsExactly("k3", "k2", "k1");
    }

    @Test
    void foldsEachCaseFromItsEvents() {
        var k1 = byId("k1");
        assertThat(k1.createdAt()).isEqualTo(Instant.parse("2026-11-02T02:00:00Z"));
        assertThat(k1.gridCode()).isEqualTo(GRID);
        assertThat(k1.streetCode()).isEqualTo("439901001");
        assertThat(k1.demandType()).as("the latest type").isEqualTo("elderly_care");
        assertThat(k1.demandClass()).isEqualTo("coordinate");
        assertThat(k1.channel()).isEqualTo("hotline");
        assertThat(k1.description()).isEqualTo("居民来电 13812345678");
        assertThat(k1.latestStep()).isEqualTo("closed");
        assertThat(k1.latestAt()).isEqualTo(Instant.parse("2026-11-03T00:00:00Z"));
        assertThat(k1.firstAnswerAt()).isEqualTo(Instant.parse("2026-11-02T05:00:00Z"));
        assertThat(k1.closedAt()).isEqualTo(Instant.parse("2026-11-03T00:00:00Z"));
        assertThat(k1.openBreaches()).isZero();
    }

    @Test
    void aReopenedCaseIsNotClosedAndItsCloseStillCountsAsItsFirstAnswer() {
        var k2 = byId("k2");
        assertThat(k2.latestStep()).isEqualTo("reopened");
        assertThat(k2.closedAt()).isNull();
        assertThat(k2.closed()).isFalse();
        assertThat(k2.firstAnswerAt()).isEqualTo(Instant.parse("2026-11-05T10:00:00Z"));
    }

    @Test
    void anUnansweredCaseHasNoAnswerNoCloseAndEmptyFieldsForWhatWasNeverSaid() {
        var k3 = byId("k3");
        assertThat(k3.latestStep()).isEqualTo("assigned");
        assertThat(k3.firstAnswerAt()).isNull();
        assertThat(k3.closedAt()).isNull();
        assertThat(k3.channel()).isEmpty();
        assertThat(k3.description()).isEmpty();
        assertThat(k3.demandClass()).isEmpty();
    }

    @Test
    void countsOnlyOpenBreachesInTheirLatestVersion() {
        // k2: one open breach (the withdrawn one and the warning do not count); k3: one of two still open
        assertThat(byId("k2").openBreaches()).isEqualTo(1);
        assertThat(byId("k3").openBreaches()).isEqualTo(1);
    }

    @Test
    void filtersByTheLatestDemandType() {
        assertThat(cases.cases(new CaseFilter(STREET, FROM, TO, "elderly_care", null, null, 100))).extracting(CaseRow::caseId)
                .containsExactly("k3", "k1");
        assertThat(cases.cases(new CaseFilter(STREET, FROM, TO, "medical_insurance", null, null, 100))).isEmpty();
    }

    @Test
    void searchesCaseIdsAndDescriptionsIgnoringCase() {
        assertThat(cases.cases(new CaseFilter(STREET, FROM, TO, null, "K2", null, 100))).extracting(CaseRow::caseId)
                .containsExactly("k2");
        assertThat(cases.cases(new CaseFilter(STREET, FROM, TO, null, "来电", null, 100))).extracting(CaseRow::caseId)
                .containsExactly("k1");
        assertThat(cases.cases(new CaseFilter(STREET, FROM, TO, null, "' OR 1=1 --", null, 100))).isEmpty();
    }

    @Test
    void aDepartmentSeesOnlyTheCasesLastAssignedToIt() {
        // k1 went to civil affairs first and then to health: it is health's now; k2 was never assigned
        assertThat(cases.cases(new CaseFilter(STREET, FROM, TO, null, null, "civil_affairs", 100)))
                .extracting(CaseRow::caseId).containsExactly("k3");
        assertThat(cases.cases(new CaseFilter(STREET, FROM, TO, null, null, "health", 100)))
                .extracting(CaseRow::caseId).containsExactly("k1");
        assertThat(byId("k1").department()).isEqualTo("health");
        assertThat(byId("k2").department()).isEmpty();
    }

    @Test
    void onlyTheCasesWithAnOpenBreachInItsLatestVersion() {
        // k2 and k3 have a breach open; k1's was cleared, k7 has only a warning (and was raised before the period)
        var breached = CaseFilter.of(STREET, FROM, TO, 100).withAlerting(CaseFilter.Alerting.OPEN_BREACH);
        assertThat(cases.cases(breached)).extracting(CaseRow::caseId).containsExactly("k3", "k2");
        assertThat(cases.cases(breached.withLimit(1))).extracting(CaseRow::caseId).containsExactly("k3");
    }

    @Test
    void onlyTheCasesWithAnOpenAlertOfAnyKindRaisedAtAnyTime() {
        var since = Instant.EPOCH;
        var alerting = CaseFilter.of(STREET, since, TO, 100).withAlerting(CaseFilter.Alerting.OPEN_ALERT);
        assertThat(cases.cases(alerting)).extracting(CaseRow::caseId).containsExactly("k3", "k2", "k7");
        assertThat(cases.cases(alerting.withAlerting(CaseFilter.Alerting.OPEN_BREACH))).extracting(CaseRow::caseId)
                .containsExactly("k3", "k2");
        assertThat(cases.cases(alerting.withAlerting(CaseFilter.Alerting.EVERY_CASE))).extracting(CaseRow::caseId)
                .containsExactly("k3", "k2", "k1", "k4", "k7");
    }

    @Test
    void theOpenAlertOptionCombinesWithTheDepartment() {
        // civil affairs holds k3 (breached) and k7 (a warning only)
        var civil = new CaseFilter(STREET, Instant.EPOCH, TO, null, null, "civil_affairs", 100);
        assertThat(cases.cases(civil.withAlerting(CaseFilter.Alerting.OPEN_ALERT))).extracting(CaseRow::caseId)
                .containsExactly("k3", "k7");
        assertThat(cases.cases(civil.withAlerting(CaseFilter.Alerting.OPEN_BREACH))).extracting(CaseRow::caseId)
                .containsExactly("k3");
        assertThat(cases.cases(new CaseFilter(STREET, Instant.EPOCH, TO, null, null, "health", 100)
                .withAlerting(CaseFilter.Alerting.OPEN_ALERT))).isEmpty();
    }

    @Test
    void countsEveryCaseTheFilterKeepsWhateverItsLimit() {
        assertThat(cases.count(CaseFilter.of(STREET, FROM, TO, 1))).isEqualTo(3);
        assertThat(cases.count(CaseFilter.of(STREET, Instant.EPOCH, TO, 1).withAlerting(CaseFilter.Alerting.OPEN_ALERT)))
                .isEqualTo(3);
        assertThat(cases.count(CaseFilter.of(AreaCode.of(OTHER_GRID), FROM, TO, 1)
                .withAlerting(CaseFilter.Alerting.OPEN_BREACH))).isZero();
    }

    @Test
    void aFilterWithoutAlertingKeepsEveryCase() {
        assertThat(new CaseFilter(STREET, FROM, TO, null, null, null, 10, null, null).alerting())
                .isEqualTo(CaseFilter.Alerting.EVERY_CASE);
        assertThat(new CaseFilter(STREET, FROM, TO, null, null, null, 10).alerting()).isEqualTo(CaseFilter.Alerting.EVERY_CASE);
    }

    @Test
    void theLimitKeepsTheNewest() {
        assertThat(cases.cases(CaseFilter.of(STREET, FROM, TO, 2))).extracting(CaseRow::caseId).containsExactly("k3", "k2");
    }

    @Test
    void theCityHoldsEveryStreetsCasesAndAGridOnlyItsOwn() {
        assertThat(cases.cases(CaseFilter.of(AreaCode.of("439901"), FROM, TO, 100))).extracting(CaseRow::caseId)
                .containsExactly("k3", "k2", "k6", "k1");
        assertThat(cases.cases(CaseFilter.of(AreaCode.of(OTHER_GRID), FROM, TO, 100))).extracting(CaseRow::caseId)
                .containsExactly("k6");
    }

    @Test
    void refusesAnEmptyPeriodAndAnUnboundedLimit() {
        assertThatThrownBy(() -> CaseFilter.of(STREET, TO, FROM, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CaseFilter.of(STREET, FROM, TO, CaseFilter.MAX_LIMIT + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static CaseRow byId(String caseId) {
        return cases.cases(CaseFilter.of(STREET, FROM, TO, 100)).stream().filter(c -> c.caseId().equals(caseId))
                .findFirst().orElseThrow();
    }

    private static EventRow demand(String kind, String caseId, String at, String grid, String extra) {
        var t = Instant.parse(at);
        return new EventRow(UUID.randomUUID().toString(), kind, t, t, "test", grid, grid.substring(0, 12),
                grid.substring(0, 9), grid.substring(0, 6), null, null, "{\"caseId\":\"" + caseId + "\"" + extra + "}");
    }

    private static Alert alert(String id, AlertKind kind, AlertStatus status, String caseId, String raised, String cleared,
                                  long version) {
        var at = Instant.parse(raised);
        return new Alert(id, kind, Severity.MAJOR, status, caseId, "resolve_now.first_response", 0, at, at,
                cleared == null ? null : Instant.parse(cleared), new AreaLineage(GRID, GRID.substring(0, 12),
                GRID.substring(0, 9), GRID.substring(0, 6)), "", version);
    }
}
