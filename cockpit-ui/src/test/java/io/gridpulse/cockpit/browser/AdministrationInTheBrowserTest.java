package io.gridpulse.cockpit.browser;

import io.gridpulse.cockpit.TestCockpit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;

import static io.gridpulse.cockpit.browser.SignedInBrowser.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The administration pages as an administrator and a new colleague meet them in headless Chromium. Users: the
 * administrator creates an account, hands over its one-time password, the colleague must choose their own before
 * anything else, and once the account is disabled their open session ends at the next page. Keys: a key is made and
 * shown once, kept only as its digest, and revoked.
 */
@ExtendWith(TestCockpit.Shared.class)
class AdministrationInTheBrowserTest {
    @RegisterExtension
    static final SignedInBrowser.ForClass BROWSER = new SignedInBrowser.ForClass(1500, 950);

    @Test
    void anAdministratorCreatesAWatcherWhoChoosesAPasswordFirstAndIsSignedOutWhenDisabled() throws Exception {
        var browser = BROWSER.open();
        var driver = browser.driver;
        browser.signIn("admin");
        browser.open("admin/users");
        browser.waitUpTo(30).until(d -> text(d, "users").contains("watcher"));
        assertThat(text(driver, "users")).contains("leader", "head", "admin", "管理员");

        driver.findElement(By.id("user-create")).click();
        browser.waitUpTo(10).until(d -> !d.findElements(By.id("user-name")).isEmpty());
        driver.findElement(By.cssSelector("#user-name input")).sendKeys("li.wei");
        driver.findElement(By.id("user-role")).click();
        browser.waitUpTo(10).until(d -> d.findElements(By.cssSelector("vaadin-select-item")).stream()
                .anyMatch(item -> item.getText().contains("值守人员")));
        driver.findElements(By.cssSelector("vaadin-select-item")).stream().filter(item -> item.getText().contains("值守人员"))
                .findFirst().orElseThrow().click();
        var scope = driver.findElement(By.cssSelector("#user-scope input"));
        scope.sendKeys("桃花镇第二");
        browser.waitUpTo(10).until(d -> d.findElements(By.cssSelector("vaadin-combo-box-item")).stream()
                .anyMatch(item -> item.getText().contains("桃花镇第二")));
        driver.findElements(By.cssSelector("vaadin-combo-box-item")).stream().filter(item -> item.getText().contains("桃花镇第二"))
                .findFirst().orElseThrow().click();
        driver.findElement(By.id("user-save")).click();
        browser.waitUpTo(10).until(d -> !text(d, "user-temporary-password").isEmpty());
        var temporary = text(driver, "user-temporary-password");
        assertThat(temporary).hasSize(17);
        driver.findElement(By.id("user-password-close")).click();
        browser.waitUpTo(10).until(d -> text(d, "users").contains("li.wei"));
        assertThat(text(driver, "users")).contains("待修改密码");

        // the colleague signs in with the one-time password and can open nothing before choosing their own
        signInAs(browser, "li.wei", temporary);
        browser.waitUpTo(30).until(d -> d.getCurrentUrl().endsWith("/password"));
        browser.open("alerts");
        browser.waitUpTo(30).until(d -> d.getCurrentUrl().endsWith("/password"));
        driver.findElement(By.cssSelector("#password-current input")).sendKeys(temporary);
        driver.findElement(By.cssSelector("#password-new input")).sendKeys("Li-wei-duty-2026");
        driver.findElement(By.cssSelector("#password-again input")).sendKeys("Li-wei-duty-2026");
        driver.findElement(By.id("password-save")).click();
        browser.waitUpTo(30).until(d -> !d.getCurrentUrl().endsWith("/password"));
        browser.open("alerts");
        browser.waitUpTo(30).until(d -> !d.findElements(By.id("alert-inbox")).isEmpty());
        assertThat(text(driver, "signed-in-user")).contains("li.wei", "值守人员");

        // the administrator disables the account from another session; the colleague's next page is the sign-in page
        var cookies = driver.manage().getCookies();
        TestCockpit.installedContext().accounts().setDisabled("li.wei",
                true, TestCockpit.installedContext().accounts().current("admin").orElseThrow());
        browser.open("map");
        browser.waitUpTo(30).until(d -> d.getCurrentUrl().contains("login"));
        assertThat(cookies).isNotEmpty();
        signInAs(browser, "li.wei", "Li-wei-duty-2026");
        browser.waitUpTo(30).until(d -> "true".equals(d.findElement(By.id("sign-in")).getAttribute("error")));
    }

