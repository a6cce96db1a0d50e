package io.gridpulse.ingest;

import io.gridpulse.model.testing.TestClock;

import io.gridpulse.ingest.auth.ApiKeys;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.FileInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** With a certificate configured the edge speaks HTTPS only; a client that trusts the certificate gets through. */
class TlsTest {
    @TempDir
    static Path dir;
    private static Vertx vertx;
    private static IngestServer server;
    private static RecordingEventLog log;

    @BeforeAll
    static void start() throws Exception {
        var cert = dir.resolve("cert.pem");
        var key = dir.resolve("key.pem");
        // a self-signed certificate for 127.0.0.1, made by the openssl of the machine
        var openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                "-keyout", key.toString(), "-out", cert.toString()).redirectErrorStream(true).start();
        var output = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(openssl.waitFor()).as(output).isZero();

        vertx = Vertx.vertx();
        log = new RecordingEventLog();
        var config = new IngestConfig("127.0.0.1", 0, "unused:9092", "gp.events", ApiKeys.of(Map.of("t", TestIngest.KEY)),
                "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8), 16 * 1024, 100).withClock(TestClock.get())
                .withTls(new IngestConfig.Tls(cert, key));
        server = new IngestServer(config, log, null, new ManualAlertSource(), Duration.ofSeconds(15));
        vertx.deployVerticle(server).await(10, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    private static HttpClient trusting(Path cert) throws Exception {
        var store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        try (var in = new FileInputStream(cert.toFile())) {
            store.setCertificateEntry("edge", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        var trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        var tls = SSLContext.getInstance("TLS");
        tls.init(null, trust.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(5)).build();
    }

    @Test
    void anEventPostedOverHttpsIsAccepted() throws Exception {
        var answer = trusting(dir.resolve("cert.pem")).send(HttpRequest.newBuilder(
                        URI.create("https://127.0.0.1:" + server.port() + "/api/v1/events"))
                .header("Authorization", "Bearer " + TestIngest.KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Samples.demand(Samples.newId()))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        assertThat(answer.version()).isNotNull();
    }

    @Test
    void plainHttpGetsNoAnswer() {
        var plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        assertThatThrownBy(() -> plain.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.port() + "/health/live")).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(java.io.IOException.class);
    }
}
