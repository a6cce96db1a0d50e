package io.gridpulse.ingest;

import io.gridpulse.ingest.alerts.AlertFeed;
import io.gridpulse.ingest.alerts.AlertSource;
import io.gridpulse.ingest.alerts.AlertStreamEndpoint;
import io.gridpulse.ingest.alerts.AlertsEndpoint;
import io.gridpulse.ingest.alerts.KafkaAlertSource;
import io.gridpulse.ingest.areas.AreasEndpoint;
import io.gridpulse.ingest.auth.ApiKeyAuthentication;
import io.gridpulse.ingest.auth.KeyRing;
import io.gridpulse.ingest.auth.RateLimiter;
import io.gridpulse.ingest.auth.ReadGate;
import io.gridpulse.ingest.counts.EventCountsEndpoint;
import io.gridpulse.ingest.events.BatchEndpoint;
import io.gridpulse.ingest.events.CaseHomes;
import io.gridpulse.ingest.events.EventAdmission;
import io.gridpulse.ingest.events.EventsEndpoint;
import io.gridpulse.ingest.http.CanonicalPaths;
import io.gridpulse.ingest.http.ConnectionGate;
import io.gridpulse.ingest.http.ProblemResponse;
import io.gridpulse.ingest.http.QueryParameters;
import io.gridpulse.ingest.http.RequestIds;
import io.gridpulse.ingest.keys.KeysEndpoint;
import io.gridpulse.ingest.kpis.KpisEndpoint;
import io.gridpulse.ingest.log.EventLog;
import io.gridpulse.ingest.metrics.IngestMetrics;
import io.gridpulse.ingest.notify.SubscriptionSecrets;
import io.gridpulse.ingest.open311.Open311Api;
import io.gridpulse.ingest.openapi.OpenApiDocument;
import io.gridpulse.ingest.sla.DeadlinePreviewEndpoint;
import io.gridpulse.ingest.subscriptions.SubscriptionsEndpoint;
import io.gridpulse.model.event.EventKind;
import io.gridpulse.model.json.EventCodec;
import io.gridpulse.model.json.Limits;
import io.gridpulse.model.keys.Right;
import io.gridpulse.model.privacy.Pseudonymiser;
import io.gridpulse.model.sla.CalendarDirectory;
import io.gridpulse.warehouse.Warehouse;
import io.gridpulse.warehouse.notify.SubscriptionStore;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The HTTP edge: routes, authentication, metrics, problem answers for every failure. One router and
 * one set of endpoints serve several {@link Listener}s on the same port, each on its own event loop,
 * so decoding and validating events uses every core (Vert.x spreads a shared port's connections
 * over the servers bound to it).
 */
public final class IngestServer extends VerticleBase {
    private static final Logger log = LoggerFactory.getLogger(IngestServer.class);
    private static final String BODY_LIMIT = "bodyLimit";
    /** A literal colon: vertx-web would read {@code :batch} in a plain path as a path parameter. */
    static final String BATCH_PATH = "/api/v1/events:batch";

    private final IngestConfig config;
    private final EventLog eventLog;
    private final Warehouse warehouse;
    private final AlertSource alertSource;
    private final Duration heartbeat;
    private final AlertFeed alertFeed = new AlertFeed(AlertFeed.DEFAULT_CAPACITY);
    private final IngestMetrics metrics = new IngestMetrics();
    private volatile int boundPort;
    private volatile KeyRing keyRing;
    /** How often the key file is looked at for changes. */
    static final Duration KEY_FILE_CHECK = Duration.ofSeconds(2);
    private final java.util.concurrent.atomic.AtomicInteger openConnections = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicLong refusedConnections = new java.util.concurrent.atomic.AtomicLong();
    private final ConnectionGate gate;
    private volatile ConnectionGate.Guard guard;
    private Router router;
    /** Where key changes over the API are recorded: the one audit chain of the installation, shared with the cockpit. */
    private volatile io.gridpulse.warehouse.audit.AuditLog audit;

