package io.gridpulse.ingest;

import io.gridpulse.model.alerts.Alert;
import io.gridpulse.model.alerts.AlertKind;
import io.gridpulse.model.alerts.AlertStatus;
import io.gridpulse.model.alerts.Severity;
import io.gridpulse.model.area.AreaLineage;
import io.gridpulse.warehouse.Warehouse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/v1/alerts} over a real embedded warehouse. */
class AlertsEndpointTest {
    private static final Instant T0 = Instant.parse("2026-11-23T01:00:00Z");
    private static Warehouse warehouse;
    private static TestIngest ingest;

    @BeforeAll
    static void start() {
        warehouse = TestWarehouse.shared();
        ingest = TestIngest.start(warehouse, new ManualAlertSource(), Duration.ofSeconds(15));
    }

    @AfterAll
    static void stop() {
        ingest.close();
    }

    @BeforeEach
    void emptyAlerts() {
        warehouse.clickHouse().execute("TRUNCATE TABLE gridpulse.alerts");
    }

    static Alert alert(String id, String kind, String severity, Instant raisedAt, String grid) {
        return new Alert(id, AlertKind.of(kind), Severity.of(severity), AlertStatus.OPEN, "case-" + id,
                "resolve_now.first_response", 0, raisedAt.plusSeconds(3600), raisedAt, null, new AreaLineage(grid,
                grid.substring(0, 12), grid.substring(0, 9), grid.substring(0, 6)), "首次响应超时 " + id, 1);
    }

    @Test
    void alertsListNewestFirstAsAlertJsonWithNoCursorOnTheLastPage() {
        var older = alert("a1", "sla_warning", "warning", T0, "439901001001001");
        var newer = alert("a2", "sla_breach", "major", T0.plusSeconds(5), "439901001001001");
        warehouse.alerts().insert(List.of(older, newer));

        var page = list("");

        assertThat(page.getJsonArray("items").stream().map(o -> ((JsonObject) o).getString("alertId")))
                .containsExactly("a2", "a1");
        assertThat(page.getJsonArray("items").getJsonObject(0).getMap())
                .containsEntry("kind", "sla_breach").containsEntry("raisedAt", "2026-11-23T01:00:05Z")
                .containsEntry("clearedAt", null).containsEntry("detail", "首次响应超时 a2").containsEntry("version", 1);
        assertThat(page.containsKey("nextCursor")).isTrue();
        assertThat(page.getString("nextCursor")).isNull();
    }

    @Test
    void everyFilterNarrowsTheListing() {
        warehouse.alerts().insert(List.of(
                alert("w", "sla_warning", "warning", T0, "439901001001001"),
                alert("b", "sla_breach", "major", T0.plusSeconds(10), "439901001002001"),
                alert("e", "sla_escalation", "critical", T0.plusSeconds(20), "439901002001001"),
                alert("far", "sla_breach", "major", T0.plusSeconds(30), "449901001001001")));
        warehouse.alerts().insert(List.of(alert("b", "sla_breach", "major", T0.plusSeconds(10), "439901001002001")
                .cleared(T0.plusSeconds(60))));

        assertThat(ids("?area=439901001001001")).containsExactly("w");
        assertThat(ids("?area=439901001002")).containsExactly("b");
        assertThat(ids("?area=439901001")).containsExactly("b", "w");
        assertThat(ids("?area=439901")).containsExactly("e", "b", "w");
        assertThat(ids("?area=43")).containsExactly("e", "b", "w");
        assertThat(ids("?kind=sla_breach")).containsExactly("far", "b");
        assertThat(ids("?severity=critical")).containsExactly("e");
        assertThat(ids("?caseId=case-e")).containsExactly("e");
        assertThat(ids("?status=open")).containsExactly("far", "e", "w");
        assertThat(ids("?status=cleared")).containsExactly("b");
        assertThat(ids("?since=2026-11-23T09:00:10%2B08:00&until=2026-11-23T01:00:30Z")).containsExactly("e", "b");
        assertThat(ids("?kind=sla_breach&status=open&area=44")).containsExactly("far");
    }

    @Test
    void aClearedAlertIsListedOnceInItsClearedState() {
        var open = alert("x", "sla_breach", "major", T0, "439901001001001");
        warehouse.alerts().insert(List.of(open));
        warehouse.alerts().insert(List.of(open.cleared(T0.plusSeconds(90))));
        warehouse.alerts().insert(List.of(open));   // a replay of the older state

        var items = list("").getJsonArray("items");

        assertThat(items).hasSize(1);
        assertThat(items.getJsonObject(0).getString("status")).isEqualTo("cleared");
        assertThat(items.getJsonObject(0).getString("clearedAt")).isEqualTo("2026-11-23T01:01:30Z");
        assertThat(items.getJsonObject(0).getLong("version")).isEqualTo(2L);
    }

    @Test
    void pagesFollowTheirCursorsThroughEveryAlertOnceWithoutGaps() {
        var rows = new ArrayList<Alert>();
        for (int i = 0; i < 57; i++) {
            // alerts share raise times in fours, so ties must page by id
            rows.add(alert("p-%02d".formatted(i), "sla_breach", "major", T0.plusSeconds(i / 4), "439901001001001"));
        }
        warehouse.alerts().insert(rows);

        var seen = new ArrayList<String>();
        String cursor = null;
        int pages = 0;
        do {
            var page = list("?limit=10&kind=sla_breach" + (cursor == null ? "" : "&cursor=" + cursor));
            page.getJsonArray("items").forEach(o -> seen.add(((JsonObject) o).getString("alertId")));
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null);

        assertThat(pages).isEqualTo(6);
        assertThat(new HashSet<>(seen)).hasSize(57);
        var expected = rows.stream().sorted((a, b) -> a.raisedAt().equals(b.raisedAt())
                ? b.alertId().compareTo(a.alertId()) : b.raisedAt().compareTo(a.raisedAt()))
                .map(Alert::alertId).toList();
        assertThat(seen).containsExactlyElementsOf(expected);
    }

    @Test
    void theLimitDefaultsToFiftyAndAllowsFiveHundred() {
        var rows = new ArrayList<Alert>();
        for (int i = 0; i < 60; i++) {
            rows.add(alert("l-" + i, "sla_warning", "warning", T0.plusSeconds(i), "439901001001001"));
        }
        warehouse.alerts().insert(rows);

        assertThat(list("").getJsonArray("items")).hasSize(50);
        assertThat(list("").getString("nextCursor")).isNotNull();
        assertThat(list("?limit=500").getJsonArray("items")).hasSize(60);
    }

    @Test
    void withoutAWarehouseTheListingIsUnavailableNotBroken() {
        try (var bare = TestIngest.start()) {
            var answer = bare.get("/api/v1/alerts", TestIngest.KEY);
            assertThat(answer.statusCode()).isEqualTo(503);
            assertThat(answer.headers().firstValue("Retry-After")).hasValue("5");
        }
    }

    private static JsonObject list(String query) {
        var answer = ingest.get("/api/v1/alerts" + query, TestIngest.KEY);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/json");
        return new JsonObject(answer.body());
    }

    private static List<String> ids(String query) {
        JsonArray items = list(query).getJsonArray("items");
        return items.stream().map(o -> ((JsonObject) o).getString("alertId")).toList();
    }
}
