package io.gridpulse.ingest;

import io.gridpulse.ingest.notify.SubscriptionSecrets;
import io.gridpulse.warehouse.Warehouse;
import io.gridpulse.warehouse.notify.SubscriptionStore;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST/GET/DELETE /api/v1/subscriptions} over a real embedded warehouse. */
class SubscriptionsEndpointTest {
    private static final String PATH = "/api/v1/subscriptions";
    private static final String VALID = """
            {"channel":"webhook","url":"https://duty.example.gov.cn/hook","secret":"s3cret-0123456789abcdef",
             "areas":["439901001"],"kinds":["sla_breach","device_sos"],"minSeverity":"major"}""";
    private static Warehouse warehouse;
    private static TestIngest ingest;

    @BeforeAll
    static void start() {
        warehouse = TestWarehouse.shared();
        ingest = TestIngest.start(warehouse, new ManualAlertSource(), Duration.ofSeconds(15));
    }

    @AfterAll
    static void stop() {
        ingest.close();
    }

    @BeforeEach
    void noSubscriptions() {
        warehouse.clickHouse().execute("TRUNCATE TABLE gridpulse.subscriptions");
    }

    private static HttpResponse<String> post(String key, String body) {
        return ingest.send(ingest.request(PATH).header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }

    private static HttpResponse<String> delete(String key, String id) {
        return ingest.send(ingest.request(PATH + "/" + id).header("Authorization", "Bearer " + key).DELETE().build());
    }

    private static long stored() {
        return warehouse.clickHouse().count(io.gridpulse.warehouse.sql.Sql.of(
                "SELECT count() AS n FROM gridpulse.subscriptions FINAL WHERE deleted = 0"));
    }

    @Test
    void aSubscriptionIsMadeListedAndDeletedAndItsSecretIsNeverShownNorStoredPlain() {
        var created = post(TestIngest.KEY, VALID);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        var body = new JsonObject(created.body());
        var id = body.getString("id");
        assertThat(created.headers().firstValue("Location")).contains(PATH + "/" + id);
        assertThat(body.getString("url")).isEqualTo("https://duty.example.gov.cn/hook");
        assertThat(body.getJsonArray("areas").getList()).containsExactly("439901001");
        assertThat(body.getJsonArray("kinds").getList()).containsExactly("device_sos", "sla_breach");
        assertThat(body.getString("minSeverity")).isEqualTo("major");
        assertThat(created.body()).doesNotContain("s3cret");

        var listed = ingest.get(PATH, TestIngest.KEY);
        assertThat(new JsonObject(listed.body()).getJsonArray("items").getJsonObject(0).getString("id")).isEqualTo(id);
        assertThat(listed.body()).doesNotContain("s3cret");
        var sealed = warehouse.clickHouse().query("SELECT secret_sealed FROM gridpulse.subscriptions").getFirst()
                .get("secret_sealed").toString();
        assertThat(sealed).doesNotContain("s3cret");
        var store = new SubscriptionStore(warehouse, SubscriptionSecrets.box(TestIngest.PSEUDONYM_KEY));
        assertThat(store.find(id).orElseThrow().secret()).as("the dispatcher opens it").isEqualTo("s3cret-0123456789abcdef");

        assertThat(delete(TestIngest.READER_KEY, id).statusCode()).as("another client's is not theirs to delete").isEqualTo(404);
        assertThat(new JsonObject(ingest.get(PATH, TestIngest.READER_KEY).body()).getJsonArray("items")).isEmpty();
        assertThat(delete(TestIngest.KEY, id).statusCode()).isEqualTo(204);
        assertThat(new JsonObject(ingest.get(PATH, TestIngest.KEY).body()).getJsonArray("items")).isEmpty();
        assertThat(delete(TestIngest.KEY, id).statusCode()).isEqualTo(404);
    }

    @Test
    void everyProblemIsNamedByItsPointerAndNothingIsStored() {
        var refused = post(TestIngest.KEY, """
                {"channel":"sms","url":"ftp://example.org/x","secret":"short","areas":["439901999","x"],
                 "kinds":["sla_breach","fire"],"minSeverity":"huge","colour":"red"}""");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).contains("application/problem+json");
        var pointers = new JsonObject(refused.body()).getJsonArray("errors").stream()
                .map(e -> ((JsonObject) e).getString("pointer")).toList();
        assertThat(pointers).containsExactlyInAnyOrder("/colour", "/channel", "/url", "/secret", "/areas/0", "/areas/1",
                "/kinds/1", "/minSeverity");
        assertThat(post(TestIngest.KEY, "[1,2]").statusCode()).isEqualTo(400);
        var weComWithSecret = post(TestIngest.KEY, VALID.replace("\"webhook\"", "\"wecom\""));
        assertThat(weComWithSecret.statusCode()).isEqualTo(400);
        assertThat(weComWithSecret.body()).contains("/secret").contains("must be left out for wecom");
        assertThat(post(TestIngest.KEY, VALID.replace(",\"secret\":\"s3cret-0123456789abcdef\"", "")).body())
                .as("a webhook needs its secret").contains("/secret");
        assertThat(post(TestIngest.KEY, "{not json").statusCode()).isEqualTo(400);
        assertThat(stored()).isZero();
    }

    @Test
    void aScopedKeySubscribesOnlyWithinItsAreasAndAWriteOnlyKeyNotAtAll() {
        var outside = post(TestIngest.STREET_KEY, VALID.replace("439901001", "439901002"));
        assertThat(outside.statusCode()).isEqualTo(403);
        assertThat(outside.body()).contains("/areas/0").contains("is outside the areas of this subscriber");
        var own = post(TestIngest.STREET_KEY, VALID.replace("\"areas\":[\"439901001\"],", ""));
        assertThat(own.statusCode()).as(own.body()).isEqualTo(201);
        assertThat(new JsonObject(own.body()).getJsonArray("areas").getList()).as("its own street, never the region")
                .containsExactly("439901001");
        assertThat(post(TestIngest.SLOW_KEY, VALID).statusCode()).isEqualTo(403);
        assertThat(stored()).isEqualTo(1);
    }
}
