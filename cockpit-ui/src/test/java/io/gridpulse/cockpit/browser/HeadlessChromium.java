package io.gridpulse.cockpit.browser;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;

/**
 * Debian's Chromium and ChromeDriver, headless, with the flags that work as root on these machines
 * and keep it off the network; a fresh profile each time. Shared by the cockpit's and the
 * standalone system's browser tests (through cockpit-ui's test jar).
 */
public final class HeadlessChromium {
    private HeadlessChromium() {}

    /** A new browser with a window of the given size, speaking Simplified Chinese first. */
    public static ChromeDriver start(int width, int height) throws IOException {
        var options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--hide-scrollbars", "--window-size=" + width + "," + height, "--lang=zh-CN",
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        var service = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver")).build();
        return new ChromeDriver(service, options);
    }
}
