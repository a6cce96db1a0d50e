package io.gridpulse.ingest;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

import static io.gridpulse.ingest.Samples.demand;
import static io.gridpulse.ingest.Samples.newId;
import static io.gridpulse.ingest.TestIngest.KEY;
import static io.gridpulse.ingest.TestIngest.SLOW_KEY;
import static io.gridpulse.ingest.TestIngest.STREET;
import static io.gridpulse.ingest.TestIngest.STREET_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/** Keys limited to areas, kinds and rates, against the real server: what passes, and how the rest is refused. */
class ScopedKeysTest {
    private static TestIngest ingest;

    @BeforeAll
    static void start() {
        ingest = TestIngest.start();
    }

    @AfterAll
    static void stop() throws Exception {
        ingest.close();
    }

    private static java.net.http.HttpResponse<String> post(String key, String body) {
        return ingest.send(ingest.request("/api/v1/events").header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }

    @Test
    void aStreetTerminalMayWriteInsideItsStreet() {
        ingest.log.reset();
        var id = newId();
        assertThat(post(STREET_KEY, demand(id)).statusCode()).isEqualTo(202);
        assertThat(ingest.log.appended).singleElement().satisfies(a -> assertThat(a.key()).isEqualTo(id));
    }

    @Test
    void aKeyOverItsRateGets429WithRetryAfterAndNothingIsStored() {
        ingest.log.reset();
        // bursts of two, one per second: the third at once is refused
        assertThat(post(SLOW_KEY, demand(newId())).statusCode()).isEqualTo(202);
        assertThat(post(SLOW_KEY, demand(newId())).statusCode()).isEqualTo(202);
        var refused = post(SLOW_KEY, demand(newId()));

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Integer.parseInt(v)).isPositive());
        assertThat(new JsonObject(refused.body()).getString("type")).endsWith("/rate-limited");
        assertThat(ingest.log.appended).hasSize(2);
        assertThat(post(KEY, demand(newId())).statusCode()).as("other keys are not held back").isEqualTo(202);
    }

    @Test
    void aStreetKeyReadsItsOwnStreetsAreasWithoutNamingIt() {
        var answer = ingest.get("/api/v1/areas", STREET_KEY);
        assertThat(answer.statusCode()).isEqualTo(200);
        var areas = new JsonObject(answer.body()).getJsonArray("areas");
        assertThat(areas).hasSize(1);
        assertThat(areas.getJsonObject(0).getString("code")).isEqualTo(STREET);
        assertThat(areas.getJsonObject(0).getString("level")).isEqualTo("street");
    }

    @Test
    void theHierarchyGoesFromTheCountyDownToGrids() {
        var roots = new JsonObject(ingest.get("/api/v1/areas", KEY).body()).getJsonArray("areas");
        assertThat(roots).hasSize(1);
        var county = roots.getJsonObject(0);
        assertThat(county.getString("code")).isEqualTo("439901");
        assertThat(county.getInteger("children")).isEqualTo(15);

        var streets = new JsonObject(ingest.get("/api/v1/areas?parent=439901", KEY).body()).getJsonArray("areas");
        assertThat(streets).hasSize(15);
        var grids = new JsonObject(ingest.get("/api/v1/areas?level=grid", KEY).body()).getJsonArray("areas");
        assertThat(grids).hasSize(1_080);

        var grid = new JsonObject(ingest.get("/api/v1/areas/439901001001001", KEY).body());
        assertThat(grid.getString("level")).isEqualTo("grid");
        assertThat(grid.getJsonArray("lineage").stream().map(o -> ((JsonObject) o).getString("code")))
                .containsExactly("439901", "439901001", "439901001001");
        assertThat(grid.getJsonArray("children")).isEmpty();
    }

    @Test
    void aStreetKeyListsOnlyGridsOfItsStreet() {
        var grids = new JsonObject(ingest.get("/api/v1/areas?level=grid", STREET_KEY).body()).getJsonArray("areas");
        assertThat(grids).isNotEmpty().allSatisfy(g -> assertThat(((JsonObject) g).getString("code")).startsWith(STREET));
    }
}