    /** The edge with its alert stream tailing the configured alerts topic. */
    public IngestServer(IngestConfig config, EventLog eventLog, Warehouse warehouse) {
        this(config, eventLog, warehouse, new KafkaAlertSource(config.kafkaBootstrap(), config.alertsTopic(), Map.of()));
    }

    /** The edge with its alert stream fed by the given source. */
    public IngestServer(IngestConfig config, EventLog eventLog, Warehouse warehouse, AlertSource alertSource) {
        this(config, eventLog, warehouse, alertSource, AlertStreamEndpoint.HEARTBEAT);
    }

    IngestServer(IngestConfig config, EventLog eventLog, Warehouse warehouse, AlertSource alertSource,
                 Duration heartbeat) {
        this(config, eventLog, warehouse, alertSource, heartbeat, null);
    }

    /**
     * The edge behind a connection gate: its Vert.x must have been built with {@link ConnectionGate#transport()},
     * so that connections are counted and timed from the moment they are accepted. Without a gate they are counted
     * from their first request only, and a client that never finishes one is not.
     */
    public IngestServer(IngestConfig config, EventLog eventLog, Warehouse warehouse, AlertSource alertSource,
                        Duration heartbeat, ConnectionGate gate) {
        this.config = config;
        this.eventLog = eventLog;
        this.warehouse = warehouse;
        this.alertSource = alertSource;
        this.heartbeat = heartbeat;
        this.gate = gate;
    }

    /** The edge with its alert stream tailing the configured alerts topic, behind the given connection gate. */
    public IngestServer(IngestConfig config, EventLog eventLog, Warehouse warehouse, ConnectionGate gate) {
        this(config, eventLog, warehouse, new KafkaAlertSource(config.kafkaBootstrap(), config.alertsTopic(), Map.of()),
                AlertStreamEndpoint.HEARTBEAT, gate);
    }

    @Override
    public Future<?> start() {
        return vertx.executeBlocking(() -> {
            keyRing = new KeyRing(config.apiKeys(), config.apiKeysFile(),
                    warehouse == null ? null : new io.gridpulse.warehouse.keys.ApiKeyStore(warehouse));
            return OpenApiDocument.load();
        }, false).compose(openApi -> {
            router = routes(openApi);
            if (keyRing.follows()) {
                vertx.setPeriodic(KEY_FILE_CHECK.toMillis(), id -> vertx.executeBlocking(keyRing::refreshKeys, false));
            }
            // servers of one Vertx on the same host and port (port 0 included) share one socket
            return vertx.deployVerticle(Listener::new, new DeploymentOptions().setInstances(config.eventLoops()));
        }).onSuccess(deployed -> {
            if (gate != null) {
                guard = gate.guard(boundPort, config.connections());
            }
            alertSource.start(alertFeed);
            log.info("ingest listening on {}://{}:{} with {} event loops", config.tls() == null ? "http" : "https",
                    config.host(), boundPort,
                    config.eventLoops());
        });
    }

    /** One HTTP server on its own event loop; the listeners are undeployed with the edge. */
    private final class Listener extends VerticleBase {
        @Override
        public Future<?> start() {
            var options = new HttpServerOptions()
                    .setIdleTimeout((int) config.connections().idleTimeout().toSeconds());
            if (config.tls() != null) {
                options.setSsl(true).setKeyCertOptions(new PemKeyCertOptions()
                        .setCertPath(config.tls().certificate().toString())
                        .setKeyPath(config.tls().key().toString()));
            }
            var http = vertx.createHttpServer(options);
            if (gate == null) {
                http.connectionHandler(IngestServer.this::admit);
            }
            return http
                    .invalidRequestHandler(ProblemResponse::unreadable)
                    .requestHandler(router)
                    .listen(config.port(), config.host())
                    .onSuccess(server -> {
                        if (server.actualPort() > 0) {
                            boundPort = server.actualPort();
                        }
                    });
        }
    }

