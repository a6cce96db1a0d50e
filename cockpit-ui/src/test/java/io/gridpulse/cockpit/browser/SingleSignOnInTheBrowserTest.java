package io.gridpulse.cockpit.browser;

import io.gridpulse.cockpit.TestCockpit;
import io.gridpulse.cockpit.security.SingleSignOn;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static io.gridpulse.cockpit.browser.SignedInBrowser.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Single sign-on through a real OpenID Connect provider (NAV's mock-oauth2-server, started here): the authorization
 * code flow with PKCE in headless Chromium, the ID token checked, the person signed in with the role, area and
 * department their claims give; a claim naming an area outside the region signs nobody in, and says why.
 */
@ExtendWith(TestCockpit.Shared.class)
class SingleSignOnInTheBrowserTest {
    @RegisterExtension
    static final SignedInBrowser.ForClass BROWSER = new SignedInBrowser.ForClass(1400, 900);
    private static final String CLIENT = "gridpulse-cockpit";
    private static MockOAuth2Server provider;

    @BeforeAll
    static void start() throws Exception {
        provider = new MockOAuth2Server();
        provider.start();
        var cockpit = TestCockpit.url();
        TestCockpit.installedContext().sso().configure(new SingleSignOn.Config(URI.create(provider.issuerUrl("gov").toString()),
                CLIENT, "client-secret", URI.create(cockpit + "oidc/callback"), null, null, null, null, "政务统一身份认证"));
    }

    @AfterAll
    static void stop() {
        TestCockpit.installedContext().sso().configure(null);
        if (provider != null) {
            provider.shutdown();
        }
    }

    private static void claims(Map<String, Object> claims) {
        provider.enqueueCallback(new DefaultOAuth2TokenCallback("gov", "subject-" + claims.get("preferred_username"), "JWT",
                List.of(CLIENT), claims, 3_600));
    }

    @Test
    void aDepartmentHeadSignsInThroughTheProviderWithTheAreaAndDepartmentOfTheirClaims() throws Exception {
        var browser = BROWSER.open();
        var driver = browser.driver;
        claims(Map.of("preferred_username", "sso.zhang", "gridpulse_role", "department_head",
                "gridpulse_area", "439901002", "gridpulse_department", "health"));
        driver.manage().deleteAllCookies();
        browser.open("login");
        browser.waitUpTo(30).until(d -> !d.findElements(By.id("sign-in-sso")).isEmpty());
        assertThat(text(driver, "sign-in-sso")).contains("政务统一身份认证");
        driver.findElement(By.id("sign-in-sso")).click();
        try {
            browser.waitUpTo(30).until(d -> text(d, "signed-in-user").contains("sso.zhang"));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("not signed in through the provider; the browser is at " + driver.getCurrentUrl() + " showing: "
                    + driver.findElement(By.tagName("body")).getText(), e);
        }
        assertThat(text(driver, "signed-in-user")).contains("部门负责人", "西城街道");
        var account = TestCockpit.installedContext().accounts().current("sso.zhang").orElseThrow();
        assertThat(account.department()).isEqualTo("health");
        assertThat(TestCockpit.installedContext().audit().latest(5)).anySatisfy(e ->
                assertThat(e.user() + " " + e.action() + " " + e.target()).isEqualTo("sso.zhang sign_in /oidc/callback"));
        // no password of its own: the account signs in only through the provider
        assertThat(TestCockpit.installedContext().accounts().signIn("sso.zhang", "", "10.9.0.1").outcome().name()).isEqualTo("REFUSED");
    }

    @Test
    void claimsNamingAnAreaOutsideTheRegionSignNobodyInAndTheSignInPageSaysWhy() throws Exception {
        var browser = BROWSER.open();
        var driver = browser.driver;
        claims(Map.of("preferred_username", "sso.li", "gridpulse_role", "watcher", "gridpulse_area", "110101001"));
        driver.manage().deleteAllCookies();
        browser.open("login");
        browser.waitUpTo(30).until(d -> !d.findElements(By.id("sign-in-sso")).isEmpty());
        driver.findElement(By.id("sign-in-sso")).click();
        browser.waitUpTo(30).until(d -> !text(d, "sign-in-sso-refused").isEmpty());
        assertThat(text(driver, "sign-in-sso-refused")).contains("110101001");
        assertThat(TestCockpit.installedContext().accounts().current("sso.li")).isEmpty();
    }
}
