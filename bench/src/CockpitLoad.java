// GridPulse cockpit benchmark (issue 5 acceptance): run by bench/cockpit-load.sh against a running
// GridPulse whose warehouse holds the events to measure with; needs standalone's test classpath
// (Selenium and the cockpit's HeadlessChromium) and Debian's chromium and chromedriver.
//
//   java -cp <standalone test classpath> bench/src/CockpitLoad.java COCKPIT_URL INGEST_URL USER PASSWORD API_KEY
//        [WALL_SAMPLES=10] [DRILL_ROUNDS=10] [PUSH_SAMPLES=10]
//
// wall: a fresh page load of /wall in a signed-in 1920x1080 browser, timed in the page from navigation start
//   (performance.now()) until the first meaningful paint: the four live counters and the twelve indicator tiles
//   hold their values (no placeholder left) and the map canvas is drawn. Each sample reloads the page.
// drill: on /map, a click on a region (the chart's click event with the region's name, as a person's click sends
//   it) timed in the page until the breadcrumb ends in that region: city > street > community > grid, through
//   DRILL_ROUNDS random lineages, the first round of each page load included.
// push: the wall stays open; an SOS of a fresh wristband is posted to the ingest; "landed" is the first poll
//   (every 50 ms) of GET /api/v1/alerts that returns its alert; "visible" is when a MutationObserver in the
//   page sees the wall's alert ticker name the wristband (browser and bench share this machine's clock).
//   Delay = visible - landed.
import io.gridpulse.cockpit.browser.HeadlessChromium;
import io.gridpulse.geo.region.Region;
import io.gridpulse.model.area.AreaCode;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

public class CockpitLoad {
    static final HttpClient HTTP = HttpClient.newHttpClient();

    public static void main(String[] a) throws Exception {
        String cockpit = a[0].replaceAll("/$", ""), ingest = a[1].replaceAll("/$", ""), user = a[2], password = a[3], key = a[4];
        int wallSamples = a.length > 5 ? Integer.parseInt(a[5]) : 10;
        int drillRounds = a.length > 6 ? Integer.parseInt(a[6]) : 10;
        int pushSamples = a.length > 7 ? Integer.parseInt(a[7]) : 10;
        var browser = HeadlessChromium.start(1920, 1080);
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        try {
            signIn(browser, cockpit, user, password);
            report("wall_first_paint_ms", wall(browser, cockpit, wallSamples));
            report("drill_down_ms", drill(browser, cockpit, drillRounds));
            report("push_visible_after_landed_ms", push(browser, cockpit, ingest, key, pushSamples));
        } finally {
            browser.quit();
        }
    }