    @Override
    public Future<?> stop() {
        if (guard != null) {
            guard.close();
        }
        // the tail's thread joins, which blocks
        return vertx.executeBlocking(() -> {
            alertSource.close();
            return null;
        }, false);
    }

    private Router routes(Buffer openApi) {
        var timedLog = metrics.timed(eventLog);
        var codec = new EventCodec(config.clock(), Limits.defaults());
        var admission = new EventAdmission(config.region(), new Pseudonymiser(config.pseudonymKey()));
        var limiter = new RateLimiter();
        var homes = CaseHomes.over(warehouse);
        var events = new EventsEndpoint(codec, admission, limiter, timedLog, metrics, homes);
        var batch = new BatchEndpoint(codec, admission, limiter, timedLog, metrics, config.maxBatchEvents(),
                config.maxInFlight(), homes);
        var areas = new AreasEndpoint(config.region());
        var authenticated = new ApiKeyAuthentication(keyRing);
        var reading = ApiKeyAuthentication.requires(Right.READ);
        var writing = ApiKeyAuthentication.requires(Right.WRITE);
        var readRate = ApiKeyAuthentication.limitedBy(limiter);
        // reads are charged by the queries behind them, and a key has only so many under way
        var countsRate = ApiKeyAuthentication.limitedBy(limiter, EventCountsEndpoint.COST);
        var kpisRate = ApiKeyAuthentication.limitedBy(limiter, KpisEndpoint.COST);
        var warehouseRead = new ReadGate(config.connections().maxReadsPerKey());

        var router = Router.router(vertx);
        // before anything is measured: a method outside the fixed set would add a meter per name
        router.route().handler(this::gateRequest);
        router.route().handler(metrics.requestTimer());
        router.route().handler(new RequestIds());
        router.route().handler(new CanonicalPaths());

        // probes carry no data, so load balancers may call them without a key
        router.get("/health/live").handler(ctx -> json(ctx, 200, new JsonObject().put("status", "UP")));
        router.get("/health/ready").handler(ctx -> {
            var up = eventLog.isReachable();
            json(ctx, up ? 200 : 503, new JsonObject().put("status", up ? "UP" : "DOWN")
                    .put("checks", new JsonObject().put("eventLog", up ? "UP" : "DOWN")));
        });

        router.route("/api/*").handler(authenticated);
        // writes are charged per event inside the endpoints, after the body tells how many there are
        router.post("/api/v1/events")
                .handler(writing)
                .handler(bodyUpTo(config.maxBodyBytes()))
                .handler(events::postOne);
        // typed conveniences: the kind (and the case) come from the path
        var typed = new java.util.LinkedHashMap<String, EventKind>();
        typed.put("/api/v1/visits", EventKind.VISIT);
        typed.put("/api/v1/demands", EventKind.DEMAND_CREATED);
        typed.put("/api/v1/tickets", EventKind.TICKET);
        typed.put("/api/v1/feedback", EventKind.FEEDBACK);
        typed.put("/api/v1/telemetry", EventKind.TELEMETRY);
        typed.forEach((path, kind) -> router.post(path).handler(writing).handler(bodyUpTo(config.maxBodyBytes()))
                .handler(events.postAs(kind)));
        for (var kind : EventKind.values()) {
            if (kind.isDemand() && kind != EventKind.DEMAND_CREATED) {
                var step = kind.wireName().substring("demand.".length());
                router.post("/api/v1/demands/:caseId/" + step).handler(writing).handler(bodyUpTo(config.maxBodyBytes()))
                        .handler(events.postAs(kind, "caseId"));
            }
        }
        router.postWithRegex(Pattern.quote(BATCH_PATH)).setName(BATCH_PATH)
                .handler(writing)
                .handler(bodyUpTo(config.maxBatchBytes()))
                .handler(batch::post);
        router.get("/api/v1/event-counts").handler(reading).handler(countsRate).handler(QueryParameters.noneAccepted())
                .handler(IngestServer::wholeRegionOnly).handler(warehouseRead)
                .handler(new EventCountsEndpoint(warehouse)::get);
        router.get("/api/v1/alerts").handler(reading).handler(readRate).handler(warehouseRead)
                .handler(new AlertsEndpoint(warehouse)::get);
        router.get("/api/v1/alerts/stream").handler(reading).handler(readRate)
                .handler(new AlertStreamEndpoint(alertFeed, heartbeat, config.connections().maxStreamsPerKey())::get);
        router.get("/api/v1/kpis").handler(reading).handler(kpisRate).handler(warehouseRead)
                .handler(new KpisEndpoint(config.region(), warehouse, config.zone(), config.clock())::get);
        router.get("/api/v1/sla/deadline").handler(reading).handler(readRate).handler(new DeadlinePreviewEndpoint(
                CalendarDirectory.of(config.calendarDir(), log::info), config.zone())::get);
        router.get("/api/v1/areas").handler(reading).handler(readRate).handler(areas::list);
        router.get("/api/v1/areas/:code").handler(reading).handler(readRate).handler(areas::one);
        var subscriptions = new SubscriptionsEndpoint(warehouse == null ? null : new SubscriptionStore(warehouse,
                SubscriptionSecrets.box(config.pseudonymKey())), config.region(), config.clock());
        router.post("/api/v1/subscriptions").handler(reading).handler(readRate).handler(bodyUpTo(16 * 1024))
                .handler(subscriptions::create);
        router.get("/api/v1/subscriptions").handler(reading).handler(readRate).handler(QueryParameters.noneAccepted())
                .handler(subscriptions::list);
        router.delete("/api/v1/subscriptions/:id").handler(reading).handler(readRate).handler(subscriptions::delete);
        var keyAdmin = new KeysEndpoint(warehouse == null ? null : new io.gridpulse.warehouse.keys.ApiKeyStore(warehouse),
                config.region(), audit, config.clock());
        var managing = ApiKeyAuthentication.requires(Right.KEYS);
        router.get("/api/v1/keys").handler(managing).handler(readRate).handler(QueryParameters.noneAccepted())
                .handler(keyAdmin::list);
        router.post("/api/v1/keys").handler(managing).handler(readRate).handler(bodyUpTo(16 * 1024)).handler(keyAdmin::create);
        router.post("/api/v1/keys/:client/rotate").handler(managing).handler(readRate).handler(keyAdmin::rotate);
        router.delete("/api/v1/keys/:client").handler(managing).handler(readRate).handler(keyAdmin::revoke);
        router.get("/api/v1/openapi.yaml").handler(QueryParameters.noneAccepted()).handler(ctx -> ctx.response()
                .putHeader("Content-Type", OpenApiDocument.CONTENT_TYPE).end(openApi));
        new Open311Api(codec, admission, limiter, timedLog, metrics, keyRing, warehouse, Open311Api.DEFAULT_JURISDICTION,
                config.zone(), config.clock(), config.maxBodyBytes(), homes).mount(router);

        // metrics tell how the edge is used, so they need a key as well
        router.get("/metrics").handler(authenticated).handler(ApiKeyAuthentication.requires(Right.METRICS))
                .handler(ctx -> ctx.vertx()
                        .executeBlocking(metrics::scrape, false)
                        .onSuccess(text -> ctx.response().putHeader("Content-Type", IngestMetrics.CONTENT_TYPE).end(text))
                        .onFailure(ctx::fail));

        router.errorHandler(404, ctx -> ProblemResponse.send(ctx, 404, "not-found", "Not found",
                "no resource at " + ctx.request().path()));
        router.errorHandler(405, ctx -> {
            var allowed = allowedMethods(ctx.normalizedPath());
            if (!allowed.isEmpty()) {
                ctx.response().putHeader("Allow", allowed);
            }
            ProblemResponse.send(ctx, 405, "method-not-allowed", "Method not allowed",
                    ctx.request().method() + " is not supported on " + ctx.request().path()
                            + (allowed.isEmpty() ? "" : "; use " + allowed));
        });
        router.errorHandler(413, ctx -> {
            Integer limit = ctx.get(BODY_LIMIT);
            ProblemResponse.send(ctx, 413, "payload-too-large", "Request too large",
                    "the body is larger than the " + (limit == null ? "allowed size" : limit + " bytes") + " accepted here");
        });
        router.errorHandler(400, ctx -> ProblemResponse.send(ctx, 400, "invalid-request", "Bad request",
                ctx.failure() == null ? "the request could not be read" : ctx.failure().getMessage()));
        router.errorHandler(500, IngestServer::internalError);

        metrics.routes(endpoints(router).stream().map(e -> e.substring(e.indexOf(' ') + 1)).collect(Collectors.toSet()));
        return router;
    }

