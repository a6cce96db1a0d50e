package io.gridpulse.cockpit.browser;

import io.gridpulse.cockpit.TestCockpit;
import io.gridpulse.model.alerts.Alert;
import io.gridpulse.model.alerts.AlertKind;
import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.area.AreaLineage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A watcher who is not looking at the inbox hears of a new breach on whatever page they are: a toast that opens the
 * inbox at the alert's kind, and the unread count in the window's title (issue 14). The demo watcher answers for
 * community 439901104002.
 */
@ExtendWith(TestCockpit.Shared.class)
class WatcherReachedInTheBrowserTest {
    static final String GRID = "439901104002003";
    @RegisterExtension
    static final SignedInBrowser.ForClass BROWSER = new SignedInBrowser.ForClass(1600, 1000);
    private static SignedInBrowser browser;

    @BeforeAll
    static void start() throws Exception {
        browser = BROWSER.open();
    }

    @Test
    void aNewBreachReachesAWatcherOnAnotherPage() {
        browser.signIn("watcher");
        browser.open("cases");
        browser.waitUpTo(30).until(d -> !d.findElements(By.cssSelector("[data-urgent-known]")).isEmpty());
        assertThat(browser.driver.findElements(By.cssSelector("vaadin-notification-card"))).isEmpty();

        var now = TestCockpit.now();
        TestCockpit.warehouse().alerts().insert(List.of(Alert.raise("reach-breach-1", AlertKind.SLA_BREACH)
                .about("case-reach-1", "resolve_now.first_response").raisedAt(now.minusSeconds(5)).deadline(now.minusSeconds(5))
                .in(AreaLineage.ofGrid(AreaCode.of(GRID))).detail("首次响应超时").build()));

        browser.waitUpTo(20).until(d -> d.findElements(By.cssSelector("vaadin-notification-card")).stream()
                .anyMatch(card -> card.getText().contains("case-reach-1")));
        var toast = browser.driver.findElements(By.cssSelector("vaadin-notification-card")).stream()
                .filter(card -> card.getText().contains("case-reach-1")).findFirst().orElseThrow();
        assertThat(toast.getText()).contains("新超时");
        browser.waitUpTo(10).until(d -> d.getTitle().matches("^\\(\\d+\\+?\\) .*"));
        screenshot("watcher-toast-1600x1000.png");

        toast.findElement(By.cssSelector("a.alert-arrived-link")).click();
        browser.waitUpTo(20).until(d -> d.getCurrentUrl().contains("alerts?kind=sla_breach"));
        browser.waitUpTo(20).until(d -> SignedInBrowser.text(d, "alert-inbox").contains("case-reach-1"));
        screenshot("watcher-inbox-breaches-1600x1000.png");
    }

    @Test
    void onAPhoneTheInboxShowsTheCaseItsStateAndTheActions() throws Exception {
        var now = TestCockpit.now();
        TestCockpit.warehouse().alerts().insert(List.of(Alert.raise("phone-breach-1", AlertKind.SLA_BREACH)
                .about("case-phone-1", "resolve_now.first_response").raisedAt(now.minusSeconds(30)).deadline(now.minusSeconds(30))
                .in(AreaLineage.ofGrid(AreaCode.of(GRID))).build()));
        try (var phone = new SignedInBrowser(TestCockpit.url(), 390, 844)) {
            phone.signIn("watcher");
            phone.open("alerts?q=case-phone-1");
            phone.waitUpTo(30).until(d -> !d.findElements(By.id("ack-phone-breach-1")).isEmpty());
            // the narrow columns are hidden once the browser told its width
            phone.waitUpTo(10).until(d -> !SignedInBrowser.text(d, "alert-inbox").contains("首次响应"));
            var ack = phone.driver.findElement(By.id("ack-phone-breach-1"));
            var viewport = ((Number) ((org.openqa.selenium.JavascriptExecutor) phone.driver)
                    .executeScript("return window.innerWidth")).intValue();
            assertThat(ack.isDisplayed()).isTrue();
            assertThat(ack.getRect().getX() + ack.getRect().getWidth()).as("the acknowledge button is on screen")
                    .isLessThanOrEqualTo(viewport);
            var nav = phone.driver.findElement(By.id("nav-alerts"));
            assertThat(nav.getRect().getWidth()).as("the nav's links are words, not a letter a line")
                    .isGreaterThan(nav.getRect().getHeight());
            var shot = ((org.openqa.selenium.TakesScreenshot) phone.driver).getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
            var dir = java.nio.file.Path.of("target", "screenshots");
            java.nio.file.Files.createDirectories(dir);
            java.nio.file.Files.write(dir.resolve("alerts-phone-390x844.png"), shot);
        }
    }

    private static void screenshot(String name) {
        try {
            var dir = java.nio.file.Path.of("target", "screenshots");
            java.nio.file.Files.createDirectories(dir);
            java.nio.file.Files.write(dir.resolve(name),
                    ((org.openqa.selenium.TakesScreenshot) browser.driver).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
