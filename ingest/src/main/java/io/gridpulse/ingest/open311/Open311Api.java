package io.gridpulse.ingest.open311;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.gridpulse.ingest.auth.KeyRing;
import io.gridpulse.ingest.auth.RateLimiter;
import io.gridpulse.ingest.events.CaseHomes;
import io.gridpulse.ingest.events.EventAdmission;
import io.gridpulse.ingest.http.FormFields;
import io.gridpulse.ingest.http.MediaType;
import io.gridpulse.ingest.http.Utf8Body;
import io.gridpulse.ingest.log.EventLog.LogBusyException;
import io.gridpulse.ingest.log.EventLog;
import io.gridpulse.ingest.metrics.IngestMetrics;
import io.gridpulse.ingest.open311.Open311Errors.FieldError;
import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.json.EventCodec;
import io.gridpulse.model.json.Utf8Text;
import io.gridpulse.model.keys.KeyGrant;
import io.gridpulse.model.keys.Right;
import io.gridpulse.model.privacy.Masking;
import io.gridpulse.warehouse.EventRow;
import io.gridpulse.warehouse.Warehouse;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.regex.Pattern;

/**
 * Open311 GeoReport v2 (JSON format) so that citizen-reporting apps can file demands: the service
 * list (one service per demand type), filing a request (form-encoded or JSON) as a
 * {@code demand.created} event on the Open311 channel, and reading requests back by id.
 * The service list is public, as GeoReport intends; filing and reading need an {@code api_key}.
 */
