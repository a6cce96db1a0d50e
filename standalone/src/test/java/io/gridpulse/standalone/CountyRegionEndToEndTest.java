package io.gridpulse.standalone;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A county on its own boundaries and registry (GP_REGION_FILE, GP_HOUSEHOLDS_FILE, GP_DEVICES_FILE), started as an
 * operator starts it: the edge refuses a place outside the county, the job places a point in the county's grid, the
 * areas API lists the county, and the registry holds its households. In a child JVM, as the cockpit's context is one
 * per JVM and the module's shared stack plays the demo region.
 */
class CountyRegionEndToEndTest {
    private static final Path EXAMPLES = Path.of("..", "docs", "examples").toAbsolutePath().normalize();

    @TempDir
    Path dataDir;
    private Process child;

    @AfterEach
    void stop() {
        if (child != null) {
            child.destroyForcibly();
        }
    }

    @Test
    void everyPartRunsOnTheCountysOwnRegion() throws Exception {
        int ingestPort = SharedStack.freePort();
        child = ChildGridPulse.start(dataDir, ingestPort, "county", Map.of(
                "GP_REGION_FILE", EXAMPLES.resolve("county-region.geojson").toString(),
                "GP_HOUSEHOLDS_FILE", EXAMPLES.resolve("county-households.csv").toString(),
                "GP_DEVICES_FILE", EXAMPLES.resolve("county-devices.csv").toString()));
        var api = new Api("http://127.0.0.1:" + ingestPort, Files.readString(dataDir.resolve("secrets/demo-api-key")).trim());

        var areas = api.get("/api/v1/areas");
        assertThat(areas.body()).contains("\"code\":\"439902\"").doesNotContain("439901");

        var demoGrid = api.post("/api/v1/events", Api.demand(Api.newEventId(), "439901001001001"));
        assertThat(demoGrid.statusCode()).isEqualTo(400);
        assertThat(demoGrid.body()).contains("/gridCode").contains("is not an area of 青禾县");

        var atAPoint = Api.demand(Api.newEventId(), "439902001").replace("\"gridCode\":\"439902001\"",
                "\"point\":{\"lon\":113.18,\"lat\":28.05,\"crs\":\"WGS84\"}");
        var accepted = api.post("/api/v1/events", atAPoint);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);

        var deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        var counts = "";
        while (System.nanoTime() < deadline && !counts.contains("\"streetCode\":\"439902001\"")) {
            Thread.sleep(500);
            counts = api.get("/api/v1/event-counts").body();
        }
        assertThat(counts).as("the job placed the point in the county's street").contains("\"streetCode\":\"439902001\"");

        var log = dataDir.resolveSibling(dataDir.getFileName() + "-county.log");
        deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline && !Files.readString(log, StandardCharsets.UTF_8).contains("household registry:")) {
            Thread.sleep(250);
        }
        assertThat(Files.readString(log, StandardCharsets.UTF_8))
                .contains("region: county-region.geojson (sha256 ")
                .contains("household registry: 5 households of GP_HOUSEHOLDS_FILE");
    }
}
