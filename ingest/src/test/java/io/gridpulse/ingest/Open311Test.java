package io.gridpulse.ingest;

import io.gridpulse.model.testing.TestClock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridpulse.warehouse.EventRow;
import io.gridpulse.warehouse.Warehouse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Open311 GeoReport v2: the service list, filing requests (form and JSON), reading them back, and refusals in GeoReport's shape. */
class Open311Test {
    private static final String BASE = "/open311/v2";
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final ObjectMapper json = new ObjectMapper();
    private static TestIngest ingest;
    private static Warehouse warehouse;

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
    void reset() {
        ingest.log.reset();
    }

    @Test
    void theServiceListNamesEveryDemandTypeAndNeedsNoKey() throws Exception {
        var answer = ingest.get(BASE + "/services.json", null);
        assertThat(answer.statusCode()).isEqualTo(200);
        var services = json.readTree(answer.body());
        assertThat(services).hasSize(15);
        assertThat(services.findValuesAsText("service_code"))
                .contains("medical_insurance", "employment_guidance", "elderly_care", "dispute_mediation");
        assertThat(services.get(0).get("metadata").booleanValue()).isFalse();
        assertThat(services.get(0).get("group").asText()).isEqualTo("medical_security");
    }

    @Test
    void aFormEncodedRequestBecomesADemandWithThePhonePseudonymisedAndNothingElsePersonal() throws Exception {
        var answer = postForm("api_key=" + TestIngest.KEY + "&service_code=elderly_care&lat=27.6581&long=113.4969"
                + "&description=%E7%8B%AC%E5%B1%85%E8%80%81%E4%BA%BA%E9%9C%80%E8%A6%81%E5%B8%AE%E5%8A%A9"
                + "&phone=13812345678&email=li.ming%40example.cn&first_name=Ming&last_name=Li&device_id=app-77"
                + "&address_string=Some+Street+5&jurisdiction_id=liling.gridpulse.io");
        assertThat(answer.statusCode()).isEqualTo(201);
        var created = json.readTree(answer.body());
        var id = created.get(0).get("service_request_id").asText();
        assertThat(answer.headers().firstValue("Location")).hasValue(BASE + "/requests/" + id + ".json");
        assertThat(ingest.log.appended).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo(id);
            assertThat(record.value()).contains("\"kind\":\"demand.created\"", "\"channel\":\"open311\"",
                    "\"demandType\":\"elderly_care\"", "\"caseId\":\"" + id + "\"", "\"crs\":\"WGS84\"",
                    "\"source\":\"open311:terminal\"", "独居老人需要帮助", "\"ref\":\"r_");
            assertThat(record.value()).doesNotContain("13812345678", "li.ming", "example.cn", "Ming", "Some Street", "app-77");
        });
    }

    @Test
    void aJsonRequestWithTheKeyInAHeaderAndAnAreaCodeForAPlaceIsAccepted() throws Exception {
        var answer = ingest.send(ingest.request(BASE + "/requests.json").header("X-API-Key", TestIngest.KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"service_code":"dispute_mediation","address_id":"439901001001001","description":"邻里纠纷"}""")).build());
        assertThat(answer.statusCode()).isEqualTo(201);
        assertThat(ingest.log.appended).singleElement().satisfies(record ->
                assertThat(record.value()).contains("\"gridCode\":\"439901001001001\"", "\"demandType\":\"dispute_mediation\""));
    }

    @Test
    void aStoredRequestIsReadBackOneByIdOrSeveral() throws Exception {
        var answer = postForm("api_key=" + TestIngest.KEY + "&service_code=medical_insurance&lat=27.66&long=113.50&description=reimbursement");
        var id = json.readTree(answer.body()).get(0).get("service_request_id").asText();
        var stored = ingest.log.appended.getFirst().value();
        // what the stream job would write: the event as it is in the log
        var event = json.readTree(stored);
        warehouse.events().insert(List.of(new EventRow(id, "demand.created", OffsetDateTime.parse(event.get("occurredAt").asText()).toInstant(),
                TestClock.now(), event.get("source").asText(), "", "", "", "", 113.50, 27.66, stored)));

        var one = ingest.get(BASE + "/requests/" + id + ".json?api_key=" + TestIngest.KEY, null);
        assertThat(one.statusCode()).isEqualTo(200);
        var request = json.readTree(one.body()).get(0);
        assertThat(request.get("service_request_id").asText()).isEqualTo(id);
        assertThat(request.get("status").asText()).isEqualTo("open");
        assertThat(request.get("service_code").asText()).isEqualTo("medical_insurance");
        assertThat(request.get("agency_responsible").asText()).isEqualTo("medical_security");
        assertThat(request.get("lat").asDouble()).isEqualTo(27.66);
        assertThat(request.get("long").asDouble()).isEqualTo(113.50);
        assertThat(request.get("updated_datetime").asText()).endsWith("+08:00");

        var several = ingest.get(BASE + "/requests.json?service_request_id=" + id + "," + Samples.newId(), TestIngest.KEY);
        assertThat(several.statusCode()).isEqualTo(200);
        assertThat(json.readTree(several.body())).hasSize(1);

        var unknown = ingest.get(BASE + "/requests/" + Samples.newId() + ".json", TestIngest.KEY);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json.readTree(unknown.body()).get(0).get("field").asText()).isEqualTo("service_request_id");
    }

    @Test
    void whenTheLogIsDownTheRequestIsRefusedWithRetryAfter() throws Exception {
        ingest.log.failWith = new io.gridpulse.ingest.log.EventLog.LogUnavailableException("down", null);
        var answer = postForm("api_key=" + TestIngest.KEY + "&service_code=tutoring&lat=27.66&long=113.5");
        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(json.readTree(answer.body()).get(0).get("code").asInt()).isEqualTo(503);
    }

    static Stream<Arguments> badRequests() {
        var key = "api_key=" + TestIngest.KEY;
        var place = "&lat=27.66&long=113.5";
        return Stream.of(
                Arguments.of("no service_code", FORM, key + place, 400, "service_code"),
                Arguments.of("unknown service_code", FORM, key + "&service_code=pothole" + place, 400, "service_code"),
                Arguments.of("no place at all", FORM, key + "&service_code=tutoring&address_string=Main+St", 400, "lat"),
                Arguments.of("lat without long", FORM, key + "&service_code=tutoring&lat=27.66", 400, "long"),
                Arguments.of("long without lat", FORM, key + "&service_code=tutoring&long=113.5", 400, "lat"),
                Arguments.of("lat not a number", FORM, key + "&service_code=tutoring&lat=north&long=113.5", 400, "lat"),
                Arguments.of("lat NaN", FORM, key + "&service_code=tutoring&lat=NaN&long=113.5", 400, "lat"),
                Arguments.of("lat overflowing to infinity", FORM, key + "&service_code=tutoring&lat=1e400&long=113.5", 400, "lat"),
                Arguments.of("lat as a Java float literal", FORM, key + "&service_code=tutoring&lat=27.6f&long=113.5", 400, "lat"),
                Arguments.of("lat beyond the pole", FORM, key + "&service_code=tutoring&lat=95&long=113.5", 400, "lat"),
                Arguments.of("long beyond the antimeridian", FORM, key + "&service_code=tutoring&lat=27.6&long=200", 400, "long"),
                Arguments.of("address_id not an area code", FORM, key + "&service_code=tutoring&address_id=abc", 400, "address_id"),
                Arguments.of("phone not a phone", FORM, key + "&service_code=tutoring" + place + "&phone=12345", 400, "phone"),
                Arguments.of("email not an address", FORM, key + "&service_code=tutoring" + place + "&email=nobody", 400, "email"),
                Arguments.of("a parameter twice", FORM, key + "&service_code=tutoring" + place + "&lat=28", 400, "lat"),
                Arguments.of("description too long", FORM, key + "&service_code=tutoring" + place + "&description=" + "x".repeat(5000), 400, "description"),
                Arguments.of("JSON lat as an object", "application/json",
                        "{\"api_key\":\"" + TestIngest.KEY + "\",\"service_code\":\"tutoring\",\"lat\":{},\"long\":113.5}", 400, "lat"),
                Arguments.of("JSON array", "application/json", "[]", 400, ""),
                Arguments.of("JSON broken", "application/json", "{\"service_code\":", 400, ""),
                Arguments.of("JSON member twice", "application/json",
                        "{\"api_key\":\"" + TestIngest.KEY + "\",\"service_code\":\"tutoring\",\"service_code\":\"x\"}", 400, ""),
                Arguments.of("plain text", "text/plain", key + "&service_code=tutoring" + place, 415, ""),
                Arguments.of("no api_key", FORM, "service_code=tutoring" + place, 403, "api_key"),
                Arguments.of("unknown api_key", FORM, "api_key=gpk_guess&service_code=tutoring" + place, 403, "api_key"),
                Arguments.of("another jurisdiction", FORM, key + "&jurisdiction_id=chicago.gov&service_code=tutoring" + place, 404, "jurisdiction_id"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void aBadRequestGetsAGeoReportErrorNamingTheParameterAndNothingIsStored(String name, String contentType, String body,
                                                                            int status, String field) throws Exception {
        var answer = ingest.send(ingest.request(BASE + "/requests.json").header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(answer.statusCode()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        var errors = json.readTree(answer.body());
        assertThat(errors.isArray()).isTrue();
        assertThat(errors.get(0).get("code").asInt()).isEqualTo(status);
        if (!field.isEmpty()) {
            assertThat(errors.get(0).get("field").asText()).isEqualTo(field);
            assertThat(errors.get(0).get("description").asText()).startsWith(field + ": ");
        }
        assertThat(ingest.log.appended).isEmpty();
    }

    @Test
    void aBodyThatIsNotUtf8IsRefused() {
        var body = new byte[]{'{', '"', 'd', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        var answer = ingest.post(BASE + "/requests.json", "application/json", body);
        assertThat(answer.statusCode()).isEqualTo(415);
        assertThat(ingest.log.appended).isEmpty();
    }

    @Test
    void readsNeedAKeyAndAnIdAndAnswerInGeoReportShape() throws Exception {
        assertError(ingest.get(BASE + "/requests.json?service_request_id=" + Samples.newId(), null), 403, "api_key");
        assertError(ingest.get(BASE + "/requests/" + Samples.newId() + ".json", null), 403, "api_key");
        assertError(ingest.get(BASE + "/requests.json", TestIngest.KEY), 400, "service_request_id");
        assertError(ingest.get(BASE + "/requests.json?service_request_id=a%20b", TestIngest.KEY), 400, "service_request_id");
        assertError(ingest.get(BASE + "/services.json?jurisdiction_id=elsewhere", null), 404, "jurisdiction_id");
        assertError(ingest.get(BASE + "/services.xml", null), 404, "");
        var delete = ingest.send(ingest.request(BASE + "/requests.json").DELETE().build());
        assertError(delete, 405, "");
        assertThat(delete.headers().firstValue("Allow")).hasValue("GET, POST");
    }

    @Test
    void refusalsAreCountedInMetrics() {
        postForm("api_key=" + TestIngest.KEY + "&service_code=nope&lat=1&long=1");
        assertThat(ingest.get("/metrics", TestIngest.KEY).body())
                .containsPattern("ingest_rejects_total\\{reason=\"open311-invalid-request\"} [1-9]");
    }

    private static void assertError(HttpResponse<String> answer, int status, String field) throws Exception {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        JsonNode first = json.readTree(answer.body()).get(0);
        assertThat(first.get("code").asInt()).isEqualTo(status);
        if (!field.isEmpty()) {
            assertThat(first.get("field").asText()).isEqualTo(field);
        }
    }

    private static HttpResponse<String> postForm(String body) {
        return ingest.send(ingest.request(BASE + "/requests.json").header("Content-Type", FORM)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }
}
