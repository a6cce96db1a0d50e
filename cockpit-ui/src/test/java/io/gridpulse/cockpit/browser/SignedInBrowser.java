package io.gridpulse.cockpit.browser;

import io.gridpulse.cockpit.TestCockpit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

/** A headless Chromium that signs in to the shared test cockpit as a demo user, with the waits the browser tests share. */
final class SignedInBrowser implements AutoCloseable {
    final WebDriver driver;
    private final String url;

    SignedInBrowser(String url, int width, int height) throws java.io.IOException {
        this.url = url;
        this.driver = HeadlessChromium.start(width, height);
    }

    /**
     * Signs out whoever was signed in, signs in as this demo user, and opens the street counts (with the header), the
     * page every test starts from whatever the role's own landing page is.
     */
    void signIn(String user) {
        signInAndLand(user);
        driver.get(url + "streets");
    }

    /** Signs out whoever was signed in and signs in as this demo user, staying where the role lands. */
    void signInAndLand(String user) {
        driver.manage().deleteAllCookies();
        driver.get(url);
        waitUpTo(30).until(d -> d.getCurrentUrl().contains("login"));
        driver.findElement(By.cssSelector("vaadin-text-field[name='username'] input")).sendKeys(user);
        driver.findElement(By.cssSelector("vaadin-password-field[name='password'] input")).sendKeys(TestCockpit.PASSWORD, Keys.ENTER);
        waitUpTo(30).until(d -> !d.getCurrentUrl().contains("login"));
    }

    void open(String path) {
        driver.get(url + path);
    }

    WebDriverWait waitUpTo(int seconds) {
        var wait = new WebDriverWait(driver, Duration.ofSeconds(seconds));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** The visible text of the element with this id, empty when there is none. */
    static String text(WebDriver d, String id) {
        var found = d.findElements(By.id(id));
        return found.isEmpty() ? "" : found.getFirst().getText();
    }

    @Override
    public void close() {
        driver.quit();
    }

    /**
     * One browser for a test class, on the shared test cockpit, quit after the class's tests:
     * {@code @RegisterExtension static final SignedInBrowser.ForClass BROWSER = new SignedInBrowser.ForClass(1600, 1000);}
     */
    static final class ForClass implements AfterAllCallback {
        private final int width;
        private final int height;
        private SignedInBrowser browser;

        ForClass(int width, int height) {
            this.width = width;
            this.height = height;
        }

        /** The class's browser, started on first use (once the test cockpit runs). */
        SignedInBrowser open() throws Exception {
            if (browser == null) {
                browser = new SignedInBrowser(TestCockpit.url(), width, height);
            }
            return browser;
        }

        @Override
        public void afterAll(ExtensionContext context) {
            if (browser != null) {
                browser.close();
                browser = null;
            }
        }
    }
}
