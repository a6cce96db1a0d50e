package io.gridpulse.ingest;

import io.gridpulse.model.testing.TestClock;

import io.gridpulse.ingest.auth.ApiKeys;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Keys of a key file take effect, and lose it when revoked, while the edge runs. */
class KeyRevocationTest {
    @TempDir
    static Path dir;
    private static final String TERMINAL_KEY = ApiKeys.generate();
    private static Path file;
    private static Vertx vertx;
    private static IngestServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        file = dir.resolve("api-keys.json");
        write(false);
        vertx = Vertx.vertx();
        var config = new IngestConfig("127.0.0.1", 0, "unused:9092", "gp.events", ApiKeys.of(Map.of("ops", TestIngest.KEY)),
                "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8), 16 * 1024, 100).withClock(TestClock.get())
                .withApiKeysFile(file);
        server = new IngestServer(config, new RecordingEventLog(), null, new ManualAlertSource(), Duration.ofSeconds(15));
        vertx.deployVerticle(server).await(10, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    private static void write(boolean revoked) throws Exception {
        Files.writeString(file, "{\"keys\":[{\"client\":\"terminal-9\",\"sha256\":\"" + ApiKeys.hash(TERMINAL_KEY)
                + "\",\"rights\":[\"write\"],\"revoked\":" + revoked + "}]}");
        // a later modification time even on file systems with coarse timestamps
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(revoked ? 60 : 0))); // wall clock: file system time
    }

    private int post(String key) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/v1/events"))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Samples.demand(Samples.newId()))).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Test
    void aKeyRevokedInTheFileIsRefusedWithinSecondsWhileTheFixedKeysStay() throws Exception {
        assertThat(post(TERMINAL_KEY)).isEqualTo(202);

        write(true);
        var deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        int status = 202;
        while (status == 202 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            status = post(TERMINAL_KEY);
        }
        assertThat(status).isEqualTo(401);
        assertThat(post(TestIngest.KEY)).isEqualTo(202);
    }
}
