package io.gridpulse.ingest;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static io.gridpulse.ingest.Samples.demand;
import static io.gridpulse.ingest.Samples.newId;
import static io.gridpulse.ingest.Samples.oneLine;
import static io.gridpulse.ingest.TestIngest.KEY;
import static io.gridpulse.ingest.TestIngest.READER_KEY;
import static io.gridpulse.ingest.TestIngest.SLOW_KEY;
import static io.gridpulse.ingest.TestIngest.STREET_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Malformed requests of every sort against the real server: each gets its precise 4xx as
 * problem+json naming the member at fault, nothing reaches the log, and the server keeps serving.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadInputTest {
    private static final String EVENTS = "/api/v1/events";
    private static final String BATCH = "/api/v1/events:batch";
    private static final String JSON = "application/json";
    private static final String NDJSON = "application/x-ndjson";
    private static final String ALERTS = "/api/v1/alerts";
    private static final String ALERTS_STREAM = "/api/v1/alerts/stream";
    private static final String AREAS = "/api/v1/areas";
    private static TestIngest ingest;

    /**
     * One malformed request and what it must get: a status and, where something is at fault, its
     * name: a JSON Pointer into the body, or the query parameter or header.
     */
    record Case(HttpRequest request, int status, String pointer) {}

    @BeforeAll
    static void start() {
        ingest = TestIngest.start();
    }

    @AfterAll
    static void stop() throws Exception {
        ingest.close();
    }

    static Stream<Arguments> malformedRequests() {
        var cases = new ArrayList<Arguments>();
        Consumer4 add = (name, request, status, pointer) ->
                cases.add(Arguments.of(Named.of(name, new Case(request, status, pointer))));

        // syntax
        add.accept("a truncated JSON object", one("{\"eventId\": "), 400, "");
        add.accept("trailing garbage after the object", one(demand(newId()) + " x"), 400, "");
        add.accept("single-quoted strings", one(demand(newId()).replace('"', '\'')), 400, "");
        add.accept("a NaN number", one(event(e -> e.put("kind", "telemetry").put("deviceId", "d").put("deviceType", "kiosk"))
                .replace("\"source\"", "\"heartRate\":NaN,\"source\"")), 400, "");
        add.accept("a comment inside the object", one(demand(newId()).replace("{", "{/* hi */")), 400, "");
        add.accept("a member given twice", one(demand(newId()).replace("{", "{\"caseId\":\"c-0\",")), 400, "/caseId");
        add.accept("a JSON array sent to the single-event route", one("[" + demand(newId()) + "]"), 400, "");
        add.accept("a bare JSON string", one("\"hello\""), 400, "");
        add.accept("whitespace only", one("  \n\t "), 400, "");
        add.accept("an empty body", one(""), 400, null);
        add.accept("JSON nested 3,000 levels deep", one("{\"eventId\":" + "[".repeat(3000) + "]".repeat(3000) + "}"), 400, "");

        // types
        add.accept("eventId as a number", one(event(e -> e.put("eventId", 12345678))), 400, "/eventId");
        add.accept("occurredAt as epoch millis", one(event(e -> e.put("occurredAt", 1_790_000_000_000L))), 400, "/occurredAt");
        add.accept("kind as an object", one(event(e -> e.put("kind", new JsonObject()))), 400, "/kind");
        add.accept("durationMinutes as a string", one(visit(e -> e.put("durationMinutes", "25"))), 400, "/durationMinutes");
        add.accept("durationMinutes with a fraction", one(visit(e -> e.put("durationMinutes", 2.5))), 400, "/durationMinutes");
        add.accept("sos as \"yes\"", one(telemetry(e -> e.put("sos", "yes"))), 400, "/sos");
        add.accept("the resident as a string", one(event(e -> e.put("resident", "11010519491231002X"))), 400, "/resident");

        // ranges and values
        add.accept("an unknown kind", one(event(e -> e.put("kind", "demand.teleported"))), 400, "/kind");
        add.accept("an unknown member", one(event(e -> e.put("priority", "high"))), 400, "/priority");
        add.accept("schema version 2", one(event(e -> e.put("schema", 2))), 400, "/schema");
        add.accept("an eventId too short to be an id", one(event(e -> e.put("eventId", "abc"))), 400, "/eventId");
        add.accept("no eventId", one(event(e -> e.remove("eventId"))), 400, "/eventId");
        add.accept("an event time a year ahead", one(event(e -> e.put("occurredAt", "2099-01-01T00:00:00+08:00"))), 400, "/occurredAt");
        add.accept("an event time years old", one(event(e -> e.put("occurredAt", "2020-01-01T00:00:00+08:00"))), 400, "/occurredAt");
        add.accept("an event time without offset", one(event(e -> e.put("occurredAt", "2026-11-23T09:00:00"))), 400, "/occurredAt");
        add.accept("a 31st of February", one(event(e -> e.put("occurredAt", "2026-02-31T09:00:00+08:00"))), 400, "/occurredAt");
        add.accept("a grid code of 7 digits", one(event(e -> e.put("gridCode", "4399010"))), 400, "/gridCode");
        add.accept("a grid code with letters", one(event(e -> e.put("gridCode", "43990100100100A"))), 400, "/gridCode");
        add.accept("neither grid code nor point", one(event(e -> e.remove("gridCode"))), 400, "/gridCode");
        add.accept("a longitude of 200", one(point(200, 28.2, "WGS84")), 400, "/point/lon");
        add.accept("a latitude of -91", one(point(112.9, -91, "WGS84")), 400, "/point/lat");
        add.accept("an unknown coordinate system", one(point(112.9, 28.2, "EPSG:3857")), 400, "/point/crs");
        add.accept("a heart rate of 500", one(telemetry(e -> e.put("heartRate", 500))), 400, "/heartRate");
        add.accept("a battery at -1 percent", one(telemetry(e -> e.put("batteryPercent", -1))), 400, "/batteryPercent");
        add.accept("a rating of 6 stars", one(Samples.feedback(newId()).replace("\"rating\":4", "\"rating\":6")), 400, "/rating");
        add.accept("an ID number with a wrong check digit", one(demand(newId()).replace("002X", "0021")), 400, "/resident/idNumber");
        add.accept("a control character in source", one(event(e -> e.put("source", "term\u0007inal"))), 400, "/source");
        add.accept("a source of 129 characters", one(event(e -> e.put("source", "s".repeat(129)))), 400, "/source");
        add.accept("a description of 2,001 characters", one(event(e -> e.put("description", "d".repeat(2001)))), 400, "/description");

        // encodings
        add.accept("an invalid UTF-8 byte", one(bytes(demand(newId()), "terminal-1", new byte[] {'t', (byte) 0xFF, 'x'})), 400, "");
        add.accept("a truncated UTF-8 sequence", one(bytes(demand(newId()), "terminal-1", new byte[] {'t', (byte) 0xE4, (byte) 0xB8})), 400, "");
        add.accept("an overlong UTF-8 encoding of /", one(bytes(demand(newId()), "terminal-1", new byte[] {(byte) 0xC0, (byte) 0xAF})), 400, "");
        add.accept("an encoded UTF-16 surrogate", one(bytes(demand(newId()), "terminal-1", new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80})), 400, "");
        add.accept("a UTF-8 byte order mark", one(concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8(demand(newId())))), 400, "");
        add.accept("a UTF-16LE body without BOM", one(demand(newId()).getBytes(StandardCharsets.UTF_16LE)), 400, "");
        add.accept("a UTF-16 body with BOM", one(demand(newId()).getBytes(StandardCharsets.UTF_16)), 400, "");
        add.accept("bytes a JSON parser would take for UCS-4 of unknown order", one(new byte[] {0, '{', 0, 0}), 400, "");
        add.accept("a UTF-32 body", one(demand(newId()).getBytes(java.nio.charset.Charset.forName("UTF-32BE"))), 400, "");
        add.accept("charset=iso-8859-1 declared", post(EVENTS, KEY, JSON + "; charset=iso-8859-1", utf8(demand(newId()))), 415, null);

        // size
        add.accept("a body over the 16 KiB limit", one(event(e -> e.put("description", "d".repeat(20_000)))), 413, null);
        add.accept("a batch over the 64 KiB limit", batchJson(IntStream.range(0, 40)
                .mapToObj(i -> event(e -> e.put("description", "d".repeat(1900)))).toList()), 413, null);
        add.accept("a batch of 11 events where 10 are allowed", batchJson(IntStream.range(0, 11).mapToObj(i -> demand(newId())).toList()), 413, null);

        // authentication
        add.accept("no API key", post(EVENTS, null, JSON, utf8(demand(newId()))), 401, null);
        add.accept("an unknown API key", post(EVENTS, "gpk_not-a-key-at-all", JSON, utf8(demand(newId()))), 401, null);
        add.accept("an empty bearer token", withAuth("Bearer ", demand(newId())), 401, null);
        add.accept("the key under the Basic scheme", withAuth("Basic " + java.util.Base64.getEncoder()
                .encodeToString(("terminal:" + KEY).getBytes(StandardCharsets.UTF_8)), demand(newId())), 401, null);
        add.accept("the key in the query string", post(EVENTS + "?api_key=" + KEY, null, JSON, utf8(demand(newId()))), 401, null);
        add.accept("a key of 1,000 characters", post(EVENTS, "k".repeat(1_000), JSON, utf8(demand(newId()))), 401, null);
        add.accept("no key on a batch", post(BATCH, null, JSON, utf8("[" + demand(newId()) + "]")), 401, null);

        // paths
        add.accept("a dot-dot segment /api/v1/../v1/events", post("/api/v1/../v1/events", KEY, JSON, utf8(demand(newId()))), 400, null);
        add.accept("a dot segment /api/v1/./events", post("/api/v1/./events", KEY, JSON, utf8(demand(newId()))), 400, null);
        add.accept("a double slash //api/v1/events", post("//api/v1/events", KEY, JSON, utf8(demand(newId()))), 400, null);
        add.accept("an encoded slash /api/v1/events%2F..", post("/api/v1/events%2F..", KEY, JSON, utf8(demand(newId()))), 400, null);
        add.accept("an encoded dot-dot /api/v1/%2e%2e/v1/events", post("/api/v1/%2e%2e/v1/events", KEY, JSON, utf8(demand(newId()))), 400, null);
        add.accept("a path that auth does not cover /API/v1/events", post("/API/v1/events", KEY, JSON, utf8(demand(newId()))), 404, null);
        add.accept("an unknown version /api/v2/events", post("/api/v2/events", KEY, JSON, utf8(demand(newId()))), 404, null);

        // methods
        add.accept("GET on the events route", method("GET", EVENTS, null), 405, null);
        add.accept("PUT on the events route", method("PUT", EVENTS, utf8(demand(newId()))), 405, null);
        add.accept("DELETE on the batch route", method("DELETE", BATCH, null), 405, null);
        add.accept("POST to the OpenAPI document", method("POST", "/api/v1/openapi.yaml", utf8("{}")), 405, null);

        // content types
        add.accept("text/plain", post(EVENTS, KEY, "text/plain", utf8(demand(newId()))), 415, null);
        add.accept("no Content-Type", post(EVENTS, KEY, null, utf8(demand(newId()))), 415, null);
        add.accept("a form-encoded body", post(EVENTS, KEY, "application/x-www-form-urlencoded", utf8("eventId=x&kind=visit")), 415, null);
        add.accept("NDJSON on the single-event route", post(EVENTS, KEY, NDJSON, utf8(oneLine(demand(newId())))), 415, null);
        add.accept("a batch as text/csv", post(BATCH, KEY, "text/csv", utf8("eventId,kind\nx,visit")), 415, null);

        // batches
        add.accept("a batch whose every item is invalid", batchJson(List.of(
                event(e -> e.put("gridCode", "1")), event(e -> e.put("occurredAt", "yesterday")))), 400, "/1/occurredAt");
        add.accept("a batch of things that are not objects", batchJson(List.of("1", "\"two\"", "null")), 400, "/2");
        add.accept("an empty batch", batchJson(List.of()), 400, "");
        add.accept("a batch that is an object, not an array", post(BATCH, KEY, JSON, utf8(demand(newId()))), 400, "");
        add.accept("a batch array missing a comma", post(BATCH, KEY, JSON, utf8("[" + demand(newId()) + " " + demand(newId()) + "]")), 400, "/1");
        add.accept("a batch array never closed", post(BATCH, KEY, JSON, utf8("[" + demand(newId()))), 400, "/1");
        add.accept("NDJSON with a broken third line", post(BATCH, KEY, NDJSON, utf8(oneLine(demand(newId())) + "\n"
                + oneLine(demand(newId())) + "\n{\"eventId\":\n")), 400, "/2");
        add.accept("NDJSON with a blank second line", post(BATCH, KEY, NDJSON, utf8(oneLine(demand(newId())) + "\n\n"
                + oneLine(demand(newId())))), 400, "/1");
        add.accept("NDJSON with two events on one line", post(BATCH, KEY, NDJSON, utf8(oneLine(demand(newId()))
                + oneLine(demand(newId())))), 400, "/0");
        add.accept("NDJSON of 11 lines where 10 are allowed", post(BATCH, KEY, NDJSON, utf8(IntStream.range(0, 11)
                .mapToObj(i -> oneLine(demand(newId()))).collect(Collectors.joining("\n")))), 413, null);
        add.accept("a batch in UTF-16", post(BATCH, KEY, JSON, ("[" + demand(newId()) + "]").getBytes(StandardCharsets.UTF_16)), 400, "");

        // alert listing and stream parameters
        add.accept("an alert area code of 7 digits", get(ALERTS + "?area=4399010"), 400, "area");
        add.accept("an alert area code with letters", get(ALERTS + "?area=43990100A"), 400, "area");
        add.accept("an unknown alert kind", get(ALERTS + "?kind=sla_panic"), 400, "kind");
        add.accept("an alert status of closed", get(ALERTS + "?status=closed"), 400, "status");
        add.accept("an alert severity of urgent", get(ALERTS + "?severity=urgent"), 400, "severity");
        add.accept("since as a date without time", get(ALERTS + "?since=2026-11-23"), 400, "since");
        add.accept("since with its + unencoded (a space)", get(ALERTS + "?since=2026-11-23T09:00:00+08:00"), 400, "since");
        add.accept("since without offset", get(ALERTS + "?since=2026-11-23T09:00:00"), 400, "since");
        add.accept("since as epoch seconds", get(ALERTS + "?since=1790000000"), 400, "since");
        add.accept("until in the year 9999", get(ALERTS + "?until=9999-01-01T00:00:00Z"), 400, "until");
        add.accept("until before since", get(ALERTS + "?since=2026-11-23T02:00:00Z&until=2026-11-23T01:00:00Z"), 400, "until");
        add.accept("a limit of 0", get(ALERTS + "?limit=0"), 400, "limit");
        add.accept("a limit of 501", get(ALERTS + "?limit=501"), 400, "limit");
        add.accept("a limit of abc", get(ALERTS + "?limit=abc"), 400, "limit");
        add.accept("a limit of -1", get(ALERTS + "?limit=-1"), 400, "limit");
        add.accept("a cursor that is not base64url", get(ALERTS + "?cursor=%21%21%21"), 400, "cursor");
        add.accept("a cursor forged from other text", get(ALERTS + "?cursor=aGVsbG8gd29ybGQ"), 400, "cursor");
        add.accept("a caseId of 129 characters", get(ALERTS + "?caseId=" + "c".repeat(129)), 400, "caseId");
        add.accept("a parameter given twice", get(ALERTS + "?kind=sla_breach&kind=sla_warning"), 400, "kind");
        add.accept("an empty parameter", get(ALERTS + "?kind="), 400, "kind");
        add.accept("an unknown alert parameter", get(ALERTS + "?sort=asc"), 400, "sort");
        add.accept("a listing parameter on the stream", get(ALERTS_STREAM + "?limit=10"), 400, "limit");
        add.accept("a bad area on the stream", get(ALERTS_STREAM + "?area=x"), 400, "area");
        add.accept("a Last-Event-ID that is not a number", get(ALERTS_STREAM, "Last-Event-ID", "abc"), 400, "Last-Event-ID");
        add.accept("a negative Last-Event-ID", get(ALERTS_STREAM, "Last-Event-ID", "-5"), 400, "Last-Event-ID");
        add.accept("a Last-Event-ID beyond any offset", get(ALERTS_STREAM, "Last-Event-ID", "9".repeat(19)), 400, "Last-Event-ID");
        add.accept("a lastEventId parameter that is not a number", get(ALERTS_STREAM + "?lastEventId=1.5"), 400, "lastEventId");
        add.accept("no key on the alert stream", ingest.request(ALERTS_STREAM).GET().build(), 401, null);
        add.accept("POST to the alerts", method("POST", ALERTS, utf8("{}")), 405, null);

        // the region: events must lie in it
        add.accept("a gridCode of no area in the region", one(event(e -> e.put("gridCode", "439901099001001"))), 400, "/gridCode");
        add.accept("a gridCode of another county", one(event(e -> e.put("gridCode", "110105001001001"))), 400, "/gridCode");
        add.accept("a point in the Gulf of Guinea", one(event(e -> e.remove("gridCode"))
                .replaceFirst("\\{", "{\"point\":{\"lon\":0.0,\"lat\":0.0},")), 400, "/point");
        add.accept("a point in Beijing read as GCJ-02", one(event(e -> e.remove("gridCode"))
                .replaceFirst("\\{", "{\"point\":{\"lon\":116.397,\"lat\":39.909,\"crs\":\"GCJ-02\"},")), 400, "/point");
        add.accept("a batch whose only item lies outside the region",
                batchJson(List.of(event(e -> e.put("gridCode", "439901099001001")))), 400, "/0/gridCode");

        // scope: what a key may send and read
        add.accept("a street terminal writing into another street",
                post(EVENTS, STREET_KEY, JSON, utf8(event(e -> e.put("gridCode", "439901002001001")))), 403, "/gridCode");
        add.accept("a street terminal sending telemetry it may not send",
                post(EVENTS, STREET_KEY, JSON, utf8(Samples.telemetry(newId()))), 403, "/kind");
        add.accept("a street terminal's batch item from another street",
                post(BATCH, STREET_KEY, JSON, utf8("[" + event(e -> e.put("gridCode", "439901003001001")) + "]")), 400, "/0/gridCode");
        add.accept("a read-only key posting an event", post(EVENTS, READER_KEY, JSON, utf8(demand(newId()))), 403, null);
        add.accept("a read-only key posting a batch", post(BATCH, READER_KEY, JSON, utf8("[" + demand(newId()) + "]")), 403, null);
        add.accept("a street key reading another street's alerts", get(ALERTS + "?area=439901002", STREET_KEY), 403, "area");
        add.accept("a street key reading the county's alerts", get(ALERTS + "?area=439901", STREET_KEY), 403, "area");
        add.accept("a street key streaming another street's alerts", get(ALERTS_STREAM + "?area=439901002001", STREET_KEY), 403, "area");
        add.accept("a street key reading the whole region's counts", get("/api/v1/event-counts", STREET_KEY), 403, null);
        add.accept("a street key listing another street's communities", get(AREAS + "?parent=439901002", STREET_KEY), 403, "area");
        add.accept("a street key opening another street", get(AREAS + "/439901002", STREET_KEY), 403, "area");
        add.accept("a key without the metrics right scraping metrics", get("/metrics", READER_KEY), 403, null);
        add.accept("a batch larger than the key's burst",
                post(BATCH, SLOW_KEY, JSON, utf8("[" + demand(newId()) + "," + demand(newId()) + "," + demand(newId()) + "]")), 413, null);

        // indicators
        add.accept("indicators of an unknown period", get("/api/v1/kpis?period=decade"), 400, "period");
        add.accept("indicators of the 13th month", get("/api/v1/kpis?period=2026-13"), 400, "period");
        add.accept("indicators of an area not in the region", get("/api/v1/kpis?area=110105"), 400, "area");
        add.accept("indicators of another street for a street key", get("/api/v1/kpis?area=439901002", STREET_KEY), 403, "area");
        add.accept("an unknown parameter on indicators", get("/api/v1/kpis?month=11"), 400, "month");

        // the area hierarchy
        add.accept("areas under a parent that is not a code", get(AREAS + "?parent=abc"), 400, "parent");
        add.accept("areas under a parent outside the region", get(AREAS + "?parent=110105"), 400, "parent");
        add.accept("areas of an unknown level", get(AREAS + "?level=village"), 400, "level");
        add.accept("an unknown parameter on areas", get(AREAS + "?depth=2"), 400, "depth");
        add.accept("an area that does not exist", get(AREAS + "/439901099"), 404, null);
        return cases.stream();
    }

    @Order(1)
    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedRequests")
    void aMalformedRequestGetsItsProblemAndStoresNothing(Case bad) {
        ingest.log.reset();
        var answer = ingest.send(bad.request());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(bad.status());
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        var problem = new JsonObject(answer.body());
        assertThat(problem.getInteger("status")).isEqualTo(bad.status());
        assertThat(problem.getString("type")).startsWith("https://gridpulse.io/problems/");
        assertThat(problem.getString("detail")).isNotBlank();
        if (bad.pointer() != null) {
            var errors = problem.getJsonArray("errors", new JsonArray());
            assertThat(errors.stream().map(e -> named((JsonObject) e))).as(answer.body()).contains(bad.pointer());
        }
        assertThat(ingest.log.appended).isEmpty();
    }

    @Order(2)
    @Test
    void afterAllOfThemTheServerStillAcceptsAValidEvent() {
        var id = newId();
        var answer = ingest.post(EVENTS, JSON, demand(id));
        assertThat(answer.statusCode()).isEqualTo(202);
        assertThat(ingest.log.appended).singleElement().satisfies(a -> assertThat(a.key()).isEqualTo(id));
    }

    /** What an error names: a body member, a query parameter or a header. */
    private static String named(JsonObject error) {
        return error.containsKey("pointer") ? error.getString("pointer")
                : error.containsKey("parameter") ? error.getString("parameter") : error.getString("header");
    }

    private static HttpRequest get(String path) {
        return ingest.request(path).header("Authorization", "Bearer " + KEY).GET().build();
    }

    private static HttpRequest get(String path, String key) {
        return ingest.request(path).header("Authorization", "Bearer " + key).GET().build();
    }

    private static HttpRequest get(String path, String header, String value) {
        return ingest.request(path).header("Authorization", "Bearer " + KEY).header(header, value).GET().build();
    }

    @FunctionalInterface
    interface Consumer4 {
        void accept(String name, HttpRequest request, int status, String pointer);
    }

    private static HttpRequest one(String body) {
        return post(EVENTS, KEY, JSON, utf8(body));
    }

    private static HttpRequest one(byte[] body) {
        return post(EVENTS, KEY, JSON, body);
    }

    private static HttpRequest batchJson(List<String> items) {
        return post(BATCH, KEY, JSON, utf8("[" + String.join(",", items) + "]"));
    }

    private static HttpRequest post(String path, String key, String contentType, byte[] body) {
        var request = ingest.request(path).POST(BodyPublishers.ofByteArray(body));
        if (key != null) {
            request.header("X-API-Key", key);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return request.build();
    }

    private static HttpRequest withAuth(String authorization, String body) {
        return ingest.request(EVENTS).header("Authorization", authorization).header("Content-Type", JSON)
                .POST(BodyPublishers.ofByteArray(utf8(body))).build();
    }

    private static HttpRequest method(String method, String path, byte[] body) {
        return ingest.request(path).header("Authorization", "Bearer " + KEY).header("Content-Type", JSON)
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(body)).build();
    }

    /** A valid demand, changed. */
    private static String event(Consumer<JsonObject> change) {
        var event = new JsonObject(demand(newId()));
        change.accept(event);
        return event.encode();
    }

    private static String visit(Consumer<JsonObject> change) {
        var event = new JsonObject(Samples.visit(newId()));
        change.accept(event);
        return event.encode();
    }

    private static String telemetry(Consumer<JsonObject> change) {
        var event = new JsonObject(Samples.telemetry(newId()));
        change.accept(event);
        return event.encode();
    }

    private static String point(double lon, double lat, String crs) {
        return event(e -> e.remove("gridCode")).replace("\"source\"",
                "\"point\":{\"lon\":%s,\"lat\":%s,\"crs\":\"%s\"},\"source\"".formatted(lon, lat, crs));
    }

    /** The document's bytes with the first occurrence of a text replaced by raw bytes. */
    private static byte[] bytes(String json, String text, byte[] replacement) {
        int at = json.indexOf(text);
        return concat(utf8(json.substring(0, at)), replacement, utf8(json.substring(at + text.length())));
    }

    private static byte[] concat(byte[]... parts) {
        var out = new java.io.ByteArrayOutputStream();
        for (var part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
