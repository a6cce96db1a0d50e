package io.gridpulse.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.gridpulse.model.testing.TestClock;
import io.gridpulse.warehouse.EventRow;
import io.gridpulse.warehouse.Warehouse;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.mediatype.ContentAnalyser;
import io.vertx.openapi.mediatype.MediaTypeRegistration;
import io.vertx.openapi.mediatype.MediaTypeRegistry;
import io.vertx.openapi.validation.ResponseValidator;
import io.vertx.openapi.validation.ValidatableResponse;
import io.vertx.openapi.validation.ValidationContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real answers of every operation, good and bad, checked against the schemas of the OpenAPI document the edge serves.
 * Generated clients trust those schemas: an answer that breaks them (an area's {@code children} declared a number
 * and sent as a list, once) breaks every such client, although no hand-written test notices.
 */
class OpenApiResponsesTest {
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String JSON = "application/json";
    private static final String OPEN311 = "/open311/v2";
    private static Warehouse warehouse;
    private static TestIngest ingest;
    private static Vertx vertx;
    private static ResponseValidator validator;
    private static Set<String> operations;

    @BeforeAll
    static void start() throws Exception {
        warehouse = TestWarehouse.shared();
        ingest = TestIngest.start(warehouse, new ManualAlertSource(), Duration.ofSeconds(15));
        vertx = Vertx.vertx();
        var yaml = ingest.get("/api/v1/openapi.yaml", TestIngest.KEY).body();
        var document = new JsonObject(new ObjectMapper().writeValueAsString(new ObjectMapper(new YAMLFactory()).readTree(yaml)));
        // vertx-openapi refuses a parameter inside a path segment (Open311's {id}.json), legal in OpenAPI; answers are
        // checked by operation, so the path's spelling does not matter here
        var paths = document.getJsonObject("paths");
        paths.put(OPEN311 + "/requests/{service_request_id}", paths.remove(OPEN311 + "/requests/{service_request_id}.json"));
        var contract = OpenAPIContract.builder(vertx).setContract(document)
                .mediaTypeRegistry(MediaTypeRegistry.createEmpty()
                        .register(MediaTypeRegistration.APPLICATION_JSON)
                        .register(MediaTypeRegistration.APPLICATION_X_WWW_FORM_URL_ENCODED)
                        .register(new Also(MediaTypeRegistration.APPLICATION_JSON, "application/problem+json"))
                        .register(Also.text("text/plain", "text/event-stream", "application/yaml", "application/x-ndjson")))
                .build().await(30, TimeUnit.SECONDS);
        validator = ResponseValidator.create(vertx, contract);
        operations = new TreeSet<>();
        contract.operations().forEach(operation -> operations.add(operation.getOperationId()));
    }

