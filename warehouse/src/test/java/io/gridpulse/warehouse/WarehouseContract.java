package io.gridpulse.warehouse;

import io.gridpulse.model.alerts.Alert;
import io.gridpulse.model.alerts.AlertKind;
import io.gridpulse.model.alerts.AlertStatus;
import io.gridpulse.model.alerts.Severity;
import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.area.AreaLineage;
import io.gridpulse.model.testing.TestClock;
import io.gridpulse.warehouse.alerts.AlertFilter;
import io.gridpulse.warehouse.alerts.AlertPosition;
import io.gridpulse.warehouse.alerts.AlertStore;
import io.gridpulse.warehouse.migrations.Migrations;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every behaviour of {@link Warehouse}, run against each kind of connection. */
public abstract class WarehouseContract {

    static final Instant T0 = Instant.parse("2026-03-14T08:30:00.123Z");

    /** An open, migrated warehouse; tables are emptied before each test. */
    protected abstract Warehouse warehouse();

    @BeforeEach
    void emptyTables() {
        warehouse().clickHouse().execute("TRUNCATE TABLE gridpulse.events");
        warehouse().clickHouse().execute("TRUNCATE TABLE gridpulse.case_events");
        warehouse().clickHouse().execute("TRUNCATE TABLE gridpulse.dead_letters");
        warehouse().clickHouse().execute("TRUNCATE TABLE gridpulse.alerts");
    }

    static EventRow event(String id, String street) {
        return new EventRow(id, "visit.completed", T0, T0.plusSeconds(2), "app", "G-" + street + "-1",
                "C-" + street, street, "330106", 120.15, 30.28, "{\"eventId\":\"" + id + "\"}");
    }

    static List<EventRow> events(String prefix, int count, String street) {
        return IntStream.range(0, count).mapToObj(i -> event(prefix + i, street)).toList();
    }

    @Test
    void migrationsAreRecordedOnceAndRunningThemAgainAppliesNothing() {
        var applied = warehouse().clickHouse().query(
                "SELECT version, name FROM gridpulse.schema_migrations ORDER BY version");
        var shipped = Migrations.gridpulse().migrations();
        assertThat(applied).extracting(row -> row.get("version"))
                .containsExactlyElementsOf(shipped.stream().map(m -> (Object) (long) m.version()).toList());
        assertThat(applied).extracting(row -> row.get("name")).startsWith("events", "dead_letters", "alerts")
                .containsExactlyElementsOf(shipped.stream().map(m -> (Object) m.name()).toList());

        assertThat(Migrations.gridpulse().applyTo(warehouse().clickHouse())).isEmpty();
        assertThat(warehouse().clickHouse().query("SELECT count() AS n FROM gridpulse.schema_migrations"))
                .singleElement().extracting(row -> row.get("n")).isEqualTo((long) shipped.size());
    }

    @Test
    void eventsReadBackExactlyIncludingChineseQuotesBackslashesAndNewlines() {
        var tricky = new EventRow("evt-tricky-'\"\\-1", "走访.完成", T0, T0.plusMillis(1),
                "12345热线", "网格\t01", "社区'一'", "街道\\西湖", "",
                null, null,
                "{\"note\":\"居民说：\\\"门口的灯坏了\\\"\\n第二行\",\"path\":\"C:\\\\tmp\",\"emoji\":\"🏠\"}\nline2\r\nend\u0000nul\u0001ctl '' \\' \\\\");
        var located = new EventRow("evt-located", "plaque.scanned", T0.plus(40, ChronoUnit.DAYS), T0,
                "kiosk", "g", "c", "s", "county", -0.5, 89.999999, "");

        warehouse().events().insert(List.of(tricky, located));

        assertThat(warehouse().events().find(tricky.eventId())).contains(tricky);
        assertThat(warehouse().events().find(located.eventId())).contains(located);
        assertThat(warehouse().events().find("no-such-event")).isEmpty();
    }

    @Test
    void anEmptyBatchWritesNothing() {
        warehouse().events().insert(List.of());
        warehouse().deadLetters().insert(List.of());

        assertThat(warehouse().events().distinctCount()).isZero();
        assertThat(warehouse().deadLetters().count()).isZero();
    }

