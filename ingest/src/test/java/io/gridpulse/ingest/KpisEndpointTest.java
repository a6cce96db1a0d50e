package io.gridpulse.ingest;

import io.gridpulse.warehouse.EventRow;
import io.gridpulse.warehouse.Warehouse;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/v1/kpis} over a real embedded warehouse. */
class KpisEndpointTest {
    private static Warehouse warehouse;
    private static TestIngest ingest;

    @BeforeAll
    static void start() {
        warehouse = TestWarehouse.shared();
        ingest = TestIngest.start(warehouse, new ManualAlertSource(), Duration.ofSeconds(15));
        // one demand in street 439901001, answered after two hours; one in street 002 never answered
        warehouse.events().insert(List.of(
                row("demand.created", "k1", "2026-11-10T02:00:00Z", "439901001001001"),
                row("demand.responded", "k1", "2026-11-10T04:00:00Z", "439901001001001"),
                row("demand.created", "k2", "2026-11-10T02:00:00Z", "439901002001001")));
    }

    @AfterAll
    static void stop() {
        ingest.close();
    }

    private static EventRow row(String kind, String caseId, String at, String grid) {
        var t = Instant.parse(at);
        return new EventRow(UUID.randomUUID().toString(), kind, t, t, "test", grid, grid.substring(0, 12),
                grid.substring(0, 9), grid.substring(0, 6), null, null, "{\"caseId\":\"" + caseId + "\"}");
    }

    private static JsonObject indicator(JsonObject answer, String code) {
        return answer.getJsonArray("indicators").stream().map(o -> (JsonObject) o)
                .filter(o -> o.getString("code").equals(code)).findFirst().orElseThrow();
    }

    @Test
    void aStreetsIndicatorsComeWithTargetsAndTheirCounts() {
        var answer = ingest.get("/api/v1/kpis?area=439901001&period=2026-11", TestIngest.KEY);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        var body = new JsonObject(answer.body());

        assertThat(body.getJsonObject("period").getString("from")).isEqualTo("2026-11-01T00:00:00+08:00");
        assertThat(body.getJsonArray("indicators")).hasSize(12);
        var timely = indicator(body, "timely_response");
        assertThat(timely.getDouble("value")).isEqualTo(100.0);
        assertThat(timely.getLong("n")).isEqualTo(1);
        assertThat(timely.getDouble("target")).isEqualTo(100.0);
        assertThat(timely.getBoolean("onTarget")).isTrue();
        assertThat(indicator(body, "average_response_hours").getDouble("value")).isEqualTo(2.0);
        assertThat(indicator(body, "visit_coverage").getValue("value")).isNull();
        assertThat(indicator(body, "visit_coverage").getString("note")).isNotBlank();
    }

    @Test
    void theCountyCountsBothStreets() {
        var body = new JsonObject(ingest.get("/api/v1/kpis?area=439901&period=2026-11", TestIngest.KEY).body());
        var timely = indicator(body, "timely_response");
        assertThat(timely.getLong("n")).isEqualTo(2);
        assertThat(timely.getDouble("value")).isEqualTo(50.0);
    }

    @Test
    void aStreetKeyGetsItsOwnStreetWhenItNamesNoArea() {
        var body = new JsonObject(ingest.get("/api/v1/kpis?period=2026-11", TestIngest.STREET_KEY).body());
        assertThat(body.getJsonObject("area").getString("code")).isEqualTo(TestIngest.STREET);
    }
}
