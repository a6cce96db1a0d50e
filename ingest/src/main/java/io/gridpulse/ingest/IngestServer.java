package io.gridpulse.ingest;

import io.gridpulse.ingest.auth.ApiKeyAuthentication;
import io.gridpulse.ingest.counts.EventCountsEndpoint;
import io.gridpulse.ingest.events.EventsEndpoint;
import io.gridpulse.ingest.http.ProblemResponse;
import io.gridpulse.ingest.http.RequestIds;
import io.gridpulse.ingest.log.EventLog;
import io.gridpulse.model.json.EventCodec;
import io.gridpulse.model.privacy.Pseudonymiser;
import io.gridpulse.warehouse.Warehouse;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTP edge as one verticle: routes, authentication, problem answers for every failure. */
public final class IngestServer extends VerticleBase {
    private static final Logger log = LoggerFactory.getLogger(IngestServer.class);

    private final IngestConfig config;
    private final EventLog eventLog;
    private final Warehouse warehouse;
    private HttpServer server;

    public IngestServer(IngestConfig config, EventLog eventLog, Warehouse warehouse) {
        this.config = config;
        this.eventLog = eventLog;
        this.warehouse = warehouse;
    }

    @Override
    public Future<?> start() {
        var events = new EventsEndpoint(EventCodec.standard(), new Pseudonymiser(config.pseudonymKey()), eventLog);
        var router = Router.router(vertx);
        router.route().handler(new RequestIds());

        // probes carry no data, so load balancers may call them without a key
        router.get("/health/live").handler(ctx -> json(ctx, 200, new JsonObject().put("status", "UP")));
        router.get("/health/ready").handler(ctx -> {
            var up = eventLog.isReachable();
            json(ctx, up ? 200 : 503, new JsonObject().put("status", up ? "UP" : "DOWN")
                    .put("checks", new JsonObject().put("eventLog", up ? "UP" : "DOWN")));
        });

        router.route("/api/*").handler(new ApiKeyAuthentication(config.apiKeys()));
        router.post("/api/v1/events")
                .handler(BodyHandler.create(false).setBodyLimit(config.maxBodyBytes()))
                .handler(events::postOne);
        router.get("/api/v1/event-counts").handler(new EventCountsEndpoint(warehouse)::get);

        router.route().last().handler(ctx -> ProblemResponse.send(ctx, 404, "not-found", "Not found",
                "no resource at " + ctx.request().path()));
        router.errorHandler(405, ctx -> ProblemResponse.send(ctx, 405, "method-not-allowed", "Method not allowed",
                ctx.request().method() + " is not supported on " + ctx.request().path()));
        router.errorHandler(413, ctx -> ProblemResponse.send(ctx, 413, "payload-too-large", "Request too large",
                "the body is larger than " + config.maxBodyBytes() + " bytes"));
        router.errorHandler(400, ctx -> ProblemResponse.send(ctx, 400, "invalid-request", "Bad request",
                ctx.failure() == null ? "the request could not be read" : ctx.failure().getMessage()));
        router.errorHandler(500, IngestServer::internalError);

        return vertx.createHttpServer()
                .requestHandler(router)
                .listen(config.port(), config.host())
                .onSuccess(s -> {
                    server = s;
                    log.info("ingest listening on http://{}:{}", config.host(), s.actualPort());
                });
    }

    /** The port actually bound (differs from the configured one when that was 0). */
    public int port() {
        return server.actualPort();
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