    @Test
    void aReSentEventIsCountedOnceInTheFinalAndDistinctCounts() {
        var batch = events("dup-", 50, "S1");
        warehouse().events().insert(batch);
        warehouse().events().insert(batch);
        warehouse().events().insert(batch.subList(0, 10));

        assertThat(warehouse().events().countFinal()).isEqualTo(50);
        assertThat(warehouse().events().distinctCount()).isEqualTo(50);
        assertThat(warehouse().events().ids()).hasSize(50).contains("dup-0", "dup-49");
        assertThat(warehouse().events().countsByStreet()).containsExactly(new AreaCount("S1", 50));
    }

    @Test
    void countsByStreetAreDistinctEventsMostFirst() {
        var rows = new ArrayList<EventRow>();
        rows.addAll(events("a-", 3, "西湖街道"));
        rows.addAll(events("b-", 7, "北山街道"));
        rows.addAll(events("c-", 1, ""));
        rows.addAll(events("a-", 3, "西湖街道"));
        warehouse().events().insert(rows);

        assertThat(warehouse().events().countsByStreet()).containsExactly(
                new AreaCount("北山街道", 7), new AreaCount("西湖街道", 3), new AreaCount("", 1));
    }

    @Test
    void deadLettersAreKeptWithTheirReasonAndListedNewestFirst() {
        var now = TestClock.now().truncatedTo(ChronoUnit.MILLIS);
        var older = new DeadLetterRow("", now.minusSeconds(60), "mqtt", "not JSON: unexpected '<'", "<xml/>");
        var newer = new DeadLetterRow("evt-9", now, "http", "缺少字段 \"kind\"\nline 2", "{\"eventId\":\"evt-9\"}");
        warehouse().deadLetters().insert(List.of(older, newer));

        assertThat(warehouse().deadLetters().count()).isEqualTo(2);
        assertThat(warehouse().deadLetters().recent(10)).containsExactly(newer, older);
        assertThat(warehouse().deadLetters().recent(1)).containsExactly(newer);
        assertThat(warehouse().deadLetters().recent(0)).isEmpty();
    }

    @Test
    void aFailingStatementCarriesClickHousesMessageAndTheSql() {
        assertThatThrownBy(() -> warehouse().clickHouse().query("SELECT no_such_column FROM gridpulse.events"))
                .isInstanceOf(WarehouseException.class)
                .hasMessageContaining("no_such_column")
                .hasMessageContaining("UNKNOWN_IDENTIFIER")
                .hasMessageContaining("SQL: SELECT no_such_column FROM gridpulse.events");
        assertThatThrownBy(() -> warehouse().clickHouse().execute("INSERT INTO gridpulse.nowhere VALUES (1)"))
                .isInstanceOf(WarehouseException.class)
                .hasMessageContaining("UNKNOWN_TABLE");
    }

    @Test
    void queryValuesAreLongDoubleBooleanNullOrText() {
        var row = warehouse().clickHouse().query("SELECT 1 AS one, toInt64(-5) AS negative,"
                + " toUInt64(9007199254740993) AS big, 2.5 AS half, 'x' AS text, CAST(NULL AS Nullable(String)) AS nothing,"
                + " true AS yes, toDate('2026-01-02') AS day, toLowCardinality('lc') AS lc").getFirst();

        assertThat(new ArrayList<>(row.keySet()))
                .containsExactly("one", "negative", "big", "half", "text", "nothing", "yes", "day", "lc");
        assertThat(new ArrayList<>(row.values()))
                .containsExactly(1L, -5L, 9007199254740993L, 2.5, "x", null, true, "2026-01-02", "lc");
    }

    @Test
    @Timeout(60)
    void insertsFromSeveralThreadsAllLand() throws Exception {
        int threads = 6;
        int batches = 10;
        int rowsPerBatch = 100;
        try (var pool = Executors.newFixedThreadPool(threads)) {
            var futures = new ArrayList<Future<?>>();
            for (int t = 0; t < threads; t++) {
                var thread = t;
                futures.add(pool.submit(() -> {
                    for (int b = 0; b < batches; b++) {
                        warehouse().events().insert(events("t" + thread + "-b" + b + "-", rowsPerBatch, "S" + thread));
                        warehouse().events().distinctCount();
                    }
                }));
            }
            for (var future : futures) {
                future.get();
            }
        }

        assertThat(warehouse().events().distinctCount()).isEqualTo((long) threads * batches * rowsPerBatch);
        assertThat(warehouse().events().countsByStreet()).hasSize(threads)
                .allSatisfy(count -> assertThat(count.events()).isEqualTo(batches * rowsPerBatch));
    }

