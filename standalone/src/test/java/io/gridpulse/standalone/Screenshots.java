package io.gridpulse.standalone;

import io.gridpulse.cockpit.browser.HeadlessChromium;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code ./gridpulse screenshots}: signs in to a running cockpit in headless Chromium and saves
 * the wall screen at 1920x1080 and 3840x2160, the map explorer drilled down to a community, and a street's side
 * panel listing the cases behind its demands of today,
 * so that what leaders see can be looked at (and kept in docs/screenshots).
 * Usage: Screenshots COCKPIT_URL USER PASSWORD OUT_DIR
 */
public final class Screenshots {
    private Screenshots() {}

    public static void main(String[] args) throws Exception {
        var url = args[0].replaceAll("/$", "");
        var out = Files.createDirectories(Path.of(args[3]));
        var browser = HeadlessChromium.start(1920, 1080);
        try {
            var wait = new WebDriverWait(browser, Duration.ofSeconds(60));
            browser.get(url + "/login");
            wait.until(d -> !d.findElements(By.cssSelector("vaadin-text-field[name='username'] input")).isEmpty());
            browser.findElement(By.cssSelector("vaadin-text-field[name='username'] input")).sendKeys(args[1]);
            browser.findElement(By.cssSelector("vaadin-password-field[name='password'] input")).sendKeys(args[2], Keys.ENTER);
            wait.until(d -> !d.getCurrentUrl().contains("login"));
            if (browser.getCurrentUrl().contains("second-factor")) {
                // a whole-region user of a fresh demo sets up its second factor here; one set up already cannot be
                // answered without its phone
                wait.until(d -> !d.findElements(By.id("second-factor-code")).isEmpty());
                var shown = browser.findElements(By.id("second-factor-secret"));
                if (shown.isEmpty()) {
                    throw new IllegalStateException(args[1] + " has set up a second factor already: take the screenshots on a"
                            + " demo started with GP_COCKPIT_SECOND_FACTOR=off, or on a fresh one");
                }
                var secret = shown.getFirst().getText().replace(" ", "");
                browser.findElement(By.cssSelector("#second-factor-code input")).sendKeys(io.gridpulse.cockpit.security.Totp.code(
                        secret, io.gridpulse.cockpit.security.Totp.step(java.time.Instant.now())), Keys.ENTER); // wall clock: the demo runs on it
                wait.until(d -> !d.getCurrentUrl().contains("second-factor"));
            }

            for (var size : new int[][] {{1920, 1080}, {3840, 2160}}) {
                viewport(browser, size[0], size[1]);
                browser.get(url + "/wall");
                wait.until(d -> !d.findElements(By.cssSelector("#wall-map canvas")).isEmpty());
                Thread.sleep(4_000); // charts animate in; let them settle
                save(browser, out.resolve("wall-" + size[0] + "x" + size[1] + ".png"));
            }
            viewport(browser, 1920, 1080);
            browser.get(url + "/map/439901001001");
            wait.until(d -> !d.findElements(By.cssSelector("canvas")).isEmpty());
            Thread.sleep(4_000);
            save(browser, out.resolve("map-community-1920x1080.png"));

            // a street's side panel with the cases behind its demands of today open
            browser.get(url + "/map/439901001");
            wait.until(d -> !d.findElements(By.id("figure-demands")).isEmpty());
            Thread.sleep(2_000);
            browser.findElement(By.id("figure-demands")).click();
            wait.until(d -> !d.findElements(By.id("panel-cases")).isEmpty());
            Thread.sleep(1_000);
            save(browser, out.resolve("map-panel-cases-1920x1080.png"));
        } finally {
            browser.quit();
        }
    }

    private static void save(WebDriver browser, Path file) throws Exception {
        Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        System.out.println("saved " + file);
    }

    /** Sizes the page's viewport (not the window, whose frame takes some pixels). */
    private static void viewport(WebDriver browser, int width, int height) {
        browser.manage().window().setSize(new Dimension(width, height));
        var js = (JavascriptExecutor) browser;
        long innerWidth = ((Number) js.executeScript("return window.innerWidth")).longValue();
        long innerHeight = ((Number) js.executeScript("return window.innerHeight")).longValue();
        browser.manage().window().setSize(new Dimension((int) (2L * width - innerWidth), (int) (2L * height - innerHeight)));
    }
}
