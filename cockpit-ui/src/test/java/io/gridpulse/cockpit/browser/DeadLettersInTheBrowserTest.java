package io.gridpulse.cockpit.browser;

import io.gridpulse.cockpit.TestCockpit;
import io.gridpulse.warehouse.DeadLetterRow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.util.List;

import static io.gridpulse.cockpit.browser.SignedInBrowser.text;
import static org.assertj.core.api.Assertions.assertThat;

/** The dead letters an administrator reviews, masked, and that nobody else may open. */
@org.junit.jupiter.api.extension.ExtendWith(TestCockpit.Shared.class)
class DeadLettersInTheBrowserTest {
    @org.junit.jupiter.api.extension.RegisterExtension
    static final SignedInBrowser.ForClass BROWSER = new SignedInBrowser.ForClass(1400, 900);
    private static SignedInBrowser browser;

    @BeforeAll
    static void start() throws Exception {
        TestCockpit.warehouse().deadLetters().insert(List.of(new DeadLetterRow("ev-dl-1", TestCockpit.now(), "kiosk-77",
                "point (113.9, 28.4) is outside the region", "{\"eventId\":\"ev-dl-1\",\"note\":\"回电 13712340000\"}")));
        browser = BROWSER.open();
    }

    @Test
    void anAdministratorSeesWhyAnInputWasNotStoredWithIdentifiersMasked() {
        browser.signIn("admin");
        browser.waitUpTo(30).until(d -> !d.findElements(By.id("nav-admin")).isEmpty());
        browser.driver.findElement(By.id("nav-admin")).click();
        browser.waitUpTo(10).until(d -> !d.findElements(By.id("nav-dead-letters")).isEmpty()
                && d.findElement(By.id("nav-dead-letters")).isDisplayed());
        browser.driver.findElement(By.id("nav-dead-letters")).click();
        browser.waitUpTo(30).until(d -> text(d, "dead-letters").contains("ev-dl-1"));
        assertThat(text(browser.driver, "dead-letters")).contains("kiosk-77", "outside the region", "137****0000")
                .doesNotContain("13712340000");
        assertThat(text(browser.driver, "dead-count")).matches("共 [0-9,]+ 条");
    }

    @Test
    void noOtherRoleMayOpenThem() {
        for (var user : List.of("leader", "analyst", "watcher")) {
            browser.signIn(user);
            assertThat(browser.driver.findElements(By.id("nav-dead-letters"))).as(user).allMatch(e -> !e.isDisplayed());
            assertThat(browser.driver.findElements(By.id("nav-admin"))).as(user).allMatch(e -> !e.isDisplayed());
            browser.open("dead-letters");
            browser.waitUpTo(10).until(d -> !d.findElements(By.id("access-denied")).isEmpty());
            assertThat(browser.driver.findElements(By.id("dead-letters"))).as(user).isEmpty();
        }
    }
}