    @Test
    void anAdministratorMakesAKeySeesItOnceAndRevokesIt() throws Exception {
        var browser = BROWSER.open();
        var driver = browser.driver;
        browser.signIn("admin");
        browser.open("admin/keys");
        browser.waitUpTo(30).until(d -> !d.findElements(By.id("key-create")).isEmpty());
        driver.findElement(By.id("key-create")).click();
        browser.waitUpTo(10).until(d -> !d.findElements(By.id("key-client")).isEmpty());
        driver.findElement(By.cssSelector("#key-client input")).sendKeys("Hall Kiosk");
        driver.findElement(By.id("key-save")).click();
        browser.waitUpTo(10).until(d -> d.findElement(By.id("key-client")).getDomAttribute("invalid") != null);
        var client = driver.findElement(By.cssSelector("#key-client input"));
        client.sendKeys(Keys.chord(Keys.CONTROL, "a"), "hall-kiosk-7");
        driver.findElement(By.id("key-save")).click();
        browser.waitUpTo(10).until(d -> !text(d, "key-value").isEmpty());
        var key = text(driver, "key-value");
        assertThat(key).startsWith("gpk_");
        driver.findElement(By.id("key-issued-close")).click();
        browser.waitUpTo(10).until(d -> text(d, "keys").contains("hall-kiosk-7"));
        assertThat(text(driver, "keys")).contains("上报事件", "有效").doesNotContain(key);
        var kept = new io.gridpulse.warehouse.keys.ApiKeyStore(TestCockpit.warehouse()).find("hall-kiosk-7").orElseThrow();
        assertThat(kept.sha256()).isEqualTo(io.gridpulse.model.keys.KeyMaterial.sha256Hex(key));

        driver.findElement(By.id("key-revoke-hall-kiosk-7")).click();
        browser.waitUpTo(10).until(d -> text(d, "keys").contains("已吊销"));
    }

    @Test
    void anAdministratorChecksAYearFileSeesEveryProblemThenPutsAGoodOneInForce() throws Exception {
        var browser = BROWSER.open();
        var driver = browser.driver;
        browser.signIn("admin");
        browser.open("admin/calendar");
        browser.waitUpTo(30).until(d -> !text(d, "calendar-years").isEmpty());
        assertThat(text(driver, "calendar-missing")).contains("尚未加载", "暂估");
        assertThat(text(driver, "calendar-years")).contains("2026", "随产品发布");

        var area = driver.findElement(By.cssSelector("#calendar-text textarea"));
        area.sendKeys("year 2033\n2033-01-03 work 周一\n2033-01-01 off 元旦\n2033-01-01 off 元旦\n");
        driver.findElement(By.id("calendar-check")).click();
        browser.waitUpTo(10).until(d -> !text(d, "calendar-problems").isEmpty());
        assertThat(text(driver, "calendar-problems")).contains("第 2 行", "第 4 行", "listed twice");
        assertThat(driver.findElement(By.id("calendar-apply")).getDomAttribute("disabled")).isNotNull();

        area.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        area.sendKeys("year 2033\n2033-01-01 off 元旦\n2033-01-03 off 元旦补休\n");
        driver.findElement(By.id("calendar-check")).click();
        browser.waitUpTo(10).until(d -> !text(d, "calendar-summary").isEmpty());
        assertThat(text(driver, "calendar-summary")).contains("2033", "2");
        assertThat(text(driver, "calendar-warnings")).as("春节 and the others are not listed").contains("春节");
        assertThat(driver.findElements(By.cssSelector("#calendar-months .gp-off"))).hasSize(2);
        driver.findElement(By.id("calendar-apply")).click();
        var calendars = TestCockpit.installedContext().calendars();
        browser.waitUpTo(20).until(d -> calendars.calendar().covers(2033));
        driver.navigate().refresh();
        browser.waitUpTo(30).until(d -> text(d, "calendar-years").contains("cn-2033.txt"));
    }

    @Test
    void aWholeRegionUserSetsUpAnAuthenticatorAppFromTheQrCodeAndConfirmsTheNextSignInWithANewCode() throws Exception {
        var accounts = TestCockpit.installedContext().accounts();
        accounts.requireSecondFactor(io.gridpulse.cockpit.security.Accounts.SecondFactor.CITY_WIDE);
        try {
            var browser = BROWSER.open();
            var driver = browser.driver;
            signInAs(browser, "analyst", TestCockpit.PASSWORD);
            browser.waitUpTo(30).until(d -> d.getCurrentUrl().endsWith("/second-factor"));
            browser.waitUpTo(10).until(d -> !d.findElements(By.id("second-factor-qr")).isEmpty());
            browser.open("map");
            browser.waitUpTo(30).until(d -> d.getCurrentUrl().contains("login"));

            signInAs(browser, "analyst", TestCockpit.PASSWORD);
            browser.waitUpTo(30).until(d -> !text(d, "second-factor-secret").isEmpty());
            var secret = text(driver, "second-factor-secret").replace(" ", "");
            var step = io.gridpulse.cockpit.security.Totp.step(TestCockpit.clock().instant());
            driver.findElement(By.cssSelector("#second-factor-code input")).sendKeys("000000");
            driver.findElement(By.id("second-factor-confirm")).click();
            browser.waitUpTo(10).until(d -> d.findElement(By.id("second-factor-code")).getDomAttribute("invalid") != null);
            driver.findElement(By.cssSelector("#second-factor-code input"))
                    .sendKeys(io.gridpulse.cockpit.security.Totp.code(secret, step), Keys.ENTER);
            browser.waitUpTo(30).until(d -> !d.getCurrentUrl().contains("second-factor"));
            browser.waitUpTo(30).until(d -> text(d, "signed-in-user").contains("analyst"));

            signInAs(browser, "analyst", TestCockpit.PASSWORD);
            browser.waitUpTo(30).until(d -> d.getCurrentUrl().endsWith("/second-factor"));
            assertThat(driver.findElements(By.id("second-factor-qr"))).as("set up once").isEmpty();
            driver.findElement(By.cssSelector("#second-factor-code input"))
                    .sendKeys(io.gridpulse.cockpit.security.Totp.code(secret, step + 1), Keys.ENTER);
            browser.waitUpTo(30).until(d -> text(d, "signed-in-user").contains("analyst"));
        } finally {
            accounts.requireSecondFactor(io.gridpulse.cockpit.security.Accounts.SecondFactor.OFF);
        }
    }