    @AfterAll
    static void stop() throws Exception {
        ingest.close();
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void everyOperationAnswersAsItsSchemasSay() throws Exception {
        var caseId = "case-" + Samples.newId();
        var demand = new JsonObject(Samples.demand(Samples.newId())).put("caseId", caseId);
        var steps = Map.of(
                "classified", ",\"demandClass\":\"resolve_now\"",
                "assigned", ",\"assignee\":\"unit-7\",\"department\":\"civil_affairs\"",
                "responded", "", "resolved", "", "closed", "", "reopened", ",\"reason\":\"未解决\"",
                "escalated", ",\"reason\":\"超时\"", "whistle", ",\"reason\":\"吹哨\"");
        var filed = open311Request();
        var calls = new ArrayList<Call>();

        calls.add(Call.post("postEvent", "/api/v1/events", demand.encode()));
        calls.add(Call.post("postEvent", "/api/v1/events", "{\"kind\":\"visit\"}"));
        calls.add(Call.post("postEvent", "/api/v1/events", "{").withKey(null));
        calls.add(Call.post("postVisit", "/api/v1/visits", Samples.visit(Samples.newId())));
        calls.add(Call.post("postDemand", "/api/v1/demands", Samples.demand(Samples.newId())));
        calls.add(Call.post("postTicket", "/api/v1/tickets", Samples.ticket(Samples.newId())));
        calls.add(Call.post("postFeedback", "/api/v1/feedback", Samples.feedback(Samples.newId())));
        calls.add(Call.post("postTelemetry", "/api/v1/telemetry", Samples.telemetry(Samples.newId())));
        calls.add(Call.post("postTelemetry", "/api/v1/telemetry", Samples.telemetry(Samples.newId())).withType("text/plain"));
        steps.forEach((step, extra) -> calls.add(Call.post(
                "postDemand" + Character.toUpperCase(step.charAt(0)) + step.substring(1),
                "/api/v1/demands/" + caseId + "/" + step, """
                        {"eventId":"%s","occurredAt":"%s","source":"unit-7","gridCode":"439901001001001","by":"unit-7"%s}"""
                        .formatted(Samples.newId(), Samples.now(), extra))));
        calls.add(Call.post("postEventBatch", IngestServer.BATCH_PATH,
                "[" + Samples.visit(Samples.newId()) + ",{\"kind\":\"nothing\"}]"));
        calls.add(Call.post("postEventBatch", IngestServer.BATCH_PATH, Samples.oneLine(Samples.visit(Samples.newId())))
                .withType("application/x-ndjson"));
        calls.add(Call.get("getEventCounts", "/api/v1/event-counts"));
        calls.add(Call.get("getEventCounts", "/api/v1/event-counts").withKey(TestIngest.STREET_KEY));
        calls.add(Call.get("getEventCounts", "/api/v1/event-counts?street=439901001"));
        calls.add(Call.get("listAlerts", "/api/v1/alerts?area=439901001&limit=5"));
        calls.add(Call.get("listAlerts", "/api/v1/alerts?limit=0"));
        calls.add(Call.get("streamAlerts", "/api/v1/alerts/stream"));
        calls.add(Call.get("streamAlerts", "/api/v1/alerts/stream?lastEventId=x"));
        calls.add(Call.get("getKpis", "/api/v1/kpis?area=439901001&period=2026-11"));
        calls.add(Call.get("getKpis", "/api/v1/kpis?period=2026-13"));
        calls.add(Call.get("getKpis", "/api/v1/kpis?period=1900-01"));
        calls.add(Call.get("previewDeadline", "/api/v1/sla/deadline?policy=resolve_now.first_response&from=2026-12-29T09:00:00%2B08:00"));
        calls.add(Call.get("previewDeadline", "/api/v1/sla/deadline?policy=nothing&from=2026-12-29T09:00:00%2B08:00"));
        calls.add(Call.get("listAreas", "/api/v1/areas"));
        calls.add(Call.get("listAreas", "/api/v1/areas?parent=439901001"));
        calls.add(Call.get("listAreas", "/api/v1/areas?level=grid&parent=439901001001"));
        calls.add(Call.get("listAreas", "/api/v1/areas?level=village"));
        calls.add(Call.get("getArea", "/api/v1/areas/439901001"));
        calls.add(Call.get("getArea", "/api/v1/areas/439901001001001"));
        calls.add(Call.get("getArea", "/api/v1/areas/999999"));
        calls.add(Call.post("createSubscription", "/api/v1/subscriptions", """
                {"channel":"webhook","url":"https://duty.example.gov.cn/hook","secret":"s3cret-0123456789abcdef",
                 "areas":["439901001"],"kinds":["sla_breach"],"minSeverity":"major"}"""));
        calls.add(Call.post("createSubscription", "/api/v1/subscriptions", "{\"channel\":\"pigeon\"}"));
        calls.add(Call.get("listSubscriptions", "/api/v1/subscriptions"));
        calls.add(new Call("deleteSubscription", "DELETE", "/api/v1/subscriptions/no-such-subscription", TestIngest.KEY, null, null));
        var keyClient = "openapi-" + Samples.newId().substring(0, 8);
        calls.add(Call.post("createKey", "/api/v1/keys", """
                {"client":"%s","rights":["write"],"areas":["439901001"],"kinds":["ticket"],"perSecond":5,"burst":10}"""
                .formatted(keyClient)));
        calls.add(Call.post("createKey", "/api/v1/keys", "{\"client\":\"Bad Name\",\"rights\":[\"fly\"]}"));
        calls.add(Call.post("createKey", "/api/v1/keys", "{\"client\":\"x-1\",\"rights\":[\"write\"]}").withKey(TestIngest.READER_KEY));
        calls.add(Call.get("listKeys", "/api/v1/keys"));
        calls.add(Call.post("rotateKey", "/api/v1/keys/" + keyClient + "/rotate", null));
        calls.add(Call.post("rotateKey", "/api/v1/keys/no-such-client/rotate", null));
        calls.add(new Call("revokeKey", "DELETE", "/api/v1/keys/" + keyClient, TestIngest.KEY, null, null));
        calls.add(Call.post("rotateKey", "/api/v1/keys/" + keyClient + "/rotate", null));
        calls.add(new Call("revokeKey", "DELETE", "/api/v1/keys/no-such-client", TestIngest.KEY, null, null));
        calls.add(Call.get("getOpenApi", "/api/v1/openapi.yaml"));
        calls.add(Call.get("getLiveness", "/health/live").withKey(null));
        calls.add(Call.get("getReadiness", "/health/ready").withKey(null));
        calls.add(Call.get("getMetrics", "/metrics"));
        calls.add(Call.get("getMetrics", "/metrics").withKey(TestIngest.READER_KEY));
        calls.add(Call.get("getOpen311Services", OPEN311 + "/services.json").withKey(null));
        calls.add(Call.get("getOpen311Requests", OPEN311 + "/requests.json?service_request_id=" + filed));
        calls.add(Call.get("getOpen311Requests", OPEN311 + "/requests.json?status=lost"));
        calls.add(Call.post("postOpen311Request", OPEN311 + "/requests.json",
                "service_code=elderly_care&lat=27.6581&long=113.4969&description=help").withType(FORM));
        calls.add(Call.post("postOpen311Request", OPEN311 + "/requests.json", "service_code=nothing").withType(FORM));
        calls.add(Call.get("getOpen311Request", OPEN311 + "/requests/" + filed + ".json"));
        calls.add(Call.get("getOpen311Request", OPEN311 + "/requests/" + Samples.newId() + ".json"));

        var faults = new TreeMap<String, String>();
        var exercised = new TreeSet<String>();
        for (var call : calls) {
            var answer = call.send();
            exercised.add(call.operationId());
            var response = answer.body().isEmpty() && answer.headers().get("content-type") == null
                    ? ValidatableResponse.create(answer.status(), answer.headers())
                    : ValidatableResponse.create(answer.status(), answer.headers(), Buffer.buffer(answer.body()),
                    mime(answer.headers().get("content-type")));
            try {
                validator.validate(response, call.operationId()).await(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                faults.put(call + " -> " + answer.status(), e.getMessage() + "\n  " + abbreviate(answer.body()));
            }
        }

        assertThat(exercised).as("every operation of the document is called here").isEqualTo(operations);
        assertThat(faults).as("answers that break the document's schemas").isEmpty();
    }

    /** Files an Open311 request and stores it as the stream job would, so that it can be read back. */
    private static String open311Request() throws Exception {
        var answer = Call.post("postOpen311Request", OPEN311 + "/requests.json",
                "service_code=medical_insurance&lat=27.66&long=113.50&description=reimbursement").withType(FORM).send();
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        var id = new io.vertx.core.json.JsonArray(answer.body()).getJsonObject(0).getString("service_request_id");
        var stored = ingest.log.appended.getLast().value();
        var event = new JsonObject(stored);
        warehouse.events().insert(List.of(new EventRow(id, "demand.created",
                OffsetDateTime.parse(event.getString("occurredAt")).toInstant(), TestClock.now(), event.getString("source"),
                "", "", "", "", 113.50, 27.66, stored)));
        return id;
    }

    /** The media type without its parameters, as the document's content keys are written. */
    private static String mime(String contentType) {
        return contentType == null ? null : contentType.split(";")[0].trim();
    }

    private static String abbreviate(String body) {
        return body.length() > 400 ? body.substring(0, 400) + "…" : body;
    }

    private record Answer(int status, Map<String, String> headers, String body) {}

    private record Call(String operationId, String method, String path, String key, String contentType, String body) {
        private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        static Call get(String operationId, String path) {
            return new Call(operationId, "GET", path, TestIngest.KEY, null, null);
        }

        static Call post(String operationId, String path, String body) {
            return new Call(operationId, "POST", path, TestIngest.KEY, JSON, body);
        }

        Call withKey(String other) {
            return new Call(operationId, method, path, other, contentType, body);
        }

        Call withType(String type) {
            return new Call(operationId, method, path, key, type, body);
        }

        Answer send() throws IOException, InterruptedException {
            var request = ingest.request(path).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            if (key != null) {
                request.header("Authorization", "Bearer " + key);
            }
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            // an event stream never ends: its answer is read up to the end of its first event
            var answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            var headers = new LinkedHashMap<String, String>();
            answer.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), values.getFirst()));
            try (var in = answer.body()) {
                return new Answer(answer.statusCode(), headers, read(in,
                        String.valueOf(headers.get("content-type")).startsWith("text/event-stream")));
            }
        }

