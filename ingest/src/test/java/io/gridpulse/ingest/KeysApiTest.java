package io.gridpulse.ingest;

import io.gridpulse.ingest.auth.ApiKeys;
import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.keys.KeyGrant;
import io.gridpulse.model.keys.KeyMaterial;
import io.gridpulse.model.keys.Right;
import io.gridpulse.model.testing.TestClock;
import io.gridpulse.warehouse.audit.AuditLog;
import io.gridpulse.warehouse.keys.ApiKeyStore;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /api/v1/keys} (issue 19 part 5): a provisioning system with the keys right manages the keys of its own
 * areas, never a stronger key than its own; a key it makes is in force within seconds and refused once revoked.
 */
class KeysApiTest {
    /** A street's provisioning system: it may write and manage keys, in street 439901001. */
    private static final String PROVISIONER = "gpk_street-provisioner-0123456789";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Vertx vertx;
    private static IngestServer server;
    private static AuditLog audit;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        var keys = ApiKeys.ofGrants(Map.of(
                TestIngest.KEY, KeyGrant.unrestricted("ops"),
                PROVISIONER, new KeyGrant("street-provisioner", EnumSet.of(Right.WRITE, Right.KEYS),
                        List.of(AreaCode.of("439901001")), Set.of(), 100, 200)));
        var config = new IngestConfig("127.0.0.1", 0, "unused:9092", "gp.events", keys,
                TestIngest.PSEUDONYM_KEY, 16 * 1024, 100).withClock(TestClock.get());
        audit = AuditLog.of(TestWarehouse.shared(), TestClock.get());
        server = new IngestServer(config, new RecordingEventLog(), TestWarehouse.shared(), new ManualAlertSource(),
                Duration.ofSeconds(15)).auditedBy(audit);
        vertx.deployVerticle(server).await(10, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void aStreetsProvisionerMakesAKeyOfItsStreetThatWorksWithinSecondsAndIsRefusedOnceRevoked() throws Exception {
        var made = send("POST", "/api/v1/keys", PROVISIONER, """
                {"client":"api-kiosk-1","rights":["write"],"kinds":["demand.created"],"perSecond":5,"burst":10}""");
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        var body = new JsonObject(made.body());
        var key = body.getString("key");
        assertThat(key).startsWith("gpk_");
        assertThat(body.getJsonArray("areas").getList()).as("its own areas when none are named").containsExactly("439901001");
        assertThat(made.headers().firstValue("Location")).hasValue("/api/v1/keys/api-kiosk-1");
        var kept = new ApiKeyStore(TestWarehouse.shared()).find("api-kiosk-1").orElseThrow();
        assertThat(kept.sha256()).isEqualTo(KeyMaterial.sha256Hex(key));
        assertThat(kept.createdBy()).isEqualTo("api:street-provisioner");
        assertThat(audit.latest(1)).singleElement().satisfies(e ->
                assertThat(e.user() + " " + e.action() + " " + e.target()).isEqualTo("api:street-provisioner key_created key api-kiosk-1"));

        assertThat(settled(key, 401)).as("in force within seconds").isEqualTo(202);
        var listed = new JsonObject(send("GET", "/api/v1/keys", PROVISIONER, null).body());
        assertThat(listed.getJsonArray("keys").stream().map(k -> ((JsonObject) k).getString("client"))).contains("api-kiosk-1");
        assertThat(listed.encode()).doesNotContain(key);

        assertThat(send("DELETE", "/api/v1/keys/api-kiosk-1", PROVISIONER, null).statusCode()).isEqualTo(204);
        assertThat(settled(key, 202)).as("refused within seconds").isEqualTo(401);
        assertThat(send("POST", "/api/v1/keys/api-kiosk-1/rotate", PROVISIONER, null).statusCode()).isEqualTo(409);
    }

    @Test
    void aProvisionerCannotReachOutsideItsAreasNorHandOutRightsItLacks() throws Exception {
        var elsewhere = send("POST", "/api/v1/keys", PROVISIONER, """
                {"client":"api-elsewhere","rights":["write"],"areas":["439901002"]}""");
        assertThat(elsewhere.statusCode()).isEqualTo(403);
        assertThat(elsewhere.body()).contains("/areas/0");

        var stronger = send("POST", "/api/v1/keys", PROVISIONER, """
                {"client":"api-reader","rights":["write","read"]}""");
        assertThat(stronger.statusCode()).isEqualTo(403);
        assertThat(stronger.body()).contains("/rights/1", "does not hold itself");

        var wrong = send("POST", "/api/v1/keys", PROVISIONER, """
                {"client":"API Kiosk","rights":["fly"],"perSecond":-1,"colour":"red"}""");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("/colour");
        var typed = send("POST", "/api/v1/keys", PROVISIONER, """
                {"client":"API Kiosk","rights":["fly"],"perSecond":-1,"burst":1.5}""");
        assertThat(typed.statusCode()).isEqualTo(400);
        assertThat(typed.body()).contains("/client", "/rights/0", "/perSecond");

        // a whole-region key is not the street's to see or touch
        var regionWide = send("POST", "/api/v1/keys", TestIngest.KEY, """
                {"client":"api-bridge","rights":["read"]}""");
        assertThat(regionWide.statusCode()).as(regionWide.body()).isEqualTo(201);
        assertThat(send("GET", "/api/v1/keys", PROVISIONER, null).body()).doesNotContain("api-bridge");
        assertThat(send("DELETE", "/api/v1/keys/api-bridge", PROVISIONER, null).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/api/v1/keys", "gpk_unknown-0123456789", null).statusCode()).isEqualTo(401);
        assertThat(new ApiKeyStore(TestWarehouse.shared()).find("api-elsewhere")).as("nothing stored from a refusal").isEmpty();
    }

    /** The status the edge answers with the key once it has stopped answering {@code not}, within 15 s. */
    private static int settled(String key, int not) throws Exception {
        var deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        int status = not;
        while (status == not && System.nanoTime() < deadline) {
            Thread.sleep(200);
            status = send("POST", "/api/v1/events", key, Samples.demand(Samples.newId())).statusCode();
        }
        return status;
    }

    private static HttpResponse<String> send(String method, String path, String key, String body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Authorization", "Bearer " + key).timeout(Duration.ofSeconds(15))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
