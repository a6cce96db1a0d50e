package io.gridpulse.cockpit.browser;

import io.gridpulse.cockpit.TestCockpit;
import io.gridpulse.warehouse.audit.AuditLog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.gridpulse.cockpit.browser.SignedInBrowser.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cases behind the map panel's numbers, in headless Chromium: in 东城街道 (the demo department head's street) a
 * civil-affairs case and a health case are overdue and a third was raised today unassigned; a fourth case is overdue
 * in another street. A click on a figure lists the cases behind it, a click on a case opens its page, and the
 * panel's link opens the case list with the same filters; the civil-affairs head sees only their department's.
 */
@org.junit.jupiter.api.extension.ExtendWith(TestCockpit.Shared.class)
class PanelCasesInTheBrowserTest {
    static final String STREET = "439901001";
    static final String GRID = "439901001003004";
    static final String ELSEWHERE = "439901003001002";
    @org.junit.jupiter.api.extension.RegisterExtension
    static final SignedInBrowser.ForClass BROWSER = new SignedInBrowser.ForClass(1600, 1000);
    private static SignedInBrowser browser;

    @BeforeAll
    static void start() throws Exception {
        TestCockpit.store(List.of(
                TestCockpit.demandCreated("case-panel-civil", GRID, "elderly_care", "独居老人 送餐"),
                TestCockpit.demandAssigned("case-panel-civil", GRID, "civil_affairs"),
                TestCockpit.demandCreated("case-panel-health", GRID, "medical", "就医 陪诊"),
                TestCockpit.demandAssigned("case-panel-health", GRID, "health"),
                TestCockpit.demandCreated("case-panel-new", GRID, "employment_guidance", "就业指导"),
                TestCockpit.demandCreated("case-panel-elsewhere", ELSEWHERE, "elderly_care", "别的街道"),
                raisedByAnElderlyResidentLivingAlone("case-panel-elderly"),
                TestCockpit.demandAssigned("case-panel-elsewhere", ELSEWHERE, "civil_affairs")));
        TestCockpit.warehouse().alerts().insert(List.of(
                TestCockpit.openBreach("case-panel-civil", GRID, "民政 超时"),
                TestCockpit.openBreach("case-panel-health", GRID, "卫健 超时"),
                TestCockpit.openBreach("case-panel-elsewhere", ELSEWHERE, "别处 超时")));
        browser = BROWSER.open();
    }

    @Test
    void aClickOnOpenBreachesListsTheOverdueCasesOfTheStreetAndACaseOpensItsPage() throws Exception {
        browser.signIn("leader");
        openPanelList("map/" + STREET, "breaches");
        var list = text(browser.driver, "panel-cases-list");
        assertThat(list).contains("case-panel-civil", "case-panel-health")
                .as("not overdue").doesNotContain("case-panel-new")
                .as("another street").doesNotContain("case-panel-elsewhere");
        assertThat(text(browser.driver, "panel-cases-title")).isEqualTo("有超时预警的案件");
        assertThat(text(browser.driver, "panel-cases-note")).contains("预警所涉及的诉求案件");
        assertThat(text(browser.driver, "panel-cases-count")).matches("共 \\d+ 件");
        assertThat(browser.driver.findElements(By.cssSelector("#panel-cases-list a.panel-case")))
                .as("one link per case").hasSizeGreaterThanOrEqualTo(2);
        screenshot("panel-cases.png");
        var box = (java.util.Map<?, ?>) ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript("""
                const r = id => document.getElementById(id).getBoundingClientRect();
                const panel = document.getElementById('map-panel');
                return {casesBottom: r('panel-cases').bottom, gridTop: r('map-children').top, gridBottom: r('map-children').bottom,
                        panelBottom: r('map-panel').bottom, innerHeight: innerHeight, casesRight: r('panel-cases').right,
                        panelRight: r('map-panel').right, scroll: panel.scrollHeight - panel.clientHeight};""");
        // nothing overlaps or is cut off: the list sits above the children's grid, all of it inside the panel and window
        assertThat(number(box, "casesBottom")).isLessThanOrEqualTo(number(box, "gridTop"));
        assertThat(number(box, "gridBottom")).isLessThanOrEqualTo(number(box, "panelBottom") + 0.5);
        assertThat(number(box, "panelBottom")).isLessThanOrEqualTo(number(box, "innerHeight"));
        assertThat(number(box, "casesRight")).isLessThanOrEqualTo(number(box, "panelRight") + 0.5);
        assertThat(number(box, "scroll")).isLessThanOrEqualTo(1);

        browser.driver.findElement(By.cssSelector("#panel-cases-list a[data-case='case-panel-civil']")).click();
        browser.waitUpTo(30).until(d -> d.getCurrentUrl().endsWith("/cases/case-panel-civil")
                && text(d, "case-title").contains("case-panel-civil"));
        assertThat(AuditLog.of(TestCockpit.warehouse()).latest(30)).anySatisfy(e -> {
            assertThat(e.user()).isEqualTo("leader");
            assertThat(e.target()).isEqualTo("/map/" + STREET + " cases behind breaches");
        });
    }

