package io.gridpulse.ingest.counts;

import io.gridpulse.ingest.http.ProblemResponse;
import io.gridpulse.ingest.http.ShortCache;
import io.gridpulse.warehouse.Warehouse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/v1/event-counts}: how many distinct events the warehouse holds, in all and per
 * street. Lets an integrator (and the crash test) see that what was acknowledged has landed.
 */
public final class EventCountsEndpoint {
    /** Tokens of the key's rate one answer takes: three scans of the events table. */
    public static final int COST = 20;
    private static final Logger log = LoggerFactory.getLogger(EventCountsEndpoint.class);
    private final Warehouse warehouse;
    private final ShortCache<JsonObject> answers = new ShortCache<>(java.time.Duration.ofSeconds(1), 4);

    public EventCountsEndpoint(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    public void get(RoutingContext ctx) {
        // warehouse calls block: keep them off the event loop
        // three scans of the events table, one of them FINAL: once a second at most, however many ask
        answers.get(ctx.vertx().getOrCreateContext(), "counts", () -> {
                    var byStreet = new JsonArray();
                    for (var count : warehouse.events().countsByStreet()) {
                        byStreet.add(new JsonObject().put("streetCode", count.areaCode()).put("events", count.events()));
                    }
                    return new JsonObject()
                            .put("distinctEvents", warehouse.events().distinctCount())
                            .put("rows", warehouse.events().countFinal())
                            .put("byStreet", byStreet);
                })
                .onSuccess(body -> ctx.response().putHeader("Content-Type", "application/json").end(body.encode()))
                .onFailure(error -> {
                    log.warn("event counts failed: {}", error.getMessage());
                    ProblemResponse.retryLater(ctx, 503, "warehouse-unavailable", "Warehouse unavailable",
                            "the counts could not be read just now", 5);
                });
    }
}