    /** The methods of RFC 9110 and PATCH; a request with any other is refused before anything is counted. */
    static final Set<io.vertx.core.http.HttpMethod> KNOWN_METHODS = Set.of(io.vertx.core.http.HttpMethod.GET,
            io.vertx.core.http.HttpMethod.HEAD, io.vertx.core.http.HttpMethod.POST, io.vertx.core.http.HttpMethod.PUT,
            io.vertx.core.http.HttpMethod.DELETE, io.vertx.core.http.HttpMethod.PATCH, io.vertx.core.http.HttpMethod.OPTIONS,
            io.vertx.core.http.HttpMethod.TRACE, io.vertx.core.http.HttpMethod.CONNECT);

    /**
     * The first handler of every request: refuses unknown methods (501), turns away a connection let in on the
     * probes' reserve that asks for anything but a probe (503), stops the connection's head timer and restarts
     * it once answered, and gives the body {@link IngestConfig.Connections#bodyTimeout()} to arrive (408).
     */
    private void gateRequest(RoutingContext ctx) {
        var request = ctx.request();
        if (request.method() == io.vertx.core.http.HttpMethod.HEAD) {
            // RFC 9110 §9.3.2: HEAD is GET without the body; the server leaves the body out of a HEAD answer itself.
            // Rerouted once, before anything is counted or timed, so the GET's handlers run exactly once.
            ctx.reroute(io.vertx.core.http.HttpMethod.GET, request.uri());
            return;
        }
        if (!KNOWN_METHODS.contains(request.method())) {
            ctx.response().putHeader("Connection", "close");
            ProblemResponse.send(ctx, 501, "not-implemented", "Method not implemented",
                    "the method is not one this edge knows; it serves GET, HEAD and POST");
            return;
        }
        var remote = guard == null || request.remoteAddress() == null ? null : ConnectionGate.Remote.of(request.remoteAddress());
        if (remote != null) {
            var onReserve = guard.headArrived(remote);
            if (Boolean.TRUE.equals(onReserve) && !ctx.normalizedPath().startsWith("/health/")) {
                ctx.response().putHeader("Connection", "close");
                ProblemResponse.retryLater(ctx, 503, "overloaded", "Too many connections",
                        "the edge holds its last connections for health probes; retry shortly", 1);
                return;
            }
            ctx.addEndHandler(done -> guard.answered(remote));
        }
        if (!QueryParameters.decodable(ctx)) {
            return;
        }
        if (!request.isEnded()) {
            long timer = vertx.setTimer(config.connections().bodyTimeout().toMillis(), id -> {
                if (!request.isEnded() && !ctx.response().ended()) {
                    ctx.response().putHeader("Connection", "close");
                    ProblemResponse.send(ctx, 408, "request-timeout", "Request body too slow",
                            "the body did not arrive within " + config.connections().bodyTimeout().toSeconds()
                                    + " s of the request head; nothing of it was stored");
                    request.connection().close();
                }
            });
            ctx.addEndHandler(done -> vertx.cancelTimer(timer));
        }
        ctx.next();
    }