    @Test
    void anAdministratorRegistersADevicesFileSeesItsProblemsThenItsDevices() throws Exception {
        var browser = BROWSER.open();
        var driver = browser.driver;
        browser.signIn("admin");
        browser.open("admin/keys");
        browser.waitUpTo(30).until(d -> !d.findElements(By.id("key-devices")).isEmpty());
        driver.findElement(By.id("key-devices")).click();
        browser.waitUpTo(10).until(d -> !d.findElements(By.id("devices-upload")).isEmpty());

        var bad = java.nio.file.Files.createTempFile("devices-bad", ".csv");
        java.nio.file.Files.writeString(bad, "device_id,device_type,grid_code,household_id,hall_id\n"
                + "browser-wb-1,wristband,439901001001001,,\nbrowser-wb-2,toaster,439901001001001,,\n");
        upload(driver, bad);
        browser.waitUpTo(20).until(d -> !text(d, "devices-outcome").isEmpty());
        assertThat(text(driver, "devices-outcome")).contains("未登记任何设备", "第 3 行 device_type");
        assertThat(new io.gridpulse.warehouse.keys.ApiKeyStore(TestCockpit.warehouse()).find("browser-wb-1")).isEmpty();

        var good = java.nio.file.Files.createTempFile("devices-good", ".csv");
        java.nio.file.Files.writeString(good, "device_id,device_type,grid_code,household_id,hall_id\n"
                + "browser-wb-1,wristband,439901001001001,,\nbrowser-kiosk-1,kiosk,439901001002001,,\n");
        upload(driver, good);
        browser.waitUpTo(20).until(d -> text(d, "devices-outcome").contains("已登记 2 台设备"));
        assertThat(driver.findElement(By.id("devices-download")).getDomAttribute("href")).isNotBlank();
        driver.findElement(By.id("devices-close")).click();
        browser.waitUpTo(10).until(d -> text(d, "keys").contains("browser-kiosk-1"));
        assertThat(new io.gridpulse.warehouse.keys.ApiKeyStore(TestCockpit.warehouse()).find("browser-wb-1")).isPresent();
    }

    @Test
    void anAdministratorSeesASecurityAlertAfterABulkOfExportsAndReadsItInTheAuditLog() throws Exception {
        var audit = TestCockpit.installedContext().audit();
        for (int i = 0; i < io.gridpulse.cockpit.security.AccessWatch.EXPORTS; i++) {
            audit.append("browser-exporter", "export", "/cases?scope=439901 csv " + i);
        }
        var browser = BROWSER.open();
        var driver = browser.driver;
        browser.signIn("admin");
        browser.open("admin/users");
        browser.waitUpTo(30).until(d -> text(d, "security-alerts").startsWith("安全告警"));
        driver.findElement(By.id("security-alerts")).click();
        browser.waitUpTo(30).until(d -> text(d, "audit-log").contains("browser-exporter: 6 exports within 60 minutes"));
        assertThat(text(driver, "audit-only")).contains("安全告警");
        assertThat(text(driver, "audit-log")).doesNotContain("导出");
        browser.waitUpTo(10).until(d -> text(d, "audit-verdict").startsWith("哈希链完整"));
    }

    /** Gives the devices dialog's upload a file, as choosing it in the file picker would. */
    private static void upload(WebDriver driver, java.nio.file.Path file) {
        var upload = driver.findElement(By.id("devices-upload"));
        var inputs = upload.findElements(By.cssSelector("input[type=file]"));
        var input = inputs.isEmpty() ? upload.getShadowRoot().findElement(By.cssSelector("input[type=file]")) : inputs.getFirst();
        input.sendKeys(file.toAbsolutePath().toString());
    }

    private static void signInAs(SignedInBrowser browser, String name, String password) {
        WebDriver driver = browser.driver;
        driver.manage().deleteAllCookies();
        browser.open("login");
        browser.waitUpTo(30).until(d -> !d.findElements(By.cssSelector("vaadin-text-field[name='username'] input")).isEmpty());
        driver.findElement(By.cssSelector("vaadin-text-field[name='username'] input")).sendKeys(name);
        driver.findElement(By.cssSelector("vaadin-password-field[name='password'] input")).sendKeys(password, Keys.ENTER);
    }
}
