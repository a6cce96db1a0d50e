package io.gridpulse.cockpit.browser;

import io.gridpulse.cockpit.TestCockpit;
import io.gridpulse.warehouse.Warehouse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.util.List;

import static io.gridpulse.cockpit.browser.SignedInBrowser.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Alerts by department in headless Chromium: the civil-affairs head of 东城街道 sees their department's breach
 * and not the health department's beside it, also when the URL asks for health; a leader narrows the inbox
 * to one department through the same URL parameter.
 */
@org.junit.jupiter.api.extension.ExtendWith(TestCockpit.Shared.class)
class DepartmentsInTheBrowserTest {
    /** 东城街道 第二社区 第二网格: inside the demo department head's street. */
    static final String GRID = "439901001002002";
    @org.junit.jupiter.api.extension.RegisterExtension
    static final SignedInBrowser.ForClass BROWSER = new SignedInBrowser.ForClass(1600, 1000);
    private static SignedInBrowser browser;

    @BeforeAll
    static void start() throws Exception {
        Warehouse warehouse = TestCockpit.warehouse();
        TestCockpit.store(List.of(
                TestCockpit.demandCreated("case-dept-civil", GRID, "elderly_care", "独居老人"),
                TestCockpit.demandAssigned("case-dept-civil", GRID, "civil_affairs"),
                TestCockpit.demandCreated("case-dept-health", GRID, "medical", "就医"),
                TestCockpit.demandAssigned("case-dept-health", GRID, "health")));
        warehouse.alerts().insert(List.of(TestCockpit.openBreach("case-dept-civil", GRID, "民政 超时"),
                TestCockpit.openBreach("case-dept-health", GRID, "卫健 超时")));
        browser = BROWSER.open();
    }

    @Test
    void aDepartmentHeadsInboxShowsNoOtherDepartmentsAlertEvenWhenTheUrlAsksForIt() {
        browser.signIn("head");
        for (var path : List.of("alerts", "alerts?dept=health", "alerts?dept=health&dept=civil_affairs")) {
            browser.open(path);
            browser.waitUpTo(30).until(d -> !d.findElements(By.id("ack-alert-case-dept-civil")).isEmpty());
            assertThat(text(browser.driver, "alert-inbox")).as(path).contains("case-dept-civil").doesNotContain("case-dept-health");
            assertThat(browser.driver.findElements(By.id("ack-alert-case-dept-health"))).as(path).isEmpty();
            assertThat(browser.driver.findElements(By.id("filter-department"))).as("a head has no department filter").isEmpty();
            assertThat(text(browser.driver, "inbox-department")).contains("民政");
        }
        screenshot("alerts-department-head.png");
    }

    @Test
    void aLeaderNarrowsTheInboxToOneDepartmentThroughTheUrl() {
        browser.signIn("leader");
        browser.open("alerts?dept=health");
        browser.waitUpTo(30).until(d -> text(d, "alert-inbox").contains("case-dept-health"));
        assertThat(text(browser.driver, "alert-inbox")).doesNotContain("case-dept-civil");
        assertThat(browser.driver.findElement(By.id("filter-department")).getText()).contains("卫健");
        screenshot("alerts-leader-dept-health.png");

        browser.open("map/439901001?layers=breaches&by=alerts&dept=health");
        browser.waitUpTo(30).until(d -> !d.findElements(By.id("map-department")).isEmpty());
        assertThat(browser.driver.findElement(By.id("map-department")).getText()).contains("卫健");
        screenshot("map-leader-dept-health.png");

        browser.open("alerts");
        browser.waitUpTo(30).until(d -> text(d, "alert-inbox").contains("case-dept-health")
                && text(d, "alert-inbox").contains("case-dept-civil"));
    }

    private static void screenshot(String name) {
        try {
            var dir = java.nio.file.Path.of("target", "screenshots");
            java.nio.file.Files.createDirectories(dir);
            java.nio.file.Files.write(dir.resolve(name), ((org.openqa.selenium.TakesScreenshot) browser.driver)
                    .getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