    @Test
    @Timeout(60)
    void aHundredThousandEventsGoInOneBatch() {
        var payload = "{\"kind\":\"visit.completed\",\"note\":\"" + "入户走访，居民反映楼道照明问题。".repeat(6) + "\"}";
        var rows = IntStream.range(0, 100_000)
                .mapToObj(i -> new EventRow("bulk-" + i, "visit.completed", T0.plusSeconds(i), T0.plusSeconds(i),
                        "simulator", "G" + (i % 500), "C" + (i % 50), "S" + (i % 12), "330106",
                        120.0 + i * 1e-6, 30.0, payload))
                .toList();

        long started = System.nanoTime();
        warehouse().events().insert(rows);
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("%s: inserted 100000 events in one batch in %d ms%n", getClass().getSimpleName(), millis);

        assertThat(warehouse().events().distinctCount()).isEqualTo(100_000);
        assertThat(new HashSet<>(warehouse().events().ids())).hasSize(100_000);
    }

    @org.junit.jupiter.api.Test
    void anAlertReadsBackAndItsClearedVersionReplacesTheOpenOne() {
        var raised = java.time.Instant.parse("2026-11-23T01:00:00Z");
        var open = new Alert("sla:case-9:resolve_now.first_response:1:breach", AlertKind.SLA_BREACH, Severity.MAJOR,
                AlertStatus.OPEN, "case-9", "resolve_now.first_response", 0, raised, raised, null,
                new AreaLineage("439901001001001", "439901001001", "439901001", "439901"), "首次响应超时 'quoted'", 1);
        warehouse().alerts().insert(java.util.List.of(open));
        org.assertj.core.api.Assertions.assertThat(warehouse().alerts().forCase("case-9")).containsExactly(open);

        var cleared = open.cleared(raised.plusSeconds(60));
        warehouse().alerts().insert(java.util.List.of(cleared));
        warehouse().alerts().insert(java.util.List.of(open));   // a replay of the older state must not win
        org.assertj.core.api.Assertions.assertThat(warehouse().alerts().forCase("case-9")).containsExactly(cleared);
        org.assertj.core.api.Assertions.assertThat(warehouse().alerts().recent(10)).containsExactly(cleared);
    }

    static Alert alert(String id, AlertKind kind, Severity severity, Instant raisedAt, String gridCode) {
        return new Alert(id, kind, severity, AlertStatus.OPEN, "case-" + id, "policy", 0, raisedAt.plusSeconds(3600),
                raisedAt, null, new AreaLineage(gridCode, gridCode.substring(0, 12), gridCode.substring(0, 9),
                gridCode.substring(0, 6)), "alert " + id, 1);
    }