    static List<Double> wall(WebDriver browser, String cockpit, int samples) {
        var out = new ArrayList<Double>();
        for (int i = 0; i < samples; i++) {
            browser.get(cockpit + "/wall");
            double ms = ((Number) ((JavascriptExecutor) browser).executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    const painted = () => {
                      const tiles = ['kpi-events', 'kpi-demands', 'kpi-open-alerts', 'kpi-breaches']
                        .map(id => document.getElementById(id)).filter(e => e);
                      const indicators = document.getElementById('wall-indicators');
                      return tiles.length > 0 && tiles.every(e => !e.textContent.includes('\\u2013'))
                        && indicators && indicators.children.length >= 12 && !indicators.textContent.includes('\\u2013')
                        && document.querySelector('#wall-map canvas');
                    };
                    const poll = () => painted() ? done(performance.now()) : setTimeout(poll, 10);
                    poll();""")).doubleValue();
            out.add(ms);
            System.out.printf("wall sample %d: %.0f ms%n", i + 1, ms);
        }
        return out;
    }

    static List<Double> drill(WebDriver browser, String cockpit, int rounds) {
        var region = Region.demo();
        var random = new Random(42);
        var city = region.roots().getFirst();
        var out = new ArrayList<Double>();
        for (int r = 0; r < rounds; r++) {
            browser.get(cockpit + "/map/" + city.code().value());
            new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> !d.findElements(By.cssSelector("#map-chart canvas")).isEmpty());
            var at = city;
            while (!region.children(at.code()).isEmpty()) {
                var kids = region.children(at.code());
                var next = kids.get(random.nextInt(kids.size()));
                double ms = ((Number) ((JavascriptExecutor) browser).executeAsyncScript("""
                        const name = arguments[0], done = arguments[arguments.length - 1];
                        const t0 = performance.now();
                        document.getElementById('map-chart').dispatchEvent(new CustomEvent('gp-chart-click', {detail: {name}}));
                        const poll = () => {
                          const crumb = document.getElementById('map-breadcrumb');
                          const last = crumb && crumb.lastElementChild;
                          if (last && last.textContent.trim() === name) done(performance.now() - t0); else setTimeout(poll, 5);
                        };
                        poll();""", next.name())).doubleValue();
                out.add(ms);
                System.out.printf("drill %s > %s: %.0f ms%n", at.name(), next.name(), ms);
                at = next;
            }
        }
        return out;
    }

    static List<Double> push(WebDriver browser, String cockpit, String ingest, String key, int samples) throws Exception {
        browser.get(cockpit + "/wall");
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> !d.findElements(By.id("alert-ticker")).isEmpty());
        var out = new ArrayList<Double>();
        for (int i = 0; i < samples; i++) {
            var device = "wb-bench-" + UUID.randomUUID().toString().substring(0, 8);
            ((JavascriptExecutor) browser).executeScript("""
                    const marker = arguments[0], ticker = document.getElementById('alert-ticker');
                    window.__seen = null;
                    if (window.__observer) window.__observer.disconnect();
                    window.__observer = new MutationObserver(() => {
                      if (window.__seen === null && ticker.textContent.includes(marker)) window.__seen = Date.now();
                    });
                    window.__observer.observe(ticker, {childList: true, subtree: true, characterData: true});""", device);
            var body = """
                    {"eventId":"%s","kind":"telemetry","occurredAt":"%s","source":"%s","gridCode":"439901001001001",
                     "deviceId":"%s","deviceType":"wristband","heartRate":80,"batteryPercent":70,"sos":true}"""
                    .formatted(UUID.randomUUID(), Instant.now(), device, device);
            var posted = HTTP.send(HttpRequest.newBuilder(URI.create(ingest + "/api/v1/events"))
                    .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (posted.statusCode() / 100 != 2) {
                throw new IllegalStateException("the SOS was refused: " + posted.statusCode() + " " + posted.body());
            }
            // the job may still be catching up after a start on stored data: "landed" waits for it (LAND_SECONDS),
            // the measure is what follows, from the alert in the warehouse to the wall
            long sent = System.currentTimeMillis();
            long landed = 0, deadline = sent + Long.getLong("landSeconds", 300) * 1000;
            while (landed == 0 && System.currentTimeMillis() < deadline) {
                var alerts = HTTP.send(HttpRequest.newBuilder(URI.create(ingest + "/api/v1/alerts?kind=device_sos&limit=50"))
                        .header("Authorization", "Bearer " + key).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (alerts.body().contains(device)) {
                    landed = System.currentTimeMillis();
                } else {
                    Thread.sleep(50);
                }
            }
            if (landed == 0) {
                throw new IllegalStateException("the SOS alert of " + device + " did not land within " + Long.getLong("landSeconds", 300) + " s");
            }
            if (landed - sent > 5_000) {
                System.out.println("(the SOS of " + device + " took " + (landed - sent) + " ms to land: the job was catching up)");
            }
            Object seen = null;
            while (seen == null && System.currentTimeMillis() < landed + 30_000) {
                seen = ((JavascriptExecutor) browser).executeScript("return window.__seen;");
                if (seen == null) {
                    Thread.sleep(20);
                }
            }
            if (seen == null) {
                throw new IllegalStateException("the wall did not show the SOS of " + device + " within 30 s of landing");
            }
            double delay = ((Number) seen).longValue() - landed;
            out.add(delay);
            System.out.printf("push sample %d: visible %.0f ms after landing%n", i + 1, delay);
            Thread.sleep(3_000);
        }
        return out;
    }

    static void signIn(WebDriver browser, String cockpit, String user, String password) {
        browser.get(cockpit + "/login");
        var wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        wait.until(d -> !d.findElements(By.cssSelector("vaadin-text-field[name='username'] input")).isEmpty());
        browser.findElement(By.cssSelector("vaadin-text-field[name='username'] input")).sendKeys(user);
        browser.findElement(By.cssSelector("vaadin-password-field[name='password'] input")).sendKeys(password, Keys.ENTER);
        wait.until(d -> !d.getCurrentUrl().contains("login"));
    }

    static void report(String name, List<Double> samples) {
        var sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        double p50 = percentile(sorted, 0.50), p95 = percentile(sorted, 0.95), max = sorted.getLast();
        System.out.printf("RESULT %s n=%d p50=%.0f p95=%.0f max=%.0f%n", name, sorted.size(), p50, p95, max);
    }

    static double percentile(List<Double> sorted, double q) {
        int i = (int) Math.ceil(q * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }
}
