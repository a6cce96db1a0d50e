package io.gridpulse.cockpit.browser;

import io.gridpulse.cockpit.TestCockpit;
import io.gridpulse.warehouse.Warehouse;
import io.gridpulse.warehouse.audit.AuditLog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The case list ({@code /cases}) as an analyst, a department head and a leader meet it in headless Chromium. */
@org.junit.jupiter.api.extension.ExtendWith(TestCockpit.Shared.class)
class CasesInTheBrowserTest {
    private static String url;
    @org.junit.jupiter.api.extension.RegisterExtension
    static final SignedInBrowser.ForClass BROWSER = new SignedInBrowser.ForClass(1400, 900);
    private static SignedInBrowser session;
    private static WebDriver browser;
    private static Warehouse warehouse;

    @BeforeAll
    static void start() throws Exception {
        warehouse = TestCockpit.warehouse();
        TestCockpit.store(List.of(
                TestCockpit.demandCreated("case-dc-77", "439901001001001", "elderly_care", "独居老人 请回电 13712345678"),  // 东城街道
                TestCockpit.demandCreated("case-xc-77", "439901002001001", "medical_insurance", "西城 医保报销"),        // 西城街道
                // the demo department head is civil affairs: the case must be theirs to be listed for them
                TestCockpit.demandAssigned("case-dc-77", "439901001001001", "civil_affairs")));
        url = TestCockpit.url();
        session = BROWSER.open();
        browser = session.driver;
    }

    @Test
    void anAnalystSeesTheCasesOfTheWholeCityAndExportsThemAsCsvAndExcel() throws Exception {
        signIn("analyst");
        wait(30).until(d -> !d.findElements(By.id("nav-cases")).isEmpty());
        browser.findElement(By.id("nav-cases")).click();
        wait(30).until(d -> text(d, "case-list").contains("case-dc-77") && text(d, "case-list").contains("case-xc-77"));
        assertThat(text(browser, "case-list")).contains("东城街道", "西城街道", "养老服务", "12345热线");
        var dir = java.nio.file.Path.of("target", "screenshots");
        java.nio.file.Files.createDirectories(dir);
        java.nio.file.Files.write(dir.resolve("cases-city-zh.png"),
                ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));

        var csv = download("cases-export-csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).startsWith(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        var text = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(text).contains("\"case-dc-77\"", "\"case-xc-77\"", "137****5678").doesNotContain("13712345678");

        var xlsx = download("cases-export-xlsx");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.body()).startsWith(new byte[]{'P', 'K'});   // a zip, as every .xlsx is
        assertThat(AuditLog.of(warehouse).latest(20)).anySatisfy(e -> {
            assertThat(e.user()).isEqualTo("analyst");
            assertThat(e.action()).isEqualTo("export");
            assertThat(e.target()).isEqualTo("/cases?scope=439901 xlsx");
        });
    }

    @Test
    void aDepartmentHeadOfDongchengSeesOnlyTheirStreetsCasesWithPhoneNumbersMasked() {
        signIn("head");
        browser.get(url + "cases");
        wait(30).until(d -> text(d, "case-list").contains("case-dc-77"));
        var list = text(browser, "case-list");
        assertThat(list).doesNotContain("case-xc-77").doesNotContain("西城");
        assertThat(list).contains("137****5678").doesNotContain("13712345678");
        // the role table lets department heads export, inside their scope
        assertThat(browser.findElements(By.id("cases-export-csv"))).hasSize(1);
        assertThat(browser.findElements(By.id("cases-export-xlsx"))).hasSize(1);

        browser.findElement(By.cssSelector("#case-search input")).sendKeys("xc-77", Keys.ENTER);
        wait(10).until(d -> !text(d, "case-list").contains("case-dc-77"));
        assertThat(text(browser, "case-count")).isEqualTo("共 0 件");
        browser.findElement(By.id("period-30d")).click();
        var field = browser.findElement(By.cssSelector("#case-search input"));
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), "DC-77", Keys.ENTER);
        wait(10).until(d -> text(d, "case-list").contains("case-dc-77"));
        assertThat(text(browser, "case-count")).isEqualTo("共 1 件");
        assertThat(text(browser, "case-list")).doesNotContain("case-xc-77");
    }

    @Test
    void aLeaderReadsTheCasesButHasNoExport() {
        signIn("leader");
        browser.get(url + "cases");
        wait(30).until(d -> text(d, "case-list").contains("case-xc-77"));
        assertThat(browser.findElements(By.id("cases-export-csv"))).isEmpty();
        assertThat(browser.findElements(By.id("cases-export-xlsx"))).isEmpty();
    }

    /** Downloads an export link's target with the browser's session cookie. */
    private static HttpResponse<byte[]> download(String linkId) throws Exception {
        var href = browser.findElement(By.id(linkId)).getAttribute("href");
        var cookies = browser.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        try (var http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create(href)).header("Cookie", cookies).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        }
    }

    private static void signIn(String user) {
        session.signIn(user);
    }

    private static WebDriverWait wait(int seconds) {
        return session.waitUpTo(seconds);
    }

    private static String text(WebDriver d, String id) {
        return SignedInBrowser.text(d, id);
    }
}