        private static String read(InputStream in, boolean firstEventOnly) throws IOException {
            var out = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0) {
                out.write(b);
                if (firstEventOnly && out.toString(StandardCharsets.UTF_8).endsWith("\n\n")) {
                    break;
                }
            }
            return out.toString(StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return operationId + " " + method + " " + path + (key == null ? " (no key)" : "");
        }
    }

    /**
     * Media types the validator does not know, read like one it does ({@code like}: problems as JSON), or, without one,
     * as strings of UTF-8 (metrics, the event stream, this document in YAML), whose status and headers are checked too.
     */
    private record Also(MediaTypeRegistration like, List<String> types) implements MediaTypeRegistration {
        Also(MediaTypeRegistration like, String... types) {
            this(like, List.of(types));
        }

        static Also text(String... types) {
            return new Also(null, types);
        }

        @Override
        public ContentAnalyser createContentAnalyser(String contentType, Buffer content, ValidationContext context) {
            if (like != null) {
                return like.createContentAnalyser(like.supportedTypes().getFirst(), content, context);
            }
            return new ContentAnalyser() {
                @Override
                public void checkSyntacticalCorrectness() {}

                @Override
                public Object transform() {
                    return content.toString(StandardCharsets.UTF_8);
                }
            };
        }

        @Override
        public boolean canHandle(String mediaType) {
            return types.contains(mime(mediaType));
        }

        @Override
        public List<String> supportedTypes() {
            return types;
        }
    }
}