    /**
     * Without a gate, closes a new connection at once when the limit is reached. Every connection is a file descriptor;
     * a flood of slow clients once exhausted them and took Kafka's log and the warehouse down with it.
     */
    private void admit(io.vertx.core.http.HttpConnection connection) {
        if (openConnections.incrementAndGet() > config.connections().maxConnections()) {
            openConnections.decrementAndGet();
            refusedConnections.incrementAndGet();
            connection.close();
            return;
        }
        connection.closeHandler(closed -> openConnections.decrementAndGet());
    }

    /** Connections open now, counted from their accept (from their first request without a gate). */
    public int openConnections() {
        return guard != null ? guard.open() : openConnections.get();
    }

    /** Connections closed at once because a limit was reached, since start. */
    public long refusedConnections() {
        return guard != null ? guard.refused() : refusedConnections.get();
    }

    /**
     * Records the changes made over {@code /api/v1/keys} in this audit log; call before deploying. It must be the same
     * instance the cockpit appends to: two writers of one chain would each extend the head they last saw.
     */
    public IngestServer auditedBy(io.gridpulse.warehouse.audit.AuditLog log) {
        this.audit = log;
        return this;
    }

    /** The port actually bound (differs from the configured one when that was 0). */
    public int port() {
        return boundPort;
    }

