package io.gridpulse.cockpit.browser;

import io.gridpulse.cockpit.TestCockpit;
import io.gridpulse.model.alerts.Alert;
import io.gridpulse.model.alerts.AlertKind;
import io.gridpulse.model.alerts.AlertStatus;
import io.gridpulse.model.alerts.Severity;
import io.gridpulse.model.area.AreaLineage;
import io.gridpulse.warehouse.EventRow;
import io.gridpulse.warehouse.Warehouse;
import io.gridpulse.warehouse.actions.AlertAction;
import io.gridpulse.warehouse.actions.AlertActions;
import io.gridpulse.warehouse.audit.AuditLog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static io.gridpulse.cockpit.browser.SignedInBrowser.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A case's page and the handling of its alerts, in headless Chromium: a watcher assigns, comments on,
 * escalates and acknowledges an alert and follows it to its case; a department head sees only their
 * department's cases, also when typing another case's URL; an analyst reads a case without its alerts.
 */
@org.junit.jupiter.api.extension.ExtendWith(TestCockpit.Shared.class)
class CaseHandlingInTheBrowserTest {
    /** 桃花镇 第二社区 第三网格: inside the demo watcher's community. */
    static final String TAOHUA = "439901104002003";
    /** 东城街道 第一社区 第一网格: the demo department head's street. */
    static final String DONGCHENG = "439901001001001";
    @org.junit.jupiter.api.extension.RegisterExtension
    static final SignedInBrowser.ForClass BROWSER = new SignedInBrowser.ForClass(1600, 1000);
    private static SignedInBrowser browser;
    private static Warehouse warehouse;

    @BeforeAll
    static void start() throws Exception {
        warehouse = TestCockpit.warehouse();
        var t = TestCockpit.now().minus(3, ChronoUnit.HOURS);
        TestCockpit.store(List.of(
                event("demand.created", "case-th-9", TAOHUA, t, ",\"demandType\":\"elderly_care\",\"demandClass\":\"resolve_now\","
                        + "\"channel\":\"hotline_12345\",\"description\":\"老人独居 请联系 13912340000\""),
                event("demand.assigned", "case-th-9", TAOHUA, t.plusSeconds(600), ",\"firstReceiver\":\"w-3\","
                        + "\"leadUnit\":\"市民政局\",\"department\":\"civil_affairs\""),
                event("demand.responded", "case-th-9", TAOHUA, t.plusSeconds(3_600), ",\"by\":\"w-3\",\"note\":\"已上门\""),
                event("demand.created", "case-dc-civil", DONGCHENG, t, ",\"demandType\":\"elderly_care\",\"channel\":\"app\""),
                event("demand.assigned", "case-dc-civil", DONGCHENG, t.plusSeconds(60), ",\"department\":\"civil_affairs\""),
                event("demand.created", "case-dc-health", DONGCHENG, t, ",\"demandType\":\"medical\",\"channel\":\"app\""),
                event("demand.assigned", "case-dc-health", DONGCHENG, t.plusSeconds(60), ",\"department\":\"health\"")));
        var raised = t.plusSeconds(7_200);
        warehouse.alerts().insert(List.of(new Alert("alert-case-th-9", AlertKind.SLA_BREACH, Severity.MAJOR,
                AlertStatus.OPEN, "case-th-9", "resolve_now.first_response", 0, raised, raised, null,
                new AreaLineage(TAOHUA, TAOHUA.substring(0, 12), TAOHUA.substring(0, 9), TAOHUA.substring(0, 6)),
                "首次响应超时", 1)));
        browser = BROWSER.open();
    }