    @Test
    void aPageOfAlertsIsFilteredByAreaAtEachLevelKindSeverityCaseAndRaiseTime() {
        var a = alert("a", AlertKind.SLA_BREACH, Severity.MAJOR, T0, "439901001001001");
        var b = alert("b", AlertKind.SLA_WARNING, Severity.WARNING, T0.plusSeconds(10), "439901001002001");
        var c = alert("c", AlertKind.SLA_ESCALATION, Severity.CRITICAL, T0.plusSeconds(20), "439901002001001");
        var d = alert("d", AlertKind.SLA_BREACH, Severity.MAJOR, T0.plusSeconds(30), "439902001001001");
        var e = alert("e", AlertKind.SLA_BREACH, Severity.MAJOR, T0.plusSeconds(40), "449901001001001");
        warehouse().alerts().insert(List.of(a, b, c, d, e));

        assertThat(ids(AlertFilter.ANY)).containsExactly("e", "d", "c", "b", "a");
        assertThat(ids(AlertFilter.ANY.inArea(AreaCode.of("439901001001001")))).containsExactly("a");
        assertThat(ids(AlertFilter.ANY.inArea(AreaCode.of("439901001002")))).containsExactly("b");
        assertThat(ids(AlertFilter.ANY.inArea(AreaCode.of("439901001")))).containsExactly("b", "a");
        assertThat(ids(AlertFilter.ANY.inArea(AreaCode.of("439901")))).containsExactly("c", "b", "a");
        assertThat(ids(AlertFilter.ANY.inArea(AreaCode.of("4399")))).containsExactly("d", "c", "b", "a");
        assertThat(ids(AlertFilter.ANY.inArea(AreaCode.of("43")))).containsExactly("d", "c", "b", "a");
        assertThat(ids(AlertFilter.ANY.inArea(AreaCode.of("45")))).isEmpty();
        assertThat(ids(AlertFilter.ANY.ofKind(AlertKind.SLA_BREACH))).containsExactly("e", "d", "a");
        assertThat(ids(AlertFilter.ANY.ofSeverity(Severity.CRITICAL))).containsExactly("c");
        assertThat(ids(AlertFilter.ANY.aboutCase("case-b"))).containsExactly("b");
        assertThat(ids(AlertFilter.ANY.raisedBetween(T0.plusSeconds(10), T0.plusSeconds(30)))).containsExactly("c", "b");
        assertThat(ids(AlertFilter.ANY.raisedBetween(T0.plusMillis(1), null))).containsExactly("e", "d", "c", "b");
        assertThat(ids(AlertFilter.ANY.raisedBetween(null, T0.plusNanos(1)))).containsExactly("a");
        assertThat(ids(AlertFilter.ANY.ofKind(AlertKind.SLA_BREACH).inArea(AreaCode.of("439901"))))
                .containsExactly("a");
        assertThat(List.of(a, b, c, d, e)).filteredOn(AlertFilter.ANY.inArea(AreaCode.of("4399")))
                .extracting(Alert::alertId).containsExactly("a", "b", "c", "d");
    }