public final class Open311Api {
    private static final Logger log = LoggerFactory.getLogger(Open311Api.class);
    /** The jurisdiction this edge answers for when none is configured. */
    public static final String DEFAULT_JURISDICTION = "liling.gridpulse.io";
    static final String BASE = "/open311/v2";
    static final String REQUEST_BY_ID = BASE + "/requests/{service_request_id}.json";
    private static final int MAX_IDS = 50;
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9_-]{8,64}");

    private final EventCodec codec;
    private final EventAdmission admission;
    private final RateLimiter limiter;
    private final EventLog eventLog;
    private final IngestMetrics metrics;
    private final KeyRing keys;
    private final Warehouse warehouse;
    private final String jurisdiction;
    private final ServiceRequests requests;
    private final int maxBodyBytes;
    private final ZoneId zone;
    private final CaseHomes homes;
    private final JsonMapper mapper = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /**
     * @param eventLog  the (timed) log the HTTP edge appends to
     * @param warehouse where requests are read back from; null answers reads with 503
     */
    public Open311Api(EventCodec codec, EventAdmission admission, RateLimiter limiter, EventLog eventLog,
                      IngestMetrics metrics, KeyRing keys, Warehouse warehouse, String jurisdiction, ZoneId zone,
                      Clock clock, int maxBodyBytes, CaseHomes homes) {
        this.homes = homes;
        this.codec = codec;
        this.admission = admission;
        this.limiter = limiter;
        this.eventLog = eventLog;
        this.metrics = metrics;
        this.keys = keys;
        this.warehouse = warehouse;
        this.jurisdiction = jurisdiction;
        this.maxBodyBytes = maxBodyBytes;
        this.zone = zone;
        this.requests = new ServiceRequests(codec, clock, zone);
    }

    /** Adds the Open311 routes; anything else under {@code /open311/} gets an Open311 error. */
    public void mount(Router router) {
        router.get(BASE + "/services.json").handler(this::services);
        router.get(BASE + "/requests.json").handler(this::listRequests);
        router.post(BASE + "/requests.json").handler(BodyHandler.create(false).setBodyLimit(maxBodyBytes)).handler(this::file);
        router.getWithRegex(Pattern.quote(BASE + "/requests/") + "([^/]+)\\.json").setName(REQUEST_BY_ID).handler(this::oneRequest);
        router.route(BASE + "/*").last().handler(this::notFound);
    }

    private void services(RoutingContext ctx) {
        if (!inJurisdiction(ctx, ctx.request().getParam("jurisdiction_id"))) {
            return;
        }
        var body = new JsonArray();
        Open311Service.DEMAND_TYPES.forEach(service -> body.add(service.toJson()));
        json(ctx, 200, body);
    }

    private void file(RoutingContext ctx) {
        var parameters = parameters(ctx);
        if (parameters == null) {
            return;
        }
        var grant = authenticate(ctx, parameters.get("api_key"));
        if (grant.isEmpty() || !inJurisdiction(ctx, parameters.get("jurisdiction_id"))) {
            return;
        }
        if (!grant.get().has(Right.WRITE)) {
            Open311Errors.send(ctx, 403, "forbidden", "api_key", "belongs to " + grant.get().client()
                    + ", which may read but not file requests");
            return;
        }
        var wait = limiter.take(grant.get(), 1);
        if (wait > 0) {
            ctx.response().putHeader("Retry-After", Long.toString(wait));
            Open311Errors.send(ctx, 429, "rate-limited", "api_key", "belongs to " + grant.get().client()
                    + ", which is over its rate of " + grant.get().perSecond() + " per second; retry after " + wait + " s");
            return;
        }
        switch (requests.map(parameters, grant.get().client())) {
            case ServiceRequests.Mapped.Invalid(var errors) -> Open311Errors.send(ctx, 400, "open311-invalid-request", errors);
            case ServiceRequests.Mapped.Valid(var created) -> {
                var verdict = admission.judge(created, grant.get());
                if (verdict instanceof EventAdmission.Verdict.Refuse(var status, var type, var problems)) {
                    Open311Errors.send(ctx, status, type, problems.stream()
                            .map(p -> new FieldError(OPEN311_FIELD.getOrDefault(p.pointer(), p.pointer()), p.reason())).toList());
                    return;
                }
                var admitted = (EventAdmission.Verdict.Admit) verdict;
                var event = admitted.event();
                homes.created(created, admitted.area());
                Future.fromCompletionStage(eventLog.append(event.eventId(), codec.encode(event)), ctx.vertx().getOrCreateContext())
                        .onSuccess(v -> {
                            metrics.accepted("open311", 1);
                            ctx.response().putHeader("Location", BASE + "/requests/" + event.eventId() + ".json");
                            json(ctx, 201, new JsonArray().add(new JsonObject()
                                    .put("service_request_id", event.eventId())
                                    .put("service_notice", "received; it appears at " + BASE + "/requests/" + event.eventId()
                                            + ".json within seconds")
                                    .putNull("account_id")));
                        })
                        .onFailure(error -> {
                            homes.lost(created);
                            var cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                            boolean busy = cause instanceof LogBusyException;
                            if (!busy) {
                                log.warn("open311 request {} not stored: {}", event.eventId(), cause.getMessage());
                            }
                            ctx.response().putHeader("Retry-After", busy ? "1" : "5");
                            Open311Errors.send(ctx, 503, busy ? "overloaded" : "log-unavailable", "",
                                    "the request was not stored; send it again shortly");
                        });
            }
        }
    }

    private void listRequests(RoutingContext ctx) {
        var query = ctx.queryParams();
        var grant = authenticate(ctx, single(query, "api_key"));
        if (grant.isEmpty() || !inJurisdiction(ctx, single(query, "jurisdiction_id")) || overRate(ctx, grant.get())) {
            return;
        }
        var ids = single(query, "service_request_id");
        if (ids == null || ids.isBlank()) {
            Open311Errors.send(ctx, 400, "open311-invalid-request", "service_request_id",
                    "is required here (up to " + MAX_IDS + ", comma-separated); listing by service_code, status or date is not offered yet");
            return;
        }
        var wanted = List.of(ids.split(",", -1));
        var errors = new ArrayList<FieldError>();
        if (wanted.size() > MAX_IDS) {
            errors.add(new FieldError("service_request_id", "may name at most " + MAX_IDS + " requests, got " + wanted.size()));
        }
        wanted.stream().filter(id -> !REQUEST_ID.matcher(id.strip()).matches()).findFirst().ifPresent(id -> errors.add(
                new FieldError("service_request_id", "'" + (id.length() > 64 ? id.substring(0, 61) + "..." : id)
                        + "' is not a request id (8 to 64 of A-Z, a-z, 0-9, '_', '-')")));
        if (!errors.isEmpty()) {
            Open311Errors.send(ctx, 400, "open311-invalid-request", errors);
            return;
        }
        read(ctx, grant.get(), wanted.stream().map(String::strip).distinct().toList());
    }

    private void oneRequest(RoutingContext ctx) {
        var query = ctx.queryParams();
        var grant = authenticate(ctx, single(query, "api_key"));
        if (grant.isEmpty() || !inJurisdiction(ctx, single(query, "jurisdiction_id")) || overRate(ctx, grant.get())) {
            return;
        }
        var id = ctx.pathParam("param0");
        if (id == null || !REQUEST_ID.matcher(id).matches()) {
            Open311Errors.send(ctx, 404, "not-found", "service_request_id", "no request has this id");
            return;
        }
        read(ctx, grant.get(), List.of(id));
    }

    /** Reads are charged to the key's rate as on /api/v1; true once a 429 was answered. */
    private boolean overRate(RoutingContext ctx, KeyGrant grant) {
        var wait = limiter.take(grant, 1);
        if (wait <= 0) {
            return false;
        }
        ctx.response().putHeader("Retry-After", Long.toString(wait));
        Open311Errors.send(ctx, 429, "rate-limited", "api_key", "belongs to " + grant.client()
                + ", which is over its rate of " + grant.perSecond() + " per second; retry after " + wait + " s");
        return true;
    }

    /**
     * Whether the key may see this request: one it filed, or, with the read right, one in its areas. Anything
     * else reads as absent (404), so that ids outside a key's reach tell nothing.
     */
    private static boolean mayRead(KeyGrant grant, EventRow row) {
        if (row.source().equals(ServiceRequests.SOURCE_PREFIX + grant.client())) {
            return true;
        }
        if (!grant.has(Right.READ)) {
            return false;
        }
        return !grant.isAreaScoped() || (!row.gridCode().isEmpty() && grant.covers(AreaCode.of(row.gridCode())));
    }

    private void read(RoutingContext ctx, KeyGrant grant, List<String> ids) {
        if (warehouse == null) {
            ctx.response().putHeader("Retry-After", "30");
            Open311Errors.send(ctx, 503, "warehouse-unavailable", "", "requests cannot be read back here: no warehouse is attached");
            return;
        }
        ctx.vertx().executeBlocking(() -> {
            var found = new JsonArray();
            for (var id : ids) {
                warehouse.events().find(id).filter(Open311Api::isOpen311Request).filter(row -> mayRead(grant, row))
                        .map(row -> asRequest(row, row.source().equals(ServiceRequests.SOURCE_PREFIX + grant.client())))
                        .ifPresent(found::add);
            }
            return found;
        }, false).onSuccess(found -> {
            if (found.isEmpty() && ctx.pathParam("param0") != null) {
                Open311Errors.send(ctx, 404, "not-found", "service_request_id", "no request has this id (a new one may take a few seconds to appear)");
            } else {
                json(ctx, 200, found);
            }
        }).onFailure(error -> {
            log.warn("open311 read failed: {}", error.toString());
            ctx.response().putHeader("Retry-After", "5");
            Open311Errors.send(ctx, 503, "warehouse-unavailable", "", "requests cannot be read right now; retry shortly");
        });
    }

    private static boolean isOpen311Request(EventRow row) {
        return row.kind().equals("demand.created") && row.payload().contains("\"channel\":\"open311\"");
    }

    /**
     * A stored demand as GeoReport describes a request, its text with identifiers masked. Its filer sees where it
     * was filed; another reader sees the place to about 100 m (three decimals). Its lifecycle is not joined here
     * (the warehouse has no case query yet), so the status is always {@code open}.
     */
    private JsonObject asRequest(EventRow row, boolean filer) {
        var payload = new JsonObject(row.payload());
        var code = payload.getString("demandType");
        var service = Open311Service.byCode(code);
        var request = new JsonObject()
                .put("service_request_id", row.eventId())
                .put("status", "open")
                .put("service_code", code)
                .put("service_name", service.map(Open311Service::name).orElse(code))
                .put("description", Masking.maskText(payload.getString("description")))
                .put("agency_responsible", service.map(Open311Service::group).orElse(null))
                .put("requested_datetime", payload.getString("occurredAt"))
                .put("updated_datetime", io.gridpulse.ingest.http.Instants.format(row.ingestedAt(), zone))
                .put("address_id", row.gridCode().isEmpty() ? null : row.gridCode());
        if (row.lat() != null && row.lon() != null) {
            request.put("lat", filer ? row.lat() : coarse(row.lat())).put("long", filer ? row.lon() : coarse(row.lon()));
        }
        return request;
    }

    private static double coarse(double degrees) {
        return Math.round(degrees * 1_000) / 1_000.0;
    }

    private void notFound(RoutingContext ctx) {
        var path = ctx.normalizedPath();
        boolean known = path.equals(BASE + "/services.json") || path.equals(BASE + "/requests.json")
                || path.matches(Pattern.quote(BASE + "/requests/") + "[^/]+\\.json");
        if (known) {
            var allowed = path.equals(BASE + "/requests.json") ? "GET, POST" : "GET";
            ctx.response().putHeader("Allow", allowed);
            Open311Errors.send(ctx, 405, "method-not-allowed", "", ctx.request().method() + " is not supported here; use " + allowed);
        } else {
            Open311Errors.send(ctx, 404, "not-found", "", "no Open311 resource at " + ctx.request().path()
                    + "; this edge serves services.json, requests.json and requests/{id}.json (JSON only)");
        }
    }

    /** The POST's parameters, one value each, from a form or a JSON object; null once an error was answered. */
    private Map<String, String> parameters(RoutingContext ctx) {
        var type = MediaType.of(ctx);
        var body = ctx.body().buffer();
        if (body != null && body.length() > 0) {
            var encoding = Utf8Body.problem(body);
            if (encoding.isPresent() || !type.isUtf8()) {
                Open311Errors.send(ctx, 415, "unsupported-media-type", "", "the body must be UTF-8 text"
                        + encoding.map(e -> ": " + e).orElse(""));
                return null;
            }
        }
        var parameters = new LinkedHashMap<String, String>();
        var errors = new ArrayList<FieldError>();
        if (type.mime().equals("application/x-www-form-urlencoded")) {
            var form = FormFields.parse(body);
            form.faults().forEach(fault -> errors.add(new FieldError(fault.field(), fault.reason())));
            form.fields().forEach((name, values) -> {
                if (values.size() > 1) {
                    errors.add(new FieldError(name, "is given " + values.size() + " times; give it once"));
                } else {
                    parameters.put(name, values.getFirst());
                }
            });
        } else if (type.isJson()) {
            if (body == null || body.length() == 0) {
                Open311Errors.send(ctx, 400, "open311-invalid-request", "", "the body is empty; send the request's parameters as a JSON object");
                return null;
            }
            JsonNode tree;
            try {
                tree = mapper.readTree(body.getBytes());
            } catch (JsonProcessingException e) {
                Open311Errors.send(ctx, 400, "open311-invalid-request", "", "the body is not valid JSON: " + e.getOriginalMessage());
                return null;
            } catch (IOException e) {
                Open311Errors.send(ctx, 400, "open311-invalid-request", "", "the body could not be read: " + e.getMessage());
                return null;
            }
            if (!tree.isObject()) {
                Open311Errors.send(ctx, 400, "open311-invalid-request", "", "the body must be a JSON object of the request's parameters");
                return null;
            }
            tree.properties().forEach(member -> {
                var value = member.getValue();
                if (value.isTextual() || value.isNumber()) {
                    parameters.put(member.getKey(), value.asText());
                } else if (!value.isNull()) {
                    errors.add(new FieldError(member.getKey(), "must be a string or a number, got " + value.getNodeType().name().toLowerCase()));
                }
            });
        } else {
            Open311Errors.send(ctx, 415, "unsupported-media-type", "",
                    (type.mime().isEmpty() ? "the request has no Content-Type" : type.mime() + " is not accepted")
                            + "; send application/x-www-form-urlencoded (GeoReport v2) or application/json");
            return null;
        }
        parameters.forEach((name, value) -> {
            int lone = Utf8Text.loneSurrogate(value);
            if (lone >= 0) {
                errors.add(new FieldError(name, Utf8Text.loneSurrogateReason(value, lone)));
            }
        });
        parameters.forEach((name, value) -> {
            int lone = Utf8Text.loneSurrogate(value);
            if (lone >= 0) {
                errors.add(new FieldError(name, Utf8Text.loneSurrogateReason(value, lone)));
            }
        });
        if (!errors.isEmpty()) {
            Open311Errors.send(ctx, 400, "open311-invalid-request", errors);
            return null;
        }
        // GeoReport clients put api_key and jurisdiction_id in the body; some put them in the query
        for (var name : List.of("api_key", "jurisdiction_id")) {
            if (!parameters.containsKey(name)) {
                var fromQuery = single(ctx.queryParams(), name);
                if (fromQuery != null) {
                    parameters.put(name, fromQuery);
                }
            }
        }
        return parameters;
    }

    /** The Open311 parameter behind each field the admission names. */
    private static final java.util.Map<String, String> OPEN311_FIELD = java.util.Map.of(
            "/point", "lat", "/gridCode", "address_id", "/kind", "service_code");

    /** The grant of the key; empty once a 403 was answered. The key may also come as a header. */
    private Optional<KeyGrant> authenticate(RoutingContext ctx, String apiKey) {
        var key = apiKey;
        if (key == null) {
            var header = ctx.request().getHeader("Authorization");
            key = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                    ? header.substring(7).trim() : ctx.request().getHeader("X-API-Key");
        }
        if (key == null || key.isEmpty()) {
            Open311Errors.send(ctx, 403, "unauthenticated", "api_key", "is required");
            return Optional.empty();
        }
        var grant = keys.grantFor(key);
        if (grant.isEmpty()) {
            Open311Errors.send(ctx, 403, "unauthenticated", "api_key", "is not known or was revoked");
        }
        return grant;
    }

    private boolean inJurisdiction(RoutingContext ctx, String jurisdictionId) {
        if (jurisdictionId == null || jurisdictionId.equals(jurisdiction)) {
            return true;
        }
        Open311Errors.send(ctx, 404, "jurisdiction-not-found", "jurisdiction_id",
                "is not served here; this endpoint serves '" + jurisdiction + "'");
        return false;
    }

    private static String single(MultiMap parameters, String name) {
        var values = parameters.getAll(name);
        return values.isEmpty() ? null : values.getFirst();
    }

    private static void json(RoutingContext ctx, int status, JsonArray body) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8").end(body.encode());
    }
}
