package io.gridpulse.standalone;

import io.gridpulse.cockpit.browser.HeadlessChromium;
import io.gridpulse.model.testing.TestClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The cockpit as a person sees it, in Debian's headless Chromium. */
@ExtendWith(SharedStack.class)
class CockpitBrowserTest {
    private static GridPulse system;
    private static WebDriver browser;

    @BeforeAll
    static void open(GridPulse running) throws Exception {
        system = running;
        browser = HeadlessChromium.start(1400, 900);
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aSignedInLeaderSeesLiveCountsPerStreetInChineseAndCanSwitchToEnglish() throws Exception {
        var api = new Api(system.ingestUrl(), system.apiKey());
        assertThat(api.post("/api/v1/events", Api.demand(Api.newEventId(), "439901001001001")).statusCode()).isEqualTo(202);

        var wait = waitUpTo(30);
        signIn(wait);

        wait.until(d -> total(d) > 0);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("各街道（乡镇）事件数");
        assertThat(browser.findElement(By.id("street-counts")).getText()).contains("东城街道");

        var before = total(browser);
        for (int i = 0; i < 5; i++) {
            api.post("/api/v1/events", Api.demand(Api.newEventId(), "439901102001001"));
        }
        // pushed by the server: no reload, no click
        waitUpTo(20).until(d -> total(d) >= before + 5);
        screenshot("streets-zh.png");

        browser.findElement(By.id("language-switch")).click();
        wait.until(d -> d.findElement(By.tagName("h1")).getText().equals("Events by street and township"));
        screenshot("streets-en.png");
    }

    @Test
    void aWatcherSeesAnOverdueCaseArriveInTheInboxWithoutReloading() throws Exception {
        var wait = waitUpTo(30);
        signIn(wait);
        browser.findElement(By.id("nav-alerts")).click();
        wait.until(d -> !d.findElements(By.id("alert-inbox")).isEmpty());

        var caseId = "inbox-" + Api.newEventId().substring(0, 8);
        var created = TestClock.offsetNow().minusHours(30)
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        var demand = """
                {"eventId":"%s","kind":"demand.created","occurredAt":"%s","source":"hotline-export","gridCode":"439901104002003",
                 "caseId":"%s","channel":"hotline_12345","demandType":"medical_insurance","demandClass":"resolve_now"}"""
                .formatted(Api.newEventId(), created, caseId);
        new Api(system.ingestUrl(), system.apiKey()).post("/api/v1/events", demand);

        waitUpTo(30).until(d -> d.findElement(By.id("alert-inbox")).getText().contains(caseId));
        var inbox = browser.findElement(By.id("alert-inbox")).getText();
        assertThat(inbox).contains("超时").contains("桃花镇").contains("即时解决：首次响应（24小时）");
        screenshot("alerts-zh.png");
    }

    @Test
    void theWallScreenShowsLiveIndicatorsTheRegionMapAndTheAlertTicker() throws Exception {
        var wait = waitUpTo(30);
        signIn(wait);
        var api = new Api(system.ingestUrl(), system.apiKey());
        for (int i = 0; i < 6; i++) {
            var id = Api.newEventId();
            api.post("/api/v1/events", Api.demand(id, "439901005001001"));
            // the red list counts cases handled, not reports: each demand is answered at once
            api.post("/api/v1/demands/case-" + id + "/responded", """
                    {"eventId":"%s","occurredAt":"%s","source":"terminal-0042","gridCode":"439901005001001","by":"w-1"}"""
                    .formatted(Api.newEventId(), TestClock.offsetNow().minusMinutes(1).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
        }
        browser.get(system.cockpitUrl() + "wall");
        viewport(1920, 1080);
        wait.until(d -> value(d, "kpi-events") >= 6);
        wait.until(d -> !d.findElements(By.cssSelector("#wall-map canvas")).isEmpty());
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("云溪市").contains("基层治理驾驶舱");
        assertThat(browser.findElement(By.id("red-list")).getText()).contains("新城街道");
        Thread.sleep(1_500);   // let the map finish its first animation before the picture
        screenshot("wall-1920x1080.png");
        viewport(3840, 2160);
        browser.navigate().refresh();   // a wall screen sizes its chart text once, for the screen it is on
        wait.until(d -> value(d, "kpi-events") >= 6);
        wait.until(d -> !d.findElements(By.cssSelector("#wall-map canvas")).isEmpty());
        Thread.sleep(1_500);
        screenshot("wall-3840x2160.png");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 900));
    }

    /** A wait that reads again when a push replaced the element it was reading. */
    private static WebDriverWait waitUpTo(int seconds) {
        var wait = new WebDriverWait(browser, Duration.ofSeconds(seconds));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    /** Sizes the page's viewport (not the window, whose frame takes some pixels) to a wall screen's size. */
    private static void viewport(int width, int height) {
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
        var js = (org.openqa.selenium.JavascriptExecutor) browser;
        long innerWidth = ((Number) js.executeScript("return window.innerWidth")).longValue();
        long innerHeight = ((Number) js.executeScript("return window.innerHeight")).longValue();
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(
                (int) (2L * width - innerWidth), (int) (2L * height - innerHeight)));
    }

    private static long value(WebDriver d, String id) {
        return number(d, By.cssSelector("#" + id + " .gp-tile-value"));
    }

    private static void signIn(WebDriverWait wait) {
        browser.manage().deleteAllCookies();
        browser.get(system.cockpitUrl());
        wait.until(d -> d.getCurrentUrl().contains("login"));
        browser.findElement(By.cssSelector("vaadin-text-field[name='username'] input")).sendKeys(system.demoUser());
        browser.findElement(By.cssSelector("vaadin-password-field[name='password'] input"))
                .sendKeys(system.demoPassword(), Keys.ENTER);
        wait.until(d -> !d.getCurrentUrl().contains("login"));
        // the demo user, a leader, lands on the wall; these tests start from the street counts
        wait.until(d -> d.getCurrentUrl().contains("/wall"));
        browser.get(system.cockpitUrl() + "streets");
        wait.until(d -> !d.findElements(By.id("street-counts")).isEmpty());
    }

    /** Kept under target/screenshots for a person to look at; not compared. */
    private static void screenshot(String name) throws java.io.IOException {
        var dir = java.nio.file.Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void withoutSigningInNoDataIsShown() {
        browser.manage().deleteAllCookies();
        browser.get(system.cockpitUrl());
        waitUpTo(30).until(d -> d.getCurrentUrl().contains("login"));
        assertThat(browser.findElements(By.id("street-counts"))).isEmpty();
    }

    private static long total(WebDriver d) {
        return number(d, By.id("total-events"));
    }

    /** The number an element shows, or -1 while it shows none (or is being replaced by a push). */
    private static long number(WebDriver d, By by) {
        try {
            var found = d.findElements(by);
            if (found.isEmpty()) {
                return -1;
            }
            var digits = found.getFirst().getText().replaceAll("[^0-9]", "");
            return digits.isEmpty() ? -1 : Long.parseLong(digits);
        } catch (org.openqa.selenium.StaleElementReferenceException replacedMeanwhile) {
            return -1;
        }
    }
}