    @Test
    void theWorklistPutsOpenBeforeClearedThenSeverityThenNewestAndCountsTheSameFilter() {
        warehouse().clickHouse().execute("TRUNCATE TABLE gridpulse.alert_actions");
        var grid = "439901007001001";
        var street = AreaCode.of("439901007");
        var battery = alert("w-battery", AlertKind.DEVICE_LOW_BATTERY, Severity.WARNING, T0.plusSeconds(50), grid);
        var oldBreach = alert("w-breach-old", AlertKind.SLA_BREACH, Severity.MAJOR, T0, grid);
        var newBreach = alert("w-breach-new", AlertKind.SLA_BREACH, Severity.MAJOR, T0.plusSeconds(40), grid);
        var sos = alert("w-sos", AlertKind.DEVICE_SOS, Severity.CRITICAL, T0.plusSeconds(10), grid);
        var warning = alert("w-warning", AlertKind.SLA_WARNING, Severity.WARNING, T0.plusSeconds(60), grid);
        var cleared = alert("w-cleared", AlertKind.DEVICE_SOS, Severity.CRITICAL, T0.plusSeconds(70), grid)
                .cleared(T0.plusSeconds(80));
        warehouse().alerts().insert(List.of(battery, oldBreach, newBreach, sos, warning, cleared));
        var store = warehouse().alerts();
        var inStreet = AlertFilter.ANY.inArea(street);

        assertThat(store.worklist(inStreet, 0, 100)).extracting(Alert::alertId)
                .containsExactly("w-sos", "w-breach-new", "w-breach-old", "w-warning", "w-battery", "w-cleared");
        assertThat(store.worklist(inStreet, 2, 2)).extracting(Alert::alertId).containsExactly("w-breach-old", "w-warning");
        assertThat(store.count(inStreet)).isEqualTo(6);
        var sla = inStreet.ofKinds(List.of(AlertKind.SLA_BREACH, AlertKind.SLA_WARNING));
        assertThat(store.worklist(sla, 0, 100)).extracting(Alert::alertId)
                .containsExactly("w-breach-new", "w-breach-old", "w-warning");
        assertThat(store.count(sla)).isEqualTo(3);
        assertThat(store.count(inStreet.ofSeverities(List.of(Severity.CRITICAL, Severity.WARNING)))).isEqualTo(4);
        assertThat(store.count(inStreet.withStatus(AlertStatus.OPEN))).isEqualTo(5);
        // words of the case (or device), policy or detail, ignoring case
        assertThat(store.worklist(inStreet.containing("BREACH-OLD"), 0, 10)).extracting(Alert::alertId)
                .containsExactly("w-breach-old");
        assertThat(store.count(inStreet.containing("alert w-"))).isEqualTo(6);
        assertThat(store.count(inStreet.containing("'; DROP TABLE x"))).isZero();

        // acknowledged by someone: out of the unhandled count, in the acknowledged one
        new io.gridpulse.warehouse.actions.AlertActions(warehouse()).record(new io.gridpulse.warehouse.actions.AlertAction(
                "act-1", "w-sos", io.gridpulse.warehouse.actions.AlertAction.ACKNOWLEDGE, "watcher", null, null,
                T0.plusSeconds(90), "439901", "439901007", "439901007001", grid));
        assertThat(store.count(inStreet.unhandled())).isEqualTo(4);
        assertThat(store.unhandledCount(street, null)).isEqualTo(4);
        assertThat(store.worklist(inStreet.acknowledged(true), 0, 10)).extracting(Alert::alertId).containsExactly("w-sos");
        assertThat(store.count(AlertFilter.ANY.acknowledged(true).aboutCase("case-w-sos"))).isEqualTo(1);
        // in memory the same rules hold, but for what needs other tables
        assertThat(List.of(battery, oldBreach, newBreach, sos, warning, cleared)).filteredOn(sla.containing("breach"))
                .extracting(Alert::alertId).containsExactly("w-breach-old", "w-breach-new");
        assertThatThrownBy(() -> inStreet.unhandled().test(sos)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> store.worklist(inStreet, -1, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void alertPagesRunNewestFirstAndVisitEveryAlertOnceEvenWhenRaiseTimesTie() {
        var rows = new ArrayList<Alert>();
        for (int i = 0; i < 23; i++) {
            // three alerts share each raise time, so the id must break ties
            rows.add(alert("tie-" + (char) ('a' + i), AlertKind.SLA_BREACH, Severity.MAJOR, T0.plusSeconds(i / 3),
                    "439901001001001"));
        }
        warehouse().alerts().insert(rows);

        var seen = new ArrayList<String>();
        AlertPosition after = null;
        int pages = 0;
        do {
            var page = warehouse().alerts().page(AlertFilter.ANY, after, 5);
            page.items().forEach(row -> seen.add(row.alertId()));
            after = page.next();
            pages++;
            assertThat(page.items()).hasSize(page.hasMore() ? 5 : 3);
        } while (after != null);

        assertThat(pages).isEqualTo(5);
        var expected = rows.stream().sorted(java.util.Comparator.comparing(Alert::raisedAt)
                .thenComparing(Alert::alertId).reversed()).map(Alert::alertId).toList();
        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(warehouse().alerts().page(AlertFilter.ANY, null, 23).hasMore()).isFalse();
    }

    @Test
    void aStatusFilterJudgesTheLatestStateSoAClearedAlertNeverListsAsOpen() {
        var open = alert("x", AlertKind.SLA_BREACH, Severity.MAJOR, T0, "439901001001001");
        var stays = alert("y", AlertKind.SLA_WARNING, Severity.WARNING, T0.plusSeconds(1), "439901001001001");
        warehouse().alerts().insert(List.of(open, stays));
        warehouse().alerts().insert(List.of(open.cleared(T0.plusSeconds(60))));
        warehouse().alerts().insert(List.of(open));   // a replayed older state must not win

        assertThat(ids(AlertFilter.ANY.withStatus(AlertStatus.OPEN))).containsExactly("y");
        assertThat(warehouse().alerts().page(AlertFilter.ANY.withStatus(AlertStatus.CLEARED), null, 10).items())
                .containsExactly(open.cleared(T0.plusSeconds(60)));
        assertThat(ids(AlertFilter.ANY)).containsExactly("y", "x");
    }

    @Test
    void filterValuesAreDataNeverSql() {
        var sly = new Alert("id'); DROP TABLE gridpulse.alerts; --", AlertKind.SLA_BREACH, Severity.MAJOR,
                AlertStatus.OPEN, "case' OR '1'='1", "p", 0, null, T0, null, new AreaLineage("g", "c", "s", "k"), "d",
                1);
        warehouse().alerts().insert(List.of(sly, alert("plain", AlertKind.SLA_BREACH, Severity.MAJOR, T0, "439901001001001")));

        assertThat(ids(AlertFilter.ANY.aboutCase("case' OR '1'='1"))).containsExactly(sly.alertId());
        var page = warehouse().alerts().page(AlertFilter.ANY, new AlertPosition(T0, "z\' OR 1=1 --"), 10);
        assertThat(page.items()).extracting(Alert::alertId).containsExactly("plain", sly.alertId());
    }

    @Test
    void aPageMustHoldBetweenOneAndTheMaximumNumberOfAlerts() {
        assertThatThrownBy(() -> warehouse().alerts().page(AlertFilter.ANY, null, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not 0");
        assertThatThrownBy(() -> warehouse().alerts().page(AlertFilter.ANY, null, AlertStore.MAX_PAGE + 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AlertFilter.ANY.raisedBetween(T0, T0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be before");
    }

    private List<String> ids(AlertFilter filter) {
        return warehouse().alerts().page(filter, null, 100).items().stream().map(Alert::alertId).toList();
    }

    @org.junit.jupiter.api.Test
    void wallScreenCountsAreScopedToTheAreaAndSplitByChild() {
        var today = java.time.Instant.parse("2026-11-23T16:00:00Z");   // midnight in Shanghai
        var rows = new java.util.ArrayList<EventRow>();
        for (var street : java.util.List.of("439901001", "439901001", "439901002", "439901101")) {
            rows.add(new EventRow(java.util.UUID.randomUUID().toString(), "demand.created", today.plusSeconds(60), today,
                    "t", street + "001001", street + "001", street, "439901", null, null, "{}"));
        }
        rows.add(new EventRow("yesterday-1", "visit", today.minusSeconds(60), today, "t", "439901001002001",
                "439901001002", "439901001", "439901", null, null, "{}"));
        warehouse().events().insert(rows);

        org.assertj.core.api.Assertions.assertThat(warehouse().events().countSince("439901", today, null)).isEqualTo(4);
        org.assertj.core.api.Assertions.assertThat(warehouse().events().countSince("439901001", today, "demand.created")).isEqualTo(2);
        org.assertj.core.api.Assertions.assertThat(warehouse().events().countSince("439901001", today, "visit")).isZero();
        org.assertj.core.api.Assertions.assertThat(warehouse().events().countsByChildSince("439901", today)).containsExactly(
                new AreaCount("439901001", 2), new AreaCount("439901002", 1), new AreaCount("439901101", 1));
        org.assertj.core.api.Assertions.assertThat(warehouse().events().countsByChildSince("439901001", today))
                .containsExactly(new AreaCount("439901001001", 2));

        var raised = today.plusSeconds(120);
        var breach = new Alert("sla:w1:p:1:breach", AlertKind.SLA_BREACH, Severity.MAJOR, AlertStatus.OPEN, "w1", "p",
                0, raised, raised, null, new AreaLineage("439901002001001", "439901002001", "439901002", "439901"), "d",
                1);
        var clearedBreach = new Alert("sla:w2:p:1:breach", AlertKind.SLA_BREACH, Severity.MAJOR, AlertStatus.OPEN, "w2",
                "p", 0, raised, raised, null, new AreaLineage("439901002001001", "439901002001", "439901002", "439901"),
                "d", 1).cleared(raised);
        var warning = new Alert("sla:w3:p:1:warning", AlertKind.SLA_WARNING, Severity.WARNING, AlertStatus.OPEN, "w3",
                "p", 0, raised, raised, null, new AreaLineage("439901101001001", "439901101001", "439901101", "439901"),
                "d", 1);
        warehouse().alerts().insert(java.util.List.of(breach, clearedBreach, warning));
        org.assertj.core.api.Assertions.assertThat(warehouse().alerts().openCount(AreaCode.of("439901"), null)).isEqualTo(2);
        org.assertj.core.api.Assertions.assertThat(warehouse().alerts().openCount(AreaCode.of("439901"), AlertKind.SLA_BREACH)).isEqualTo(1);
        org.assertj.core.api.Assertions.assertThat(warehouse().alerts().openCount(AreaCode.of("439901101"), AlertKind.SLA_BREACH)).isZero();
        org.assertj.core.api.Assertions.assertThat(warehouse().alerts().openCountByChild(AreaCode.of("439901"), AlertKind.SLA_BREACH))
                .containsExactly(new AreaCount("439901002", 1));
    }
}