    @Test
    void demandsTodayListsTheCasesRaisedTodayInTheAreaOnly() {
        browser.signIn("leader");
        openPanelList("map/" + STREET, "demands");
        assertThat(text(browser.driver, "panel-cases-list"))
                .contains("case-panel-civil", "case-panel-health", "case-panel-new").doesNotContain("case-panel-elsewhere");
        assertThat(text(browser.driver, "panel-cases-title")).isEqualTo("今日诉求案件");
        assertThat(browser.driver.findElements(By.id("panel-cases-note"))).as("nothing narrows the list").isEmpty();

        browser.driver.findElement(By.id("panel-cases-close")).click();
        browser.waitUpTo(10).until(d -> d.findElements(By.id("panel-cases")).stream().noneMatch(e -> e.isDisplayed()));
    }

    @Test
    void theAllCasesLinkOpensTheCaseListWithTheSameFilters() throws Exception {
        browser.signIn("leader");
        openPanelList("map/" + STREET, "breaches");
        browser.driver.findElement(By.id("panel-cases-all")).click();
        browser.waitUpTo(30).until(d -> d.getCurrentUrl().contains("/cases?") && text(d, "case-list").contains("case-panel-civil"));
        assertThat(browser.driver.getCurrentUrl()).contains("area=" + STREET, "period=all", "alerts=breaches");
        assertThat(text(browser.driver, "case-list")).contains("case-panel-health")
                .doesNotContain("case-panel-new").doesNotContain("case-panel-elsewhere");
        assertThat(text(browser.driver, "cases-filter-alerts")).isEqualTo("仅有超时预警的案件");
        assertThat(text(browser.driver, "cases-filter-area")).contains("东城");
        screenshot("cases-from-panel.png");

        // another period keeps the other filters, in the URL too: a reload shows the same list
        browser.driver.findElement(By.id("period-30d")).click();
        browser.waitUpTo(30).until(d -> d.getCurrentUrl().contains("period=30d"));
        assertThat(browser.driver.getCurrentUrl()).contains("area=" + STREET, "alerts=breaches");
        browser.driver.navigate().refresh();
        browser.waitUpTo(30).until(d -> text(d, "case-list").contains("case-panel-civil"));
        assertThat(text(browser.driver, "cases-filter-alerts")).isEqualTo("仅有超时预警的案件");
        assertThat(text(browser.driver, "case-list")).doesNotContain("case-panel-new");
    }

    @Test
    void theHeatLayersPopulationGroupNarrowsThePanelListAndItsLink() {
        browser.signIn("leader");
        openPanelList("map/" + STREET + "?layers=heat&group=elderly_alone", "demands");
        assertThat(text(browser.driver, "panel-cases-list")).contains("case-panel-elderly")
                .doesNotContain("case-panel-civil").doesNotContain("case-panel-new");
        assertThat(text(browser.driver, "panel-cases-note")).contains("独居老人");
        assertThat(browser.driver.findElement(By.id("panel-cases-all")).getDomAttribute("href")).contains("group=elderly_alone");
        // without the heat layer the group is not in force
        openPanelList("map/" + STREET + "?group=elderly_alone", "demands");
        assertThat(text(browser.driver, "panel-cases-list")).contains("case-panel-elderly", "case-panel-civil");
    }

    @Test
    void aLeadersChosenDepartmentNarrowsThePanelList() {
        browser.signIn("leader");
        openPanelList("map/" + STREET + "?dept=health", "breaches");
        assertThat(text(browser.driver, "panel-cases-list")).contains("case-panel-health").doesNotContain("case-panel-civil");
        assertThat(text(browser.driver, "panel-cases-note")).contains("卫健");
    }