    @Test
    void aWatcherAssignsCommentsEscalatesAndAcknowledgesAndTheUnreadCountFalls() throws Exception {
        browser.signIn("watcher");
        browser.open("alerts");
        browser.waitUpTo(30).until(d -> !d.findElements(By.id("ack-alert-case-th-9")).isEmpty());
        browser.waitUpTo(10).until(d -> !text(d, "unread-alerts").isEmpty());
        long unreadBefore = Long.parseLong(text(browser.driver, "unread-alerts"));
        assertThat(unreadBefore).isPositive();

        filterTo("th-9");
        clickUntilOpen("assign-alert-case-th-9", "#action-assignee input");
        // the area's usual assignees are offered: the case's first receiver and handler, its lead unit
        browser.waitUpTo(10).until(d -> text(d, "action-assignee-suggestions").contains("w-3"));
        assertThat(text(browser.driver, "action-assignee-suggestions")).contains("市民政局");
        // an empty assignee is refused in the dialog and nothing is recorded
        browser.driver.findElement(By.id("action-save")).click();
        assertThat(new AlertActions(warehouse).history("alert-case-th-9")).isEmpty();
        browser.driver.findElement(By.cssSelector("#action-assignee input")).sendKeys("w-5");
        browser.driver.findElement(By.cssSelector("#action-words textarea")).sendKeys("今天下午上门");
        save();
        browser.waitUpTo(10).until(d -> text(d, "assignee-alert-case-th-9").contains("w-5"));

        clickUntilOpen("comment-alert-case-th-9", "#action-words textarea");
        browser.driver.findElement(By.cssSelector("#action-words textarea")).sendKeys("已电话联系家属");
        save();
        browser.waitUpTo(10).until(d -> text(d, "alert-inbox").contains("备注 2"));
        // the comments are read in the list, without leaving it
        clickUntilOpen("history-alert-case-th-9", "#alert-history");
        browser.waitUpTo(10).until(d -> d.findElements(By.cssSelector(".alert-history-entry")).size() == 2);
        assertThat(browser.driver.findElements(By.cssSelector(".alert-history-entry"))).extracting(e -> e.getText())
                .satisfiesExactly(first -> assertThat(first).contains("watcher", "指派", "w-5", "今天下午上门"),
                        second -> assertThat(second).contains("watcher", "备注", "已电话联系家属"));
        browser.driver.findElement(By.id("history-close")).click();
        browser.waitUpTo(10).until(d -> d.findElements(By.id("history-close")).isEmpty());

        clickUntilOpen("escalate-alert-case-th-9", "#action-save");
        save();
        browser.waitUpTo(10).until(d -> !d.findElements(By.id("escalated-alert-case-th-9")).isEmpty());
        assertThat(browser.driver.findElements(By.id("escalate-alert-case-th-9"))).as("escalated once").isEmpty();

        clickUntilOpen("ack-alert-case-th-9", "#acked-alert-case-th-9");
        browser.waitUpTo(10).until(d -> text(d, "unread-alerts").equals(String.valueOf(unreadBefore - 1))
                || unreadBefore == 1 && d.findElements(By.cssSelector("#unread-alerts:not([hidden])")).isEmpty());

        assertThat(new AlertActions(warehouse).history("alert-case-th-9")).extracting(AlertAction::action)
                .containsExactly(AlertAction.ASSIGN, AlertAction.COMMENT, AlertAction.ESCALATE, AlertAction.ACKNOWLEDGE);
        assertThat(AuditLog.of(warehouse).latest(10)).anySatisfy(e -> {
            assertThat(e.user()).isEqualTo("watcher");
            assertThat(e.action()).isEqualTo("assign");
            assertThat(e.target()).isEqualTo("alert-case-th-9 -> w-5");
        });

        // the alert leads to its case: every step, who took it, the clock and what was done about the alert
        // the live inbox may be redrawing its rows (the acknowledgement above reaches it a second later): click again then
        browser.waitUpTo(10).until(d -> {
            d.findElement(By.cssSelector("a.alert-case-link")).click();
            return true;
        });
        browser.waitUpTo(30).until(d -> text(d, "case-title").contains("case-th-9"));
        var timeline = lines();
        assertThat(timeline).containsSubsequence("case.step.created", "case.step.assigned", "case.step.responded",
                "case.alert.raised.sla_breach", "case.action.assign", "case.action.comment", "case.action.escalate",
                "case.action.acknowledge");
        assertThat(text(browser.driver, "case-timeline")).contains("w-3", "市民政局", "今天下午上门", "已电话联系家属")
                .contains("139****0000").doesNotContain("13912340000");
        assertThat(text(browser.driver, "case-clocks")).contains("即时解决：首次响应", "已超时");
        assertThat(text(browser.driver, "case-facts")).contains("养老服务", "即时解决", "民政");
        screenshot("case-zh.png");
    }

