package io.gridpulse.cockpit.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridpulse.cockpit.TestCockpit;
import io.gridpulse.geo.hex.HexCells;
import io.gridpulse.geo.region.Region;
import io.gridpulse.model.alerts.Alert;
import io.gridpulse.model.alerts.AlertKind;
import io.gridpulse.model.alerts.AlertStatus;
import io.gridpulse.model.alerts.Severity;
import io.gridpulse.model.area.Area;
import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.area.AreaLevel;
import io.gridpulse.model.area.AreaLineage;
import io.gridpulse.warehouse.EventRow;
import io.gridpulse.warehouse.Warehouse;
import io.gridpulse.warehouse.heat.HeatLayer;
import io.gridpulse.warehouse.heat.HeatQueries;
import io.gridpulse.warehouse.heat.HeatRow;
import io.gridpulse.warehouse.registry.HouseholdRegistry;
import io.gridpulse.warehouse.registry.HouseholdRow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The map explorer's layers (demand heat, breaches and warnings, devices, facilities) and the visit
 * coverage colouring in Debian's headless Chromium, read back from the chart's ECharts option; a
 * department head of 东城街道 gets no point of 西城街道 in any layer.
 */
@org.junit.jupiter.api.extension.ExtendWith(TestCockpit.Shared.class)
class MapLayersInTheBrowserTest {
    static final String DONGCHENG = "439901001";
    static final String XICHENG = "439901002";
    static final String DC_GRID = "439901001001001";
    static final String DC_GRID_2 = "439901001002001";
    static final String XC_GRID = "439901002001001";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Region REGION = Region.demo();
    @org.junit.jupiter.api.extension.RegisterExtension
    static final SignedInBrowser.ForClass BROWSER = new SignedInBrowser.ForClass(1600, 1000);
    private static SignedInBrowser session;
    private static WebDriver browser;
    private static Set<Long> dongchengHeatCells = new HashSet<>();

    @BeforeAll
    static void start() throws Exception {
        seedABusyMorning(TestCockpit.warehouse());
        session = BROWSER.open();
        browser = session.driver;
    }

    @Test
    void aLeaderTogglesEachLayerAndSeesItDrawnWithItsLegendAndOpensACaseFromABreach() throws Exception {
        signIn("leader");
        open("map");
        wait(30).until(d -> !d.findElements(By.cssSelector("#map-chart canvas")).isEmpty() && option(d) != null);
        assertThat(legend(option(browser))).as("no layer, no legend").isEmpty();

        toggle("heat");
        wait(20).until(d -> points(option(d), "layer-heat") > 10);
        assertThat(legend(option(browser))).contains("需求热力");
        assertThat(text(browser, "layer-summary-heat")).contains("件诉求", "全部诉求类型", "今天");
        assertThat(browser.findElements(By.id("heat-type"))).hasSize(1);

        toggle("breaches");
        wait(20).until(d -> ids(option(d), "layer-breaches-fresh").contains("case-map-fresh"));
        var breaches = option(browser);
        assertThat(ids(breaches, "layer-breaches")).contains("case-map-old");
        assertThat(ids(breaches, "layer-warnings")).contains("case-map-warning");
        assertThat(series(breaches, "layer-breaches-fresh").path("type").asText()).isEqualTo("effectScatter");
        assertThat(legend(breaches)).contains("需求热力", "新超时（15分钟内）", "超时案件", "临期预警");

        toggle("devices");
        wait(20).until(d -> ids(option(d), "layer-devices-sos").contains("map-dev-sos-dc"));
        var devices = option(browser);
        assertThat(ids(devices, "layer-devices-sos")).contains("map-dev-sos-xc");
        assertThat(points(devices, "layer-devices-online")).isPositive();
        assertThat(points(devices, "layer-devices-offline")).isPositive();
        assertThat(points(devices, "layer-devices-low_battery")).isPositive();
        assertThat(legend(devices)).contains("设备SOS求助", "设备离线", "设备电量低", "设备在线");

        toggle("facilities");
        wait(20).until(d -> points(option(d), "layer-facilities") > 0);
        assertThat(legend(option(browser))).contains("服务设施");
        var address = URLDecoder.decode(browser.getCurrentUrl(), StandardCharsets.UTF_8);
        assertThat(address).contains("layers=heat,breaches,devices,facilities");
        Thread.sleep(1_500);   // the map's first animation
        screenshot("map-layers-county-zh.png");

        // the heat layer's type filter narrows the heat to one demand type
        long allTypes = heatTotal(option(browser));
        open("map/439901?layers=heat&type=elderly_care&range=7d");
        wait(20).until(d -> text(d, "layer-summary-heat").contains("养老服务") && text(d, "layer-summary-heat").contains("近7天"));
        wait(20).until(d -> heatTotal(option(d)) > 0 && heatTotal(option(d)) < allTypes);
        assertThat(legend(option(browser))).containsExactly("需求热力");
        assertThat(ids(option(browser), "layer-breaches-fresh")).as("a layer switched off leaves the chart").isEmpty();

        // switching the last layer off empties the chart's layers and its legend
        toggle("heat");
        wait(20).until(d -> points(option(d), "layer-heat") == 0);
        assertThat(legend(option(browser))).isEmpty();

        // a breach opens its case
        open("map/439901?layers=breaches");
        wait(20).until(d -> ids(option(d), "layer-breaches-fresh").contains("case-map-fresh"));
        ((JavascriptExecutor) browser).executeScript("document.getElementById('map-chart').dispatchEvent(new CustomEvent("
                + "'gp-chart-click', {detail: {name: 'case-map-fresh', seriesId: 'layer-breaches-fresh', id: 'case-map-fresh'}}))");
        wait(10).until(d -> d.getCurrentUrl().endsWith("/cases/case-map-fresh"));
    }