    @Test
    void aDepartmentHeadsPanelListShowsOnlyTheirDepartmentsCases() {
        browser.signIn("head");
        for (var figure : List.of("breaches", "alerts", "demands")) {
            openPanelList("map/" + STREET + "?dept=health", figure);
            assertThat(text(browser.driver, "panel-cases-list")).as(figure).contains("case-panel-civil")
                    .doesNotContain("case-panel-health").doesNotContain("case-panel-new").doesNotContain("case-panel-elsewhere");
        }
        assertThat(text(browser.driver, "panel-cases-note")).contains("民政");
        assertThat(browser.driver.findElement(By.id("panel-cases-all")).getDomAttribute("href")).doesNotContain("dept=");
        browser.driver.findElement(By.id("panel-cases-all")).click();
        browser.waitUpTo(30).until(d -> d.getCurrentUrl().contains("/cases?") && text(d, "case-list").contains("case-panel-civil"));
        assertThat(text(browser.driver, "case-list")).doesNotContain("case-panel-health");
    }

    @Test
    void theCaseListRefusesAnAreaOutsideTheScopeAndIgnoresWhatItCannotRead() {
        browser.signIn("head");
        // another street, a period that does not exist, and another department to widen to
        browser.open("cases?area=" + ELSEWHERE.substring(0, 9) + "&period=forever&dept=health&alerts=breaches");
        browser.waitUpTo(30).until(d -> text(d, "cases-notice").contains(ELSEWHERE.substring(0, 9)));
        assertThat(text(browser.driver, "cases-notice")).contains("period=forever");
        browser.waitUpTo(30).until(d -> text(d, "case-list").contains("case-panel-civil"));
        assertThat(text(browser.driver, "case-list")).doesNotContain("case-panel-elsewhere").doesNotContain("case-panel-health");
        assertThat(AuditLog.of(TestCockpit.warehouse()).latest(30)).anySatisfy(e -> {
            assertThat(e.user()).isEqualTo("head");
            assertThat(e.action()).isEqualTo("refused");
            assertThat(e.target()).isEqualTo("/cases?area=" + ELSEWHERE.substring(0, 9));
        });
    }

    @Test
    void anAnalystsAlertFiguresArePlainNumbers() {
        browser.signIn("analyst");
        browser.open("map/" + STREET);
        browser.waitUpTo(30).until(d -> !d.findElements(By.id("figure-demands")).isEmpty());
        assertThat(browser.driver.findElement(By.id("figure-breaches")).getTagName()).isEqualTo("span");
        assertThat(browser.driver.findElement(By.id("figure-demands")).getTagName()).isEqualTo("vaadin-button");
    }

    /** A case raised a minute ago by a resident the registry lists as elderly living alone. */
    private static io.gridpulse.warehouse.EventRow raisedByAnElderlyResidentLivingAlone(String caseId) {
        var at = TestCockpit.earlierToday(java.time.Duration.ofSeconds(60));
        return new io.gridpulse.warehouse.EventRow(java.util.UUID.randomUUID().toString(), "demand.created", at, at, "test", GRID,
                GRID.substring(0, 12), GRID.substring(0, 9), GRID.substring(0, 6), null, null,
                "{\"caseId\":\"" + caseId + "\",\"demandType\":\"elderly_care\"}", List.of("elderly_alone"));
    }

    private static void openPanelList(String path, String figure) {
        browser.open(path);
        browser.waitUpTo(30).until(d -> !d.findElements(By.id("figure-" + figure)).isEmpty());
        browser.driver.findElement(By.id("figure-" + figure)).click();
        browser.waitUpTo(30).until(d -> !d.findElements(By.id("panel-cases")).isEmpty()
                && figure.equals(d.findElement(By.id("panel-cases")).getDomAttribute("data-figure"))
                && d.findElement(By.id("panel-cases")).isDisplayed());
    }

    private static double number(java.util.Map<?, ?> box, String key) {
        return ((Number) box.get(key)).doubleValue();
    }

    private static void screenshot(String name) throws java.io.IOException {
        var png = ((TakesScreenshot) browser.driver).getScreenshotAs(OutputType.BYTES);
        var dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name), png);
        Files.write(Path.of("/tmp", name), png);
    }
}
