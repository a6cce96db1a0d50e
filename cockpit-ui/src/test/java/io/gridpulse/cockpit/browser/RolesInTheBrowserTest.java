package io.gridpulse.cockpit.browser;

import io.gridpulse.cockpit.TestCockpit;
import io.gridpulse.warehouse.Warehouse;
import io.gridpulse.warehouse.actions.AlertActions;
import io.gridpulse.warehouse.audit.AuditLog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cockpit's roles and scopes as each demo user meets them in Debian's headless Chromium, against a
 * cockpit started in this JVM over embedded ClickHouse with test data.
 */
@org.junit.jupiter.api.extension.ExtendWith(TestCockpit.Shared.class)
class RolesInTheBrowserTest {
    private static String url;
    private static WebDriver browser;
    private static Warehouse warehouse;

    @BeforeAll
    static void start() throws Exception {
        warehouse = TestCockpit.warehouse();
        TestCockpit.store(TestCockpit.eventsToday("439901001001001", "demand.created", 7));   // 东城街道 第一社区 第一网格
        TestCockpit.store(TestCockpit.eventsToday("439901001002001", "household.visit", 3));  // 东城街道 第二社区
        TestCockpit.store(TestCockpit.eventsToday("439901002001001", "demand.created", 11));  // 西城街道
        TestCockpit.store(TestCockpit.eventsToday("439901104002003", "demand.created", 2));   // 桃花镇 第二社区
        // the demo department head (civil affairs) sees the alerts of their department's cases only
        TestCockpit.store(List.of(TestCockpit.demandAssigned("case-dongcheng-1", "439901001001001", "civil_affairs")));
        warehouse.alerts().insert(List.of(
                TestCockpit.openBreach("case-dongcheng-1", "439901001001001", "居民来电 13812345678，身份证 430281199001011234"),
                TestCockpit.openBreach("case-xicheng-1", "439901002001001", "西城 overdue"),
                TestCockpit.openBreach("case-taohua-1", "439901104002003", "请回电 13912345678")));
        url = TestCockpit.url();
        browser = HeadlessChromium.start(1400, 900);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void eachRoleLandsOnItsOwnPage() {
        for (var landing : java.util.Map.of("leader", "wall", "watcher", "alerts", "head", "map", "analyst", "cases",
                "admin", "").entrySet()) {
            browser.manage().deleteAllCookies();
            browser.get(url);
            wait(30).until(d -> d.getCurrentUrl().contains("login"));
            browser.findElement(By.cssSelector("vaadin-text-field[name='username'] input")).sendKeys(landing.getKey());
            browser.findElement(By.cssSelector("vaadin-password-field[name='password'] input")).sendKeys(TestCockpit.PASSWORD, Keys.ENTER);
            var page = landing.getValue().isEmpty() ? "street-counts" : switch (landing.getValue()) {
                case "wall" -> "wall-indicators";
                case "alerts" -> "alert-inbox";
                case "map" -> "map-area-name";
                default -> "case-list";
            };
            wait(30).until(d -> !d.findElements(By.id(page)).isEmpty());
            assertThat(browser.getCurrentUrl()).as(landing.getKey()).contains("/" + landing.getValue());
        }
    }

    @Test
    void aLeaderOfTheCitySeesEveryStreetAndDrillsFromTheCityToAGridAndBack() throws Exception {
        signIn("leader");
        wait(30).until(d -> text(d, "street-counts").contains("西城街道"));
        assertThat(text(browser, "street-counts")).contains("东城街道");
        assertThat(text(browser, "signed-in-user")).contains("领导");

        open("map");
        wait(30).until(d -> !d.findElements(By.cssSelector("#map-chart canvas")).isEmpty());
        assertThat(text(browser, "map-area-name")).contains("云溪市");
        assertThat(text(browser, "map-children")).contains("西城街道");
        screenshot("map-county-zh.png");
        // a real mouse click in the middle of the county lands on one of its streets
        new org.openqa.selenium.interactions.Actions(browser).moveToElement(browser.findElement(By.id("map-chart"))).click().perform();
        wait(10).until(d -> d.getCurrentUrl().matches(".*/map/439901\\d{3}\\?.*"));
        browser.navigate().back();
        wait(10).until(d -> text(d, "map-area-name").contains("云溪市"));
        long started = System.nanoTime();
        clickRegion("东城街道");
        wait(10).until(d -> d.getCurrentUrl().contains("/map/439901001?") && text(d, "map-area-name").equals("东城街道"));
        System.out.printf("drill county > street shown in %d ms%n", (System.nanoTime() - started) / 1_000_000);
        clickRegion("东城街道第一社区");
        wait(10).until(d -> text(d, "map-area-name").equals("东城街道第一社区"));
        clickRegion("第一网格");
        wait(10).until(d -> d.getCurrentUrl().contains("/map/439901001001001"));
        assertThat(text(browser, "map-area-name")).isEqualTo("第一网格");
        assertThat(text(browser, "map-breadcrumb")).contains("云溪市", "东城街道", "东城街道第一社区", "第一网格");
        assertThat(number(browser, "figure-today")).isGreaterThanOrEqualTo(7);
        screenshot("map-grid-zh.png");

        browser.findElement(By.id("crumb-439901001")).click();
        wait(10).until(d -> text(d, "map-area-name").equals("东城街道"));
        assertThat(browser.getCurrentUrl()).contains("/map/439901001");
        browser.findElement(By.id("indicator-breaches")).click();
        wait(10).until(d -> d.getCurrentUrl().contains("by=breaches"));
        assertThat(text(browser, "map-children")).contains("东城街道第一社区");
        assertThat(browser.findElements(By.id("map-export"))).as("leaders do not export").isEmpty();

        browser.findElement(By.id("layer-facilities")).click();
        wait(10).until(d -> d.getCurrentUrl().contains("layers=facilities") && d.getCurrentUrl().contains("by=breaches"));
        wait(10).until(d -> text(d, "map-area-name").equals("东城街道"));
        Thread.sleep(1_000);   // the map's first animation
        screenshot("map-street-facilities-zh.png");
        clickRegion("东城街道第二社区");
        wait(10).until(d -> d.getCurrentUrl().contains("/map/439901001002?") && d.getCurrentUrl().contains("layers=facilities"));
    }

    @Test
    void aDepartmentHeadOfOneStreetIsRefusedAnotherStreetByUrlAndSeesOnlyTheirOwnData() {
        signIn("head");
        wait(30).until(d -> text(d, "street-counts").contains("东城街道第一社区"));
        assertThat(text(browser, "street-counts")).doesNotContain("西城街道");

        for (var path : List.of("wall/439901002", "map/439901002", "map/439901", "map/439901002001001", "wall/439901")) {
            open(path);
            wait(10).until(d -> !d.findElements(By.id("access-denied")).isEmpty());
            assertThat(browser.findElements(By.cssSelector(".gp-tile-value"))).as(path).isEmpty();
            assertThat(browser.findElements(By.id("map-chart"))).as(path).isEmpty();
            assertThat(browser.getPageSource()).as(path).doesNotContain("西城街道第一社区");
        }

        open("map/439901001");
        wait(10).until(d -> text(d, "map-area-name").equals("东城街道"));
        assertThat(browser.findElements(By.id("crumb-439901"))).as("no way up past the scope").isEmpty();
        assertThat(browser.findElements(By.id("map-export"))).hasSize(1);

        open("wall");
        wait(30).until(d -> number(d, "kpi-events") >= 10);
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("东城街道");
        assertThat(text(browser, "alert-ticker")).contains("case-dongcheng-1").doesNotContain("case-xicheng-1");

        open("alerts");
        wait(30).until(d -> text(d, "alert-inbox").contains("case-dongcheng-1"));
        var inbox = text(browser, "alert-inbox");
        assertThat(inbox).doesNotContain("case-xicheng-1").doesNotContain("case-taohua-1");
        assertThat(inbox).contains("138****5678").contains("430281********1234")
                .doesNotContain("13812345678").doesNotContain("430281199001011234");
    }

    @Test
    void aWatcherAcknowledgesAnAlertOfTheirCommunityAndItStaysAcknowledged() {
        signIn("watcher");
        open("alerts");
        wait(30).until(d -> !d.findElements(By.id("ack-alert-case-taohua-1")).isEmpty());
        browser.findElement(By.id("ack-alert-case-taohua-1")).click();
        wait(10).until(d -> text(d, "alert-inbox").contains("已确认"));
        assertThat(new AlertActions(warehouse).history("alert-case-taohua-1")).singleElement()
                .satisfies(a -> assertThat(a.actor()).isEqualTo("watcher"));

        open("alerts");
        wait(30).until(d -> text(d, "alert-inbox").contains("case-taohua-1") && text(d, "alert-inbox").contains("已确认"));
        assertThat(browser.findElements(By.id("ack-alert-case-taohua-1"))).as("acknowledged once, for good").isEmpty();
    }

    @Test
    void theWallShowsTheTwelveIndicatorsWithTheirTargets() throws Exception {
        signIn("leader");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1920, 1080));
        // a leader reaches the wall from the header
        wait(30).until(d -> !d.findElements(By.id("nav-wall")).isEmpty());
        browser.findElement(By.id("nav-wall")).click();
        wait(30).until(d -> d.findElements(By.cssSelector("#wall-indicators .gp-indicator")).size() == 12);
        var panel = text(browser, "wall-indicators");
        assertThat(panel).contains("及时响应率", "群众满意度", "重复诉求率", "目标 ≥ 90%", "目标 ≤ 24 小时");
        wait(40).until(d -> !d.findElement(By.id("indicator-timely-response")).getText().contains("–"));
        // the week's trend: seven days ending today, events as bars, today's events counted (the fixture's are today)
        wait(30).until(d -> trendSeries(d) != null);
        var series = new com.fasterxml.jackson.databind.ObjectMapper().readTree(trendSeries(browser)).path("series");
        assertThat(series.findValuesAsText("id")).containsExactly("events", "demands", "breaches");
        assertThat(series.get(0).path("data")).hasSize(7);
        assertThat(series.get(0).path("data").get(6).asLong()).as("today's events").isPositive();
        screenshot("wall-indicators-1920x1080.png");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 900));
    }

    /** The week-trend chart's option as the browser holds it, or null before it is drawn. */
    private static String trendSeries(WebDriver d) {
        var found = d.findElements(By.id("week-trend"));
        return found.isEmpty() ? null : (String) ((JavascriptExecutor) d).executeScript(
                "return window.gpEcharts && window.gpEcharts.option(arguments[0])", found.getFirst());
    }

    @Test
    void aLeaderReadsAlertsButHasNoButtonToHandleThem() {
        signIn("leader");
        open("alerts");
        wait(30).until(d -> text(d, "alert-inbox").contains("case-dongcheng-1"));
        assertThat(browser.findElements(By.id("ack-alert-case-dongcheng-1"))).isEmpty();
    }

    @Test
    void aWatcherOfOneCommunitySeesItsAlertMaskedAndNothingOfItsTown() {
        signIn("watcher");
        open("alerts");
        wait(30).until(d -> text(d, "alert-inbox").contains("case-taohua-1"));
        assertThat(text(browser, "alert-inbox")).contains("139****5678").doesNotContain("13912345678")
                .doesNotContain("case-dongcheng-1");
        open("map/439901104");
        wait(10).until(d -> !d.findElements(By.id("access-denied")).isEmpty());
        open("map");
        wait(10).until(d -> text(d, "map-area-name").equals("桃花镇第二村"));
    }

    @Test
    void anAnalystExportsButHasNoAlertInbox() {
        signIn("analyst");
        wait(30).until(d -> text(d, "street-counts").contains("东城街道"));
        assertThat(browser.findElements(By.id("nav-alerts"))).as("no link to a page the role may not open").isEmpty();
        open("alerts");
        wait(10).until(d -> !d.findElements(By.id("access-denied")).isEmpty());
        assertThat(browser.findElements(By.id("alert-inbox"))).isEmpty();
        open("map");
        wait(10).until(d -> !d.findElements(By.id("map-export")).isEmpty());
        var href = browser.findElement(By.id("map-export")).getAttribute("href");
        assertThat(href).isNotBlank();
        browser.get(href);
        wait(10).until(d -> AuditLog.of(warehouse).latest(5).stream()
                .anyMatch(e -> e.user().equals("analyst") && e.action().equals("export") && e.target().startsWith("/map/439901")));
    }

    @Test
    void theAuditLogRecordsSignInsViewsAndRefusalsAndItsChainVerifies() {
        signIn("head");
        wait(30).until(d -> !d.findElements(By.id("street-counts")).isEmpty());
        open("map/439901003");
        wait(10).until(d -> !d.findElements(By.id("access-denied")).isEmpty());
        signInWithWrongPassword("head");

        // the cockpit's own log: its chain is keyed, and only its key checks it
        var audit = TestCockpit.installedContext().audit();
        var latest = audit.latest(50);
        assertThat(latest).anySatisfy(e -> {
            assertThat(e.user()).isEqualTo("head");
            assertThat(e.action()).isEqualTo("denied");
            assertThat(e.target()).isEqualTo("/map/439901003");
        });
        assertThat(latest).anySatisfy(e -> assertThat(e.action()).isEqualTo("sign_in"));
        assertThat(latest).anySatisfy(e -> assertThat(e.action()).isEqualTo("sign_in_failed"));
        assertThat(latest).anySatisfy(e -> assertThat(e.action()).isEqualTo("view"));
        var check = audit.verify();
        assertThat(check.intact()).as(check.reason()).isTrue();
        assertThat(check.rows()).isGreaterThanOrEqualTo(latest.size());
    }

    @Test
    void anAdministratorReadsTheAuditLogAndSeesTheChainIntactWhichNoOtherRoleMayOpen() {
        signIn("head");
        open("audit");
        wait(10).until(d -> !d.findElements(By.id("access-denied")).isEmpty());
        assertThat(browser.findElements(By.id("audit-log"))).isEmpty();

        signIn("admin");
        wait(30).until(d -> !d.findElements(By.id("nav-admin")).isEmpty());
        browser.findElement(By.id("nav-admin")).click();
        wait(10).until(d -> !d.findElements(By.id("nav-audit")).isEmpty() && d.findElement(By.id("nav-audit")).isDisplayed());
        browser.findElement(By.id("nav-audit")).click();
        wait(30).until(d -> text(d, "audit-verdict").startsWith("哈希链完整"));
        wait(30).until(d -> text(d, "audit-log").contains("越权被拒"));
        assertThat(text(browser, "audit-log")).contains("/audit");
    }

    @Test
    void withoutSigningInAScopedUrlShowsTheSignInPageAndNoData() {
        browser.manage().deleteAllCookies();
        browser.get(url + "map/439901001");
        wait(30).until(d -> d.getCurrentUrl().contains("login"));
        assertThat(browser.findElements(By.id("map-chart"))).isEmpty();
    }

    // ---- helpers

    private static void signIn(String user) {
        browser.manage().deleteAllCookies();
        browser.get(url);
        wait(30).until(d -> d.getCurrentUrl().contains("login"));
        browser.findElement(By.cssSelector("vaadin-text-field[name='username'] input")).sendKeys(user);
        browser.findElement(By.cssSelector("vaadin-password-field[name='password'] input")).sendKeys(TestCockpit.PASSWORD, Keys.ENTER);
        wait(30).until(d -> !d.getCurrentUrl().contains("login"));
        // each role lands on its own page; these tests start from the street counts
        if (!user.equals("admin")) {
            wait(30).until(d -> !d.getCurrentUrl().equals(url));
        }
        open("streets");
    }

    private static void signInWithWrongPassword(String user) {
        browser.manage().deleteAllCookies();
        browser.get(url + "login");
        wait(30).until(d -> !d.findElements(By.cssSelector("vaadin-text-field[name='username'] input")).isEmpty());
        browser.findElement(By.cssSelector("vaadin-text-field[name='username'] input")).sendKeys(user);
        browser.findElement(By.cssSelector("vaadin-password-field[name='password'] input")).sendKeys("wrong", Keys.ENTER);
        wait(30).until(d -> "true".equals(d.findElement(By.id("sign-in")).getAttribute("error")));
    }

    private static void open(String path) {
        browser.get(url + path);
    }

    /** Clicks a region as ECharts reports it: the chart's click event with the region's name. */
    private static void clickRegion(String name) {
        wait(10).until(d -> !d.findElements(By.cssSelector("#map-chart canvas")).isEmpty());
        ((JavascriptExecutor) browser).executeScript("document.getElementById('map-chart').dispatchEvent("
                + "new CustomEvent('gp-chart-click', {detail: {name: arguments[0]}}))", name);
    }

    private static WebDriverWait wait(int seconds) {
        var wait = new WebDriverWait(browser, Duration.ofSeconds(seconds));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    private static String text(WebDriver d, String id) {
        var found = d.findElements(By.id(id));
        return found.isEmpty() ? "" : found.getFirst().getText();
    }

    private static long number(WebDriver d, String id) {
        var found = d.findElements(By.cssSelector("#" + id + " .gp-tile-value, span#" + id));
        if (found.isEmpty()) {
            return -1;
        }
        var digits = found.getFirst().getText().replaceAll("[^0-9]", "");
        return digits.isEmpty() ? -1 : Long.parseLong(digits);
    }

    private static void screenshot(String name) throws java.io.IOException {
        var dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