    @Test
    void visitCoverageColoursTheAreasByThisMonthsVisitedHouseholds() {
        signIn("leader");
        open("map/439901001");
        wait(30).until(d -> text(d, "map-area-name").equals("东城街道"));
        browser.findElement(By.id("indicator-coverage")).click();
        wait(10).until(d -> d.getCurrentUrl().contains("by=coverage"));
        // 东城街道第一社区: 3 of 4 households visited this month; 第二社区: 1 of 4
        wait(10).until(d -> text(d, "map-children").contains("75%"));
        assertThat(text(browser, "map-children")).contains("25%");
        var option = option(browser);
        var visualMap = option.path("visualMap").get(0);
        assertThat(visualMap.path("max").asInt()).isEqualTo(100);
        assertThat(series(option, "areas").path("data").toString()).contains("75", "25");
    }

    @Test
    void aDepartmentHeadOfOneStreetGetsNoPointOfAnotherStreetInAnyLayer() throws Exception {
        signIn("head");
        open("map/439901001?layers=heat,breaches,devices,facilities");
        wait(30).until(d -> ids(option(d), "layer-devices-online").contains("map-dev-dc-online"));
        var option = option(browser);
        var text = option.toString();
        assertThat(text).doesNotContain("case-map-xc", "map-dev-sos-xc", "西城");
        // a device's SOS belongs to no department: the civil-affairs head's map leaves the SOS device of their street out
        assertThat(ids(option, "layer-devices-sos")).isEmpty();
        assertThat(text).doesNotContain("map-dev-sos-dc");

        // every marker lies in 东城街道; the heat is exactly 东城's cells (their centres may cross a border)
        for (var id : List.of("layer-breaches-fresh", "layer-breaches", "layer-warnings", "layer-devices-sos",
                "layer-devices-offline", "layer-devices-low_battery", "layer-devices-online", "layer-facilities")) {
            for (var item : series(option, id).path("data")) {
                var value = item.path("value");
                var at = REGION.locate(value.get(0).asDouble(), value.get(1).asDouble());
                assertThat(at).as(id + " " + item).isPresent();
                assertThat(at.get().value()).as(id + " " + item).startsWith(DONGCHENG);
            }
        }
        var expectedCells = new HashSet<String>();
        for (long cell : dongchengHeatCells) {
            var centre = HexCells.centre(HexCells.parent(cell, HexCells.STREET));
            expectedCells.add(round(centre.x) + "," + round(centre.y));
        }
        var drawnCells = new HashSet<String>();
        for (var point : series(option, "layer-heat").path("data")) {
            drawnCells.add(round(point.get(0).asDouble()) + "," + round(point.get(1).asDouble()));
        }
        assertThat(drawnCells).isNotEmpty().isEqualTo(expectedCells);
        Thread.sleep(1_500);
        screenshot("map-layers-street-head-zh.png");

        // another street's layers cannot be had by changing the URL
        open("map/439901002?layers=heat,breaches,devices,facilities");
        wait(10).until(d -> !d.findElements(By.id("access-denied")).isEmpty());
        assertThat(browser.findElements(By.id("map-chart"))).isEmpty();
    }