    /** The metrics behind {@code /metrics}; the MQTT device server registers its meters here. */
    public IngestMetrics metrics() {
        return metrics;
    }

    /** The feed behind the alert stream; tests publish into it. */
    AlertFeed alertFeed() {
        return alertFeed;
    }

    /** The router, once started; tests compare its routes with the OpenAPI document. */
    Router router() {
        return router;
    }

    /** Every endpoint as "METHOD /path": routes bound to methods, a regex route by its name, parameters in braces. */
    static Set<String> endpoints(Router router) {
        var endpoints = new TreeSet<String>();
        for (Route route : router.getRoutes()) {
            if (route.methods() == null || route.methods().isEmpty()) {
                continue;
            }
            // path parameters as OpenAPI writes them: /areas/:code is /areas/{code}
            var path = (route.isRegexPath() ? route.getName() : route.getPath()).replaceAll("/:([A-Za-z]\\w*)", "/{$1}");
            for (var method : route.methods()) {
                endpoints.add(method.name() + " " + path);
            }
        }
        return endpoints;
    }

    private String allowedMethods(String path) {
        return endpoints(router).stream()
                .filter(e -> e.substring(e.indexOf(' ') + 1).equals(path))
                .map(e -> e.substring(0, e.indexOf(' ')))
                .collect(Collectors.joining(", "));
    }

    private static Handler<RoutingContext> bodyUpTo(int bytes) {
        var body = BodyHandler.create(false).setBodyLimit(bytes);
        return ctx -> {
            ctx.put(BODY_LIMIT, bytes);
            body.handle(ctx);
        };
    }

    /** Counts over the whole region are for keys that may read all of it. */
    private static void wholeRegionOnly(RoutingContext ctx) {
        var grant = ApiKeyAuthentication.grant(ctx);
        if (grant.isAreaScoped()) {
            ProblemResponse.send(ctx, 403, "out-of-scope", "Outside this key's scope",
                    "event counts cover the whole region; the key of " + grant.client() + " is limited to " + grant.areas());
            return;
        }
        ctx.next();
    }

    private static void internalError(RoutingContext ctx) {
        log.error("request {} {} failed", ctx.request().method(), ctx.request().path(), ctx.failure());
        ProblemResponse.send(ctx, 500, "internal", "Internal error",
                "the request failed inside the service; it was not stored. Quote the requestId when reporting it");
    }

    private static void json(RoutingContext ctx, int status, JsonObject body) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
    }
}
