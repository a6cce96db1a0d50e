package io.gridpulse.standalone;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A county on its own boundaries and registry (GP_REGION_FILE, GP_HOUSEHOLDS_FILE, GP_DEVICES_FILE), started as an
 * operator starts it: the edge refuses a place outside the county, the job places a point in the county's grid, the
 * areas API lists the county, the registry holds its households, and the cockpit speaks HTTPS only. In a child JVM, as the cockpit's context is one
 * per JVM and the module's shared stack plays the demo region.
 */
class CountyRegionEndToEndTest {
    private static final Path EXAMPLES = Path.of("..", "docs", "examples").toAbsolutePath().normalize();

    @TempDir
    Path dataDir;
    private Process child;

    @AfterEach
    void stop() {
        if (child != null) {
            child.destroyForcibly();
        }
    }

    private static HttpClient trusting(Path cert) throws Exception {
        var store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        try (var in = Files.newInputStream(cert)) {
            store.setCertificateEntry("cockpit", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        var trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        var context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(context).connectTimeout(Duration.ofSeconds(5)).build();
    }

    @Test
    void everyPartRunsOnTheCountysOwnRegion() throws Exception {
        int ingestPort = SharedStack.freePort();
        int cockpitPort = SharedStack.freePort();
        // a county runs its cockpit over HTTPS (issue 12 item 12): a self-signed certificate from the machine's openssl
        var tls = Files.createDirectories(dataDir.resolveSibling(dataDir.getFileName() + "-tls"));
        var openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                "-keyout", tls.resolve("key.pem").toString(), "-out", tls.resolve("cert.pem").toString())
                .redirectErrorStream(true).start();
        var made = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(openssl.waitFor()).as(made).isZero();
        child = ChildGridPulse.start(dataDir, ingestPort, "county", Map.of(
                "GP_REGION_FILE", EXAMPLES.resolve("county-region.geojson").toString(),
                "GP_HOUSEHOLDS_FILE", EXAMPLES.resolve("county-households.csv").toString(),
                "GP_DEVICES_FILE", EXAMPLES.resolve("county-devices.csv").toString(),
                "GP_COCKPIT_PORT", Integer.toString(cockpitPort),
                "GP_COCKPIT_TLS_CERT", tls.resolve("cert.pem").toString(),
                "GP_COCKPIT_TLS_KEY", tls.resolve("key.pem").toString()));

        var login = trusting(tls.resolve("cert.pem")).send(HttpRequest.newBuilder(
                URI.create("https://127.0.0.1:" + cockpitPort + "/login")).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().firstValue("Strict-Transport-Security")).isPresent();
        assertThat(login.headers().firstValue("Content-Security-Policy")).hasValue("frame-ancestors 'none'");
        assertThatThrownBy(() -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + cockpitPort + "/login")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString())).as("no plain HTTP beside it").isInstanceOf(java.io.IOException.class);
        assertThat(Files.readString(dataDir.resolveSibling(dataDir.getFileName() + "-county.log"), StandardCharsets.UTF_8))
                .contains("https://127.0.0.1:" + cockpitPort + "/");
        var api = new Api("http://127.0.0.1:" + ingestPort, Files.readString(dataDir.resolve("secrets/demo-api-key")).trim());

        var areas = api.get("/api/v1/areas");
        assertThat(areas.body()).contains("\"code\":\"439902\"").doesNotContain("439901");

        var demoGrid = api.post("/api/v1/events", Api.demand(Api.newEventId(), "439901001001001"));
        assertThat(demoGrid.statusCode()).isEqualTo(400);
        assertThat(demoGrid.body()).contains("/gridCode").contains("is not an area of 青禾县");

        var atAPoint = Api.demand(Api.newEventId(), "439902001").replace("\"gridCode\":\"439902001\"",
                "\"point\":{\"lon\":113.18,\"lat\":28.05,\"crs\":\"WGS84\"}");
        var accepted = api.post("/api/v1/events", atAPoint);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);

        var deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        var counts = "";
        while (System.nanoTime() < deadline && !counts.contains("\"streetCode\":\"439902001\"")) {
            Thread.sleep(500);
            counts = api.get("/api/v1/event-counts").body();
        }
        assertThat(counts).as("the job placed the point in the county's street").contains("\"streetCode\":\"439902001\"");

        var log = dataDir.resolveSibling(dataDir.getFileName() + "-county.log");
        deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline && !Files.readString(log, StandardCharsets.UTF_8).contains("household registry:")) {
            Thread.sleep(250);
        }
        assertThat(Files.readString(log, StandardCharsets.UTF_8))
                .contains("region: county-region.geojson (sha256 ")
                .contains("household registry: 5 households of GP_HOUSEHOLDS_FILE");
    }
}
