package io.gridpulse.standalone;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
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
        var options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1400,900", "--lang=zh-CN",
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        var service = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver")).build();
        browser = new ChromeDriver(service, options);
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

        var wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        signIn(wait);

        wait.until(d -> total(d) > 0);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("各街道（乡镇）事件数");
        assertThat(browser.findElement(By.id("street-counts")).getText()).contains("东城街道");

        var before = total(browser);
        for (int i = 0; i < 5; i++) {
            api.post("/api/v1/events", Api.demand(Api.newEventId(), "439901102001001"));
        }
        // pushed by the server: no reload, no click
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> total(d) >= before + 5);
        screenshot("streets-zh.png");

        browser.findElement(By.id("language-switch")).click();
        wait.until(d -> d.findElement(By.tagName("h1")).getText().equals("Events by street and township"));
        screenshot("streets-en.png");
    }

    @Test
    void aWatcherSeesAnOverdueCaseArriveInTheInboxWithoutReloading() throws Exception {
        var wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        signIn(wait);
        browser.findElement(By.id("nav-alerts")).click();
        wait.until(d -> !d.findElements(By.id("alert-inbox")).isEmpty());

        var caseId = "inbox-" + Api.newEventId().substring(0, 8);
        var created = java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(8)).minusHours(30)
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        var demand = """
                {"eventId":"%s","kind":"demand.created","occurredAt":"%s","source":"hotline-export","gridCode":"439901104002003",
                 "caseId":"%s","channel":"hotline_12345","demandType":"medical_insurance","demandClass":"resolve_now"}"""
                .formatted(Api.newEventId(), created, caseId);
        new Api(system.ingestUrl(), system.apiKey()).post("/api/v1/events", demand);

        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> d.findElement(By.id("alert-inbox")).getText().contains(caseId));
        var inbox = browser.findElement(By.id("alert-inbox")).getText();
        assertThat(inbox).contains("超时").contains("桃花镇").contains("即时解决：首次响应（24小时）");
        screenshot("alerts-zh.png");
    }

    private static void signIn(WebDriverWait wait) {
        browser.manage().deleteAllCookies();
        browser.get(system.cockpitUrl());
        wait.until(d -> d.getCurrentUrl().contains("login"));
        browser.findElement(By.cssSelector("vaadin-text-field[name='username'] input")).sendKeys(system.demoUser());
        browser.findElement(By.cssSelector("vaadin-password-field[name='password'] input"))
                .sendKeys(system.demoPassword(), Keys.ENTER);
        wait.until(d -> !d.getCurrentUrl().contains("login"));
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
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().contains("login"));
        assertThat(browser.findElements(By.id("street-counts"))).isEmpty();
    }

    private static long total(WebDriver d) {
        var found = d.findElements(By.id("total-events"));
        if (found.isEmpty()) {
            return -1;
        }
        var digits = found.getFirst().getText().replaceAll("[^0-9]", "");
        return digits.isEmpty() ? -1 : Long.parseLong(digits);
    }
}
