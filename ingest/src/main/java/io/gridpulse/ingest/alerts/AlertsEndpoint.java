package io.gridpulse.ingest.alerts;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridpulse.ingest.auth.ApiKeyAuthentication;
import io.gridpulse.ingest.http.ProblemResponse;
import io.gridpulse.ingest.http.QueryParameters;
import io.gridpulse.warehouse.Warehouse;
import io.gridpulse.warehouse.alerts.AlertJson;
import io.gridpulse.warehouse.alerts.AlertPage;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/v1/alerts}: alerts in their latest state, newest first, filtered and paged with
 * an opaque cursor. Answers {@code {"items":[alert…],"nextCursor":"…"|null}}.
 */
public final class AlertsEndpoint {
    private static final Logger log = LoggerFactory.getLogger(AlertsEndpoint.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final Warehouse warehouse;

    /** @param warehouse where alerts are read; null answers 503 (an edge started without one) */
    public AlertsEndpoint(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    public void get(RoutingContext ctx) {
        var query = QueryParameters.of(ctx, AlertQuery.LIST_PARAMETERS);
        var listing = AlertQuery.listing(query, ApiKeyAuthentication.grant(ctx));
        if (listing == null) {
            ProblemResponse.invalidParameters(ctx, query.status(), query.problems());
            return;
        }
        if (warehouse == null) {
            unavailable(ctx);
            return;
        }
        // warehouse calls block: keep them off the event loop
        ctx.vertx().executeBlocking(() -> body(warehouse.alerts().page(listing.filter(), listing.after(), listing.limit())), false)
                .onSuccess(body -> ctx.response().putHeader("Content-Type", "application/json").end(body))
                .onFailure(error -> {
                    log.warn("alerts listing failed: {}", error.toString());
                    unavailable(ctx);
                });
    }

    private static Buffer body(AlertPage page) throws Exception {
        var root = MAPPER.createObjectNode();
        var items = root.putArray("items");
        page.items().forEach(alert -> items.add(AlertJson.toTree(alert)));
        root.put("nextCursor", page.hasMore() ? AlertCursor.encode(page.next()) : null);
        return Buffer.buffer(MAPPER.writeValueAsBytes(root));
    }

    private static void unavailable(RoutingContext ctx) {
        ProblemResponse.retryLater(ctx, 503, "warehouse-unavailable", "Warehouse unavailable",
                "the alerts could not be read just now", 5);
    }
}