    private static void screenshot(String name) throws java.io.IOException {
        var dir = java.nio.file.Path.of("target", "screenshots");
        java.nio.file.Files.createDirectories(dir);
        java.nio.file.Files.write(dir.resolve(name),
                ((org.openqa.selenium.TakesScreenshot) browser.driver).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    }

    @Test
    void aDepartmentHeadSeesOnlyTheirDepartmentsCasesAndAnotherCaseByUrlIsNotFound() {
        browser.signIn("head");
        browser.open("cases");
        browser.waitUpTo(30).until(d -> text(d, "case-list").contains("case-dc-civil"));
        assertThat(text(browser.driver, "case-list")).doesNotContain("case-dc-health").doesNotContain("case-th-9");

        browser.driver.findElement(By.cssSelector("a.case-link[href$='case-dc-civil']")).click();
        browser.waitUpTo(30).until(d -> text(d, "case-title").contains("case-dc-civil"));
        assertThat(lines()).contains("case.step.created", "case.step.assigned");

        for (var other : List.of("case-dc-health", "case-th-9", "no-such-case")) {
            browser.open("cases/" + other);
            browser.waitUpTo(30).until(d -> !d.findElements(By.id("case-not-found")).isEmpty());
            assertThat(browser.driver.findElements(By.id("case-timeline"))).isEmpty();
        }
        assertThat(AuditLog.of(warehouse).latest(5)).anySatisfy(e -> {
            assertThat(e.user()).isEqualTo("head");
            assertThat(e.action()).isEqualTo("refused");
            assertThat(e.target()).isEqualTo("case case-th-9");
        });
    }

    @Test
    void anAnalystReadsACaseWithItsDeadlinesButNotItsAlerts() {
        browser.signIn("analyst");
        browser.open("cases/case-th-9");
        browser.waitUpTo(30).until(d -> text(d, "case-title").contains("case-th-9"));
        assertThat(lines()).contains("case.step.created", "case.step.responded")
                .noneMatch(what -> what.startsWith("case.alert") || what.startsWith("case.action"));
        assertThat(text(browser.driver, "case-clocks")).contains("即时解决：首次响应", "未触发预警");
    }

    private static void filterTo(String text) {
        browser.driver.findElement(By.cssSelector("#filter-text input")).sendKeys(text, Keys.ENTER);
        browser.waitUpTo(10).until(d -> text(d, "alert-inbox").contains("case-th-9")
                && !text(d, "alert-inbox").contains("case-taohua-1"));
    }

    /**
     * Clicks a button of the live inbox until what it opens or shows is there: the inbox redraws its rows
     * when the alerts or their handling change, and a click on a row being replaced is dropped.
     */
    private static void clickUntilOpen(String buttonId, String dialogPart) {
        // the previous dialog's parts linger while it closes: wait until they are gone, or they would be taken for the new one
        browser.waitUpTo(10).until(d -> d.findElements(By.id("action-save")).isEmpty());
        for (int attempt = 0; attempt < 5; attempt++) {
            // a click that took effect late (the badge of an acknowledgement) must not be repeated
            browser.waitUpTo(10).until(d -> !d.findElements(By.id(buttonId)).isEmpty()
                    || !d.findElements(By.cssSelector(dialogPart)).isEmpty());
            if (!browser.driver.findElements(By.cssSelector(dialogPart)).isEmpty()) {
                return;
            }
            try {
                browser.driver.findElement(By.id(buttonId)).click();
                browser.waitUpTo(3).until(d -> !d.findElements(By.cssSelector(dialogPart)).isEmpty());
                return;
            } catch (org.openqa.selenium.TimeoutException | org.openqa.selenium.StaleElementReferenceException
                     | org.openqa.selenium.NoSuchElementException redrawn) {
                // the row was redrawn under the click: try again
            }
        }
        throw new AssertionError("the dialog of " + buttonId + " did not open");
    }

    /** Saves the open dialog; a save button redrawn under the click is clicked again. */
    private static void save() {
        for (int attempt = 0; ; attempt++) {
            try {
                browser.driver.findElement(By.id("action-save")).click();
                return;
            } catch (org.openqa.selenium.StaleElementReferenceException redrawn) {
                if (attempt == 3) {
                    throw redrawn;
                }
            }
        }
    }

    private static List<String> lines() {
        return browser.driver.findElements(By.cssSelector("#case-timeline .case-line")).stream()
                .map(e -> e.getAttribute("data-what")).toList();
    }

    private static EventRow event(String kind, String caseId, String grid, Instant at, String extra) {
        return new EventRow(UUID.randomUUID().toString(), kind, at, at, "test", grid, grid.substring(0, 12),
                grid.substring(0, 9), grid.substring(0, 6), null, null, "{\"caseId\":\"" + caseId + "\"" + extra + "}");
    }
}