    @Test
    void theLayersSpeakEnglishAfterTheLanguageSwitch() {
        signIn("leader");
        open("map/439901001?layers=heat,breaches,devices");
        wait(30).until(d -> legend(option(d)).contains("需求热力"));
        browser.findElement(By.id("language-switch")).click();
        wait(20).until(d -> legend(option(d)).contains("Demand heat"));
        assertThat(legend(option(browser))).contains("Overdue case", "Device SOS", "Device online");
        assertThat(text(browser, "map-layers")).contains("Layers:", "Breaches and warnings");
        browser.findElement(By.id("language-switch")).click();
        wait(20).until(d -> legend(option(d)).contains("需求热力"));
    }

    @Test
    void theWallMapShowsTodaysDemandHeatAndPulsesForFreshBreachesAndSosOfItsAreaOnly() throws Exception {
        // a leader's wall pinned to 东城街道: every alert of the street (a department head sees only their department's)
        signIn("leader");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1920, 1080));
        try {
            open("wall/" + DONGCHENG);
            wait(30).until(d -> names(option(d, "wall-map"), "wall-sos").contains("map-dev-sos-dc"));
            var option = option(browser, "wall-map");
            assertThat(points(option, "wall-heat")).isEqualTo(new HashSet<>(dongchengHeatCells.stream()
                    .map(c -> HexCells.parent(c, HexCells.STREET)).toList()).size());
            assertThat(names(option, "wall-breaches")).contains("case-map-fresh")
                    .doesNotContain("case-map-old", "case-map-warning", "case-map-xc");
            assertThat(names(option, "wall-sos")).doesNotContain("map-dev-sos-xc");
            assertThat(series(option, "wall-sos").path("type").asText()).isEqualTo("effectScatter");
            Thread.sleep(1_500);
            screenshot("wall-layers-head-1920x1080.png");

            // the civil-affairs head's wall of the same street: the same heat, but no SOS (a device's alert belongs to
            // no department) and no pulse of a case never assigned to civil affairs
            signIn("head");
            open("wall");
            wait(30).until(d -> points(option(d, "wall-map"), "wall-heat") > 0);
            var headOption = option(browser, "wall-map");
            assertThat(names(headOption, "wall-sos")).isEmpty();
            assertThat(names(headOption, "wall-breaches")).doesNotContain("case-map-fresh");
        } finally {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1600, 1000));
        }
    }

    // ---- the data: a morning in the county, and the few things the assertions name

    private static void seedABusyMorning(Warehouse warehouse) {
        var now = TestCockpit.now();
        // the heat and the visits are counted today and this month: at any hour, they stay in them
        var minute = TestCockpit.earlierToday(Duration.ofSeconds(60)).truncatedTo(ChronoUnit.MINUTES);
        var visited = TestCockpit.earlierToday(Duration.ofSeconds(120));
        var random = new Random(5);
        var types = List.of("medical_insurance", "employment_guidance", "elderly_care", "counselling");
        var grids = REGION.areas(AreaLevel.GRID);
        var heat = new ArrayList<HeatRow>();
        var events = new ArrayList<EventRow>();
        int n = 0;
        for (Area grid : grids) {
            var code = grid.code().value();
            var inside = REGION.geometry(grid.code()).orElseThrow().getInteriorPoint().getCoordinate();
            long cell = HexCells.cell(inside.x, inside.y, HexCells.COMMUNITY);
            // hot streets: the first two, and 桃花镇
            int weight = code.startsWith(DONGCHENG) || code.startsWith(XICHENG) ? 6 : code.startsWith("439901104") ? 4 : 1;
            var type = types.get(random.nextInt(types.size()));
            heat.add(new HeatRow(HeatLayer.DEMAND, type, minute, code.substring(0, 6), code.substring(0, 9), code.substring(0, 12),
                    code, cell, 1 + random.nextInt(3 * weight)));
            if (code.startsWith(DONGCHENG)) {
                dongchengHeatCells.add(cell);
            }
            // the events table is shared by every test class of this JVM, and some count a street's events
            // exactly: the devices stay in the streets other tests already fill (东城, 西城, 桃花镇)
            boolean busy = code.startsWith(DONGCHENG) || code.startsWith(XICHENG) || code.startsWith("439901104");
            if (busy && n++ % 3 == 0) {
                // a device in every third grid there: mostly online, some silent for half an hour, some low on battery
                var kind = n % 5 == 0 ? "silent" : n % 7 == 0 ? "low" : "online";
                var at = kind.equals("silent") ? now.minusSeconds(1800) : now.minusSeconds(60);
                events.add(telemetry("map-dev-" + n, code, at, kind.equals("low") ? 9.0 : 85.0, inside.x, inside.y));
            }
        }
        new HeatQueries(warehouse).insert(heat);
        var dc = REGION.geometry(AreaCode.of(DC_GRID)).orElseThrow().getInteriorPoint().getCoordinate();
        var xc = REGION.geometry(AreaCode.of(XC_GRID)).orElseThrow().getInteriorPoint().getCoordinate();
        events.add(telemetry("map-dev-sos-dc", DC_GRID, now.minusSeconds(30), 70.0, dc.x, dc.y));
        events.add(telemetry("map-dev-sos-xc", XC_GRID, now.minusSeconds(30), 70.0, xc.x, xc.y));
        events.add(telemetry("map-dev-dc-low", DC_GRID_2, now.minusSeconds(30), 8.0, null, null));
        events.add(telemetry("map-dev-dc-silent", DC_GRID_2, now.minusSeconds(3600), 70.0, null, null));
        events.add(telemetry("map-dev-dc-online", DC_GRID, now.minusSeconds(30), 70.0, null, null));
        // coverage: 第一社区 3 of 4 households visited this month, 第二社区 1 of 4
        var households = new ArrayList<HouseholdRow>();
        for (int i = 0; i < 4; i++) {
            households.add(new HouseholdRow("map-h1-" + i, AreaCode.of(DC_GRID), 3, 1, List.of()));
            households.add(new HouseholdRow("map-h2-" + i, AreaCode.of(DC_GRID_2), 2, 0, List.of()));
        }
        new HouseholdRegistry(warehouse).replace(households, now.toEpochMilli());
        for (var household : List.of("map-h1-0", "map-h1-1", "map-h1-2")) {
            events.add(visit(household, DC_GRID, visited));
        }
        events.add(visit("map-h2-0", DC_GRID_2, visited));
        TestCockpit.store(events);
        warehouse.alerts().insert(List.of(
                alert("case-map-fresh", AlertKind.SLA_BREACH, DC_GRID, now.minusSeconds(120)),
                alert("case-map-old", AlertKind.SLA_BREACH, DC_GRID_2, now.minus(Duration.ofHours(3))),
                alert("case-map-warning", AlertKind.SLA_WARNING, DC_GRID, now.minus(Duration.ofHours(1))),
                alert("case-map-xc", AlertKind.SLA_BREACH, XC_GRID, now.minusSeconds(60)),
                new Alert("sos-map-dev-sos-dc", AlertKind.DEVICE_SOS, Severity.CRITICAL, AlertStatus.OPEN,
                        "map-dev-sos-dc", "device.sos", 0, null, now.minusSeconds(30), null, new AreaLineage(DC_GRID,
                        DC_GRID.substring(0, 12), DONGCHENG, "439901"), "SOS", 1),
                new Alert("sos-map-dev-sos-xc", AlertKind.DEVICE_SOS, Severity.CRITICAL, AlertStatus.OPEN,
                        "map-dev-sos-xc", "device.sos", 0, null, now.minusSeconds(30), null, new AreaLineage(XC_GRID,
                        XC_GRID.substring(0, 12), XICHENG, "439901"), "SOS", 1)));
    }

    private static Alert alert(String caseId, AlertKind kind, String grid, Instant raised) {
        return new Alert("alert-" + caseId, kind, Severity.MAJOR, AlertStatus.OPEN, caseId,
                "resolve_now.first_response", 0, raised, raised, null, new AreaLineage(grid, grid.substring(0, 12),
                grid.substring(0, 9), grid.substring(0, 6)), "", 1);
    }

    private static EventRow telemetry(String device, String grid, Instant at, double battery, Double lon, Double lat) {
        var payload = "{\"deviceId\":\"" + device + "\",\"deviceType\":\"wristband\",\"sos\":false,\"status\":\"online\","
                + "\"batteryPercent\":" + battery + "}";
        return new EventRow(UUID.randomUUID().toString(), "telemetry", at, at, "test", grid, grid.substring(0, 12),
                grid.substring(0, 9), grid.substring(0, 6), lon, lat, payload);
    }

    private static EventRow visit(String household, String grid, Instant at) {
        return new EventRow(UUID.randomUUID().toString(), "visit", at, at, "test", grid, grid.substring(0, 12),
                grid.substring(0, 9), grid.substring(0, 6), null, null,
                "{\"householdId\":\"" + household + "\",\"visitType\":\"routine\"}");
    }

    // ---- reading the chart

    /** The map explorer's current ECharts option, null before it has one. */
    private static JsonNode option(WebDriver d) {
        return option(d, "map-chart");
    }

    /** A chart's current ECharts option, null before it has one. */
    private static JsonNode option(WebDriver d, String chartId) {
        var found = d.findElements(By.id(chartId));
        if (found.isEmpty()) {
            return null;
        }
        String text;
        try {
            text = (String) ((JavascriptExecutor) d).executeScript("return window.gpEcharts && window.gpEcharts.option(arguments[0])",
                    found.getFirst());
        } catch (org.openqa.selenium.WebDriverException e) {
            // the page redrew the chart between finding it and reading it (a language switch re-renders the view):
            // no option yet; a wait asks again and finds the new chart
            if (e instanceof org.openqa.selenium.StaleElementReferenceException
                    || String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return null;
            }
            throw e;
        }
        try {
            return text == null ? null : JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static JsonNode series(JsonNode option, String id) {
        if (option == null) {
            return JSON.missingNode();
        }
        for (var s : option.path("series")) {
            if (id.equals(s.path("id").asText())) {
                return s;
            }
        }
        return JSON.missingNode();
    }

    private static List<String> names(JsonNode option, String id) {
        var out = new ArrayList<String>();
        series(option, id).path("data").forEach(item -> out.add(item.path("name").asText()));
        return out;
    }

    private static int points(JsonNode option, String id) {
        return series(option, id).path("data").size();
    }

    private static List<String> ids(JsonNode option, String id) {
        var out = new ArrayList<String>();
        series(option, id).path("data").forEach(item -> out.add(item.path("id").asText()));
        return out;
    }

    private static long heatTotal(JsonNode option) {
        long sum = 0;
        for (var point : series(option, "layer-heat").path("data")) {
            sum += point.get(2).asLong();
        }
        return sum;
    }

    private static List<String> legend(JsonNode option) {
        var out = new ArrayList<String>();
        if (option == null) {
            return out;
        }
        var legend = option.path("legend").path(0);
        if (legend.path("show").asBoolean(true)) {
            legend.path("data").forEach(name -> out.add(name.isTextual() ? name.asText() : name.path("name").asText()));
        }
        return out;
    }

    private static String round(double degrees) {
        return String.format("%.5f", degrees);
    }

    // ---- driving the browser

    private static void toggle(String layer) {
        var before = browser.getCurrentUrl();
        wait(10).until(d -> {
            d.findElement(By.id("layer-" + layer)).click();
            return true;
        });
        // every toggle changes the URL's layers; the last one switched off leaves no layers= at all
        wait(10).until(d -> !d.getCurrentUrl().equals(before));
    }

    private static void signIn(String user) {
        session.signIn(user);
    }

    private static void open(String path) {
        session.open(path);
    }

    private static WebDriverWait wait(int seconds) {
        return session.waitUpTo(seconds);
    }

    private static String text(WebDriver d, String id) {
        return SignedInBrowser.text(d, id);
    }

    private static void screenshot(String name) throws java.io.IOException {
        var dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
